import { LOCALES, ORGANIZATION_KINDS, ROLES, TERRITORY_KINDS } from '@convergence/shared/domain';
import { API_ERROR_CODES } from '@convergence/web/core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

type Json = string | { [key: string]: Json };

const WEB_ROOT = join(__dirname, '..');
const LIBS_ROOT = join(WEB_ROOT, '..', '..', 'libs', 'web');

function readJson(path: string): Record<string, Json> {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * Feature libraries with their own Transloco scope: `libs/web/<scope>/src/i18n/<locale>.json`,
 * served as `i18n/<scope>/<locale>.json` and read in templates as `'<scope>.<key>' | transloco`.
 */
const SCOPES = readdirSync(LIBS_ROOT).filter((name) => {
  try {
    return statSync(join(LIBS_ROOT, name, 'src', 'i18n')).isDirectory();
  } catch {
    return false;
  }
});

/** The global file and every scope, scope keys prefixed with the scope's name. */
function load(locale: string): Record<string, Json> {
  const global = readJson(join(WEB_ROOT, 'public', 'i18n', `${locale}.json`));
  const scoped = SCOPES.map((scope) => [scope, readJson(join(LIBS_ROOT, scope, 'src', 'i18n', `${locale}.json`))]);
  return { ...global, ...Object.fromEntries(scoped) };
}

/** Every leaf key ("signIn.errors.emailRequired") with its text. */
function leaves(tree: Json, prefix = ''): [string, Json][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(html|ts)$/.test(name) && !/\.spec\.ts$/.test(name) && !name.endsWith('generated.ts')
      ? [path]
      : [];
  });
}

describe('translations', () => {
  const translations = Object.fromEntries(LOCALES.map((locale) => [locale, new Map(leaves(load(locale)))]));
  const french = translations['fr'];

  const others = LOCALES.filter((locale) => locale !== 'fr');

  it('gives no scope the name of a global section', () => {
    const global = Object.keys(readJson(join(WEB_ROOT, 'public', 'i18n', 'fr.json')));
    expect(SCOPES.filter((scope) => global.includes(scope))).toEqual([]);
  });

  it.each(others)('%s has exactly the keys of fr', (locale) => {
    expect([...translations[locale].keys()].sort()).toEqual([...french.keys()].sort());
  });

  it.each(LOCALES)('%s has no empty text', (locale) => {
    const empty = [...translations[locale]].filter(
      ([, text]) => typeof text !== 'string' || text.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it.each(others)('%s keeps the same {{placeholders}} as fr', (locale) => {
    const placeholders = (text: Json | undefined) =>
      String(text)
        .match(/{{\s*\w+\s*}}/g)
        ?.sort() ?? [];
    for (const [key, text] of french) {
      expect([key, placeholders(translations[locale].get(key))]).toEqual([key, placeholders(text)]);
    }
  });

  it('translates every role, organisation kind, territory kind, language and error code', () => {
    const expected = [
      ...ROLES.map((role) => `role.${role}`),
      ...ORGANIZATION_KINDS.map((kind) => `organizationKind.${kind}`),
      ...TERRITORY_KINDS.map((kind) => `territoryKind.${kind}`),
      ...LOCALES.map((locale) => `language.${locale}`),
      ...API_ERROR_CODES.map((code) => `errors.${code}`),
    ];
    expect(expected.filter((key) => !french.has(key))).toEqual([]);
  });

  it('has a text for every key the templates and routes use', () => {
    const used = new Map<string, string>();
    const patterns = [
      /'([a-zA-Z][\w]*(?:\.[\w]+)+)'\s*\|\s*transloco/g, // 'key' | transloco
      /\btitle:\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g, // route titles
      /\bprovides:\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g, // data-source descriptions
      /selectTranslate<string>\('([a-zA-Z][\w]*(?:\.[\w]+)+)'\)/g,
    ];
    for (const file of [...sourceFiles(join(WEB_ROOT, 'src')), ...sourceFiles(LIBS_ROOT)]) {
      const source = readFileSync(file, 'utf8');
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) used.set(match[1], relative(WEB_ROOT, file));
      }
    }

    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter(([key]) => !french.has(key))).toEqual([]);
  });
});
