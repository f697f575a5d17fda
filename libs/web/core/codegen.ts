import type { CodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every web library with GraphQL documents gets its own generated file, beside its documents. */
function webLibrariesWithDocuments(): string[] {
  const hasDocuments = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? hasDocuments(join(dir, entry.name)) : entry.name.endsWith('.graphql'),
    );
  return readdirSync('libs/web', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && hasDocuments(join('libs/web', entry.name, 'src')))
    .map((entry) => entry.name);
}

/** Core keeps its historical path; feature libraries generate into `src/lib/data-access/`. */
function outputOf(library: string): string {
  return library === 'core'
    ? 'libs/web/core/src/lib/graphql/generated.ts'
    : `libs/web/${library}/src/lib/data-access/generated.ts`;
}

const output: Types.ConfiguredOutput = {
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
};

/**
 * Typed documents for the web app, from the api's committed schema: one file per web library, so
 * each feature owns its operations and types.
 * Paths are relative to the repository root: `npm run codegen` runs from there.
 * The output is committed; `npm run codegen:check` fails when it is stale.
 *
 * typescript-operations 6 emits the enums and input types the documents use by itself; adding the
 * `typescript` plugin would declare every enum a second time (a compile error), so it is left out.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  overwrite: true,
  generates: Object.fromEntries(
    webLibrariesWithDocuments().map((library) => [
      outputOf(library),
      { ...output, documents: `libs/web/${library}/src/**/*.graphql` },
    ]),
  ),
};

export default config;
