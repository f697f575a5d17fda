import {
  formatFiles,
  generateFiles,
  logger,
  names,
  parseJson,
  serializeJson,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { join } from 'node:path';
import type { DomainLibraryGeneratorSchema } from './schema';

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Every spelling of the domain the templates and the manual steps need. */
export interface DomainNames {
  /** `forum-posts`: folder, module file, import alias. */
  name: string;
  /** `server-forum-posts`: the Nx project. */
  projectName: string;
  /** `@convergence/server/forum-posts` */
  importPath: string;
  /** `libs/server/forum-posts` */
  root: string;
  /** `ForumPosts`: module class, migration name. */
  pluralClass: string;
  /** `forumPosts`: the list query. */
  pluralProperty: string;
  /** `forum posts`: prose. */
  pluralWords: string;
  /** `forum-post`: entity, model, service and resolver files. */
  singularFile: string;
  /** `ForumPost`: classes, GraphQL type and permission subject. */
  singularClass: string;
  /** `forumPost`: query builder alias. */
  singularProperty: string;
  /** `forum post`: prose. */
  singularWords: string;
  /** `forum_post`: the table, and the prefix of its index names. */
  table: string;
}

export function domainNames(options: Pick<DomainLibraryGeneratorSchema, 'name' | 'singular'>): DomainNames {
  const name = names(options.name.trim()).fileName;
  // Naive on purpose: `--singular` is there for the plurals this gets wrong (activities, news…).
  const singular = names(options.singular?.trim() || name.replace(/s$/, '')).fileName;
  for (const [option, value] of [
    ['name', name],
    ['singular', singular],
  ]) {
    if (!KEBAB_CASE.test(value)) {
      throw new Error(`domain-library: --${option} must be kebab-case letters and digits, got "${value}"`);
    }
  }
  return {
    name,
    projectName: `server-${name}`,
    importPath: `@convergence/server/${name}`,
    root: `libs/server/${name}`,
    pluralClass: names(name).className,
    pluralProperty: names(name).propertyName,
    pluralWords: name.replace(/-/g, ' '),
    singularFile: singular,
    singularClass: names(singular).className,
    singularProperty: names(singular).propertyName,
    singularWords: singular.replace(/-/g, ' '),
    table: singular.replace(/-/g, '_'),
  };
}

/** What the generator leaves to a person: the files it must not edit belong to everyone. */
export function manualSteps(domain: DomainNames): string[] {
  const { singularClass: Subject, pluralClass: Plural, importPath } = domain;
  return [
    `libs/shared/domain/src/lib/authz/ability.ts: add '${Subject}' to SubjectName and its rules to defineAbilityFor ` +
      `(until then tsc rejects '${Subject}' in the resolver and the service; without a rule nobody but an admin reads it).`,
    `apps/api/src/app/entities.ts: import { ${Subject}Entity } from '${importPath}' and add it to ENTITIES.`,
    `apps/api/src/app/app.module.ts: import { ${Plural}Module } from '${importPath}' and add it to imports.`,
    `npm run migration:generate -- Add${Plural}   then review the new file in libs/server/core/src/lib/database/migrations.`,
    `npm run schema:update   then commit apps/api/schema.gql.`,
    `apps/api/src/${domain.name}.int-spec.ts: an integration test with startTestApi, including a denied case.`,
  ];
}

export async function domainLibraryGenerator(
  tree: Tree,
  options: DomainLibraryGeneratorSchema,
): Promise<GeneratorCallback> {
  const domain = domainNames(options);
  if (tree.exists(domain.root)) {
    throw new Error(`domain-library: ${domain.root} already exists`);
  }
  const base = tree.read('tsconfig.base.json', 'utf-8');
  if (base === null) throw new Error('domain-library: no tsconfig.base.json at the workspace root');
  if (parseJson(base).compilerOptions?.paths?.[domain.importPath]) {
    throw new Error(`domain-library: tsconfig.base.json already maps ${domain.importPath}`);
  }

  generateFiles(tree, join(__dirname, 'files'), domain.root, { ...domain, tmpl: '' });

  // tsconfig.base.json is shared: the new alias must be its only change. updateJson writes
  // JSON.stringify's layout, so prettier runs over the file only when that is not the layout it had.
  const prettierAfterUpdate = base !== `${serializeJson(parseJson(base))}\n`;
  if (!options.skipFormat && !prettierAfterUpdate) await formatFiles(tree);
  updateJson(tree, 'tsconfig.base.json', (json) => {
    json.compilerOptions ??= {};
    json.compilerOptions.paths ??= {};
    json.compilerOptions.paths[domain.importPath] = [`./${domain.root}/src/index.ts`];
    return json;
  });
  if (!options.skipFormat && prettierAfterUpdate) await formatFiles(tree);

  return () => {
    logger.info(`\n${domain.root} is ready. Still to do by hand:`);
    manualSteps(domain).forEach((step, index) => logger.info(`  ${index + 1}. ${step}`));
  };
}

export default domainLibraryGenerator;
