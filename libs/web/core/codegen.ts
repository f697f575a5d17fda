import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the web app, from the api's committed schema.
 * Paths are relative to the repository root: `npm run codegen` runs from there.
 * The output is committed; `npm run codegen:check` fails when it is stale.
 *
 * typescript-operations 6 emits the enums and input types the documents use by itself; adding the
 * `typescript` plugin would declare every enum a second time (a compile error), so it is left out.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: 'libs/web/**/src/**/*.graphql',
  overwrite: true,
  generates: {
    'libs/web/core/src/lib/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumType: 'string-literal',
        strictScalars: true,
        scalars: {
          DateTime: { input: 'string', output: 'string' },
          JSON: { input: 'unknown', output: 'unknown' },
          // Exact amounts travel as strings ("500000000.00"); format them, never parse them as floats.
          Decimal: { input: 'string', output: 'string' },
        },
        useTypeImports: true,
        immutableTypes: true,
        documentNodeImport: '@apollo/client#TypedDocumentNode',
      },
    },
  },
};

export default config;
