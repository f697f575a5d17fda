// Server and shared tests run through SWC (about twice as fast as ts-jest); types are checked by
// `npm run typecheck`, not by the test runner. Decorator metadata is needed by NestJS and TypeORM.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Some libraries are covered by integration tests only (apps/api/src/*.int-spec.ts).
  passWithNoTests: true,
};
