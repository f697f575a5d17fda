import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';

/**
 * Integration tests (`*.int-spec.ts`) on the real PostgreSQL of TEST_DATABASE_URL (default: the local
 * server) and the real Redis on 127.0.0.1:6379. Each test file gets its own database, cloned from a
 * template that tools/testing/global-setup.ts migrates once per run.
 */

const serverPreset = require('./jest.preset.server.js');

const { compilerOptions } = require('./tsconfig.base.json');

const config: Config = {
  displayName: 'integration',
  rootDir: '.',
  testMatch: ['<rootDir>/apps/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts'],
  testEnvironment: 'node',
  transform: serverPreset.transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/tools/testing/global-setup.ts',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30_000,
};

export default config;
