import { readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { domainLibraryGenerator, domainNames, manualSteps } from './generator';
import type { DomainLibraryGeneratorSchema } from './schema';

/**
 * Prettier cannot run inside Jest (it loads itself with a dynamic import()), so formatFiles records
 * the files it would format: those the generator created or changed so far, as in a real workspace
 * where the files a test sets up beforehand are not changes.
 */
let setUp = new Map<string, string>();
let formatted: string[] = [];
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual('@nx/devkit'),
  formatFiles: async (tree: Tree) => {
    for (const { path, content } of tree.listChanges()) {
      if (setUp.get(path) !== content?.toString()) formatted.push(path);
    }
  },
}));

describe('domain-library generator', () => {
  let tree: Tree;

  /** Runs the generator on the tree as the test has set it up. */
  function generate(options: DomainLibraryGeneratorSchema) {
    setUp = new Map(tree.listChanges().map(({ path, content }) => [path, content?.toString() ?? '']));
    return domainLibraryGenerator(tree, options);
  }

  beforeEach(() => {
    formatted = [];
    tree = createTreeWithEmptyWorkspace({ formatter: 'prettier' });
  });

  it('creates the standard anatomy under libs/server/<name>', async () => {
    await generate({ name: 'forums' });

    expect(tree.children('libs/server/forums').sort()).toEqual([
      'README.md',
      'eslint.config.mjs',
      'jest.config.cts',
      'project.json',
      'src',
      'tsconfig.json',
      'tsconfig.lib.json',
      'tsconfig.spec.json',
    ]);
    expect(tree.children('libs/server/forums/src/lib').sort()).toEqual([
      'forum.entity.ts',
      'forum.model.ts',
      'forum.resolver.ts',
      'forum.service.spec.ts',
      'forum.service.ts',
      'forums.module.ts',
    ]);
  });

  it('registers a server feature project and its import alias', async () => {
    await generate({ name: 'forums' });

    expect(readJson(tree, 'libs/server/forums/project.json')).toMatchObject({
      name: 'server-forums',
      sourceRoot: 'libs/server/forums/src',
      tags: ['scope:server', 'type:feature'],
    });
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths).toEqual({
      '@convergence/server/forums': ['./libs/server/forums/src/index.ts'],
    });
    expect(readJson(tree, 'libs/server/forums/tsconfig.json').compilerOptions).toMatchObject({
      module: 'node16',
      moduleResolution: 'node16',
    });
    expect(readJson(tree, 'libs/server/forums/tsconfig.spec.json').include).toContain('src/**/*.int-spec.ts');
    expect(tree.read('libs/server/forums/jest.config.cts', 'utf-8')).toContain(
      "preset: '../../../jest.preset.server.js'",
    );
  });

  it('names the subject, the list filter and the policy after the singular', async () => {
    await generate({ name: 'forums' });
    const read = (file: string) => tree.read(`libs/server/forums/src/lib/${file}`, 'utf-8');

    expect(read('forum.entity.ts')).toContain("@Entity({ name: 'forum' })");
    expect(read('forum.model.ts')).toContain("@ObjectType('Forum')");
    expect(read('forum.service.ts')).toContain("accessibleBy(query, ability, 'read', 'Forum')");
    expect(read('forum.resolver.ts')).toContain("@CheckPolicies((ability) => ability.can('read', 'Forum'))");
    expect(read('forums.module.ts')).toContain('TypeOrmModule.forFeature([ForumEntity])');
    expect(read('forums.module.ts')).toContain('export class ForumsModule');
    expect(tree.read('libs/server/forums/src/index.ts', 'utf-8')).toContain(
      "export * from './lib/forums.module';",
    );
  });

  it('leaves no template syntax behind', async () => {
    await generate({ name: 'forum-posts' });
    const files: string[] = [];
    const walk = (dir: string) =>
      tree.children(dir).forEach((child) => {
        const path = `${dir}/${child}`;
        if (tree.isFile(path)) files.push(path);
        else walk(path);
      });
    walk('libs/server/forum-posts');

    for (const file of files) {
      expect(`${file}: ${tree.read(file, 'utf-8')}`).not.toMatch(/<%|%>|__\w+__/);
    }
  });

  describe('tsconfig.base.json, shared with everyone', () => {
    const core = { '@convergence/server/core': ['./libs/server/core/src/index.ts'] };
    const forums = { '@convergence/server/forums': ['./libs/server/forums/src/index.ts'] };
    const asNxWrites = (paths: object) => `${JSON.stringify({ compilerOptions: { paths } }, null, 2)}\n`;

    it('keeps the layout Nx writes: only the alias is added, prettier never sees the file', async () => {
      tree.write('tsconfig.base.json', asNxWrites(core));

      await generate({ name: 'forums' });

      expect(tree.read('tsconfig.base.json', 'utf-8')).toBe(asNxWrites({ ...core, ...forums }));
      expect(formatted).not.toContain('tsconfig.base.json');
    });

    it('hands a prettier-formatted file back to prettier once the alias is in', async () => {
      const asPrettierWrites =
        '{\n  "compilerOptions": {\n    "paths": { "@convergence/server/core": ["./x"] }\n  }\n}\n';
      tree.write('tsconfig.base.json', asPrettierWrites);

      await generate({ name: 'forums' });

      expect(formatted).toContain('tsconfig.base.json');
      expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths).toEqual({
        '@convergence/server/core': ['./x'],
        ...forums,
      });
    });
  });

  it('takes --singular when stripping the "s" would be wrong', async () => {
    await generate({ name: 'activities', singular: 'activity' });

    expect(tree.exists('libs/server/activities/src/lib/activity.service.ts')).toBe(true);
    expect(tree.read('libs/server/activities/src/lib/activity.resolver.ts', 'utf-8')).toContain(
      'async activities(',
    );
  });

  it('refuses an existing library or alias, and a name that is not kebab-case', async () => {
    await generate({ name: 'forums' });

    await expect(generate({ name: 'forums' })).rejects.toThrow('already exists');
    tree.delete('libs/server/forums');
    await expect(generate({ name: 'forums' })).rejects.toThrow('already maps');
    await expect(generate({ name: 'forums!' })).rejects.toThrow('kebab-case');
  });

  it('spells multi-word domains for each use', () => {
    expect(domainNames({ name: 'forum-posts' })).toEqual({
      name: 'forum-posts',
      projectName: 'server-forum-posts',
      importPath: '@convergence/server/forum-posts',
      root: 'libs/server/forum-posts',
      pluralClass: 'ForumPosts',
      pluralProperty: 'forumPosts',
      pluralWords: 'forum posts',
      singularFile: 'forum-post',
      singularClass: 'ForumPost',
      singularProperty: 'forumPost',
      singularWords: 'forum post',
      table: 'forum_post',
    });
  });

  it('lists the manual steps with the names to use', () => {
    const steps = manualSteps(domainNames({ name: 'forums' })).join('\n');

    expect(steps).toContain("add 'Forum' to SubjectName");
    expect(steps).toContain(
      "import { ForumEntity } from '@convergence/server/forums' and add it to ENTITIES",
    );
    expect(steps).toContain('import { ForumsModule }');
    expect(steps).toContain('npm run migration:generate -- AddForums');
    expect(steps).toContain('npm run schema:update');
  });
});
