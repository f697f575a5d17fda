import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PASSWORD = 'Convergence2026!';

export const ACCOUNTS = {
  admin: 'admin@demo.convergence.ma',
  ministry: 'ministere@demo.convergence.ma',
  elected: 'elu@demo.convergence.ma',
  sao: 'sao@demo.convergence.ma',
  prefecture: 'prefecture@demo.convergence.ma',
  electedMarrakech: 'elu.marrakech@demo.convergence.ma',
  partner: 'lydec@demo.convergence.ma',
} as const;

type Json = string | { [key: string]: Json };

/** Every text of the app in one language: the global file and each feature scope, keys prefixed. */
export function translations(locale: 'fr' | 'ar' | 'en'): Map<string, string> {
  const web = join(__dirname, '../../../web/public/i18n');
  const libs = join(__dirname, '../../../../libs/web');
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, Json>;
  const scopes = [
    'dashboard',
    'projects',
    'commitments',
    'actions',
    'forums',
    'notifications',
    'discussion',
    'admin',
  ];
  const tree: Record<string, Json> = { ...read(join(web, `${locale}.json`)) };
  for (const scope of scopes) tree[scope] = read(join(libs, scope, 'src', 'i18n', `${locale}.json`));
  const leaves = (node: Json, prefix: string): [string, string][] =>
    typeof node === 'string'
      ? [[prefix, node]]
      : Object.entries(node).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  return new Map(leaves(tree, ''));
}

/** The text of a key, failing loudly when the key does not exist (a renamed key breaks the journey). */
export function text(
  dictionary: Map<string, string>,
  key: string,
  values: Record<string, string | number> = {},
): string {
  const found = dictionary.get(key);
  if (found === undefined) throw new Error(`No translation for ${key}`);
  return found.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''));
}

export const fr = translations('fr');
export const ar = translations('ar');

/**
 * Signs in through the form, as a person does, then shows the app in `locale`: an account's own
 * language preference is kept on the server, and earlier journeys may have changed it.
 */
export async function signIn(
  page: Page,
  email: string,
  path = '/dashboard',
  locale: 'fr' | 'ar' = 'fr',
): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in/);
  const dictionary = (await page.locator('html').getAttribute('lang')) === 'ar' ? ar : fr;
  await page.getByLabel(text(dictionary, 'signIn.email')).fill(email);
  await page.getByLabel(text(dictionary, 'signIn.password')).fill(PASSWORD);
  await page.getByRole('button', { name: text(dictionary, 'signIn.submit') }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole('banner').locator('.cv-user')).toBeVisible();
  await page.getByRole('banner').locator('cv-language-select select').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the page as it is now: the serious and critical violations (id, help, where). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
}

/** The visible text of the page's main landmark and header. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** A GraphQL call made as a given account, outside the browser (to set a scene or look something up). */
export async function apiAs<T>(
  baseURL: string,
  email: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const call = async (body: object, token?: string) => {
    const response = await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const login = (await call({
    query:
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    variables: { email, password: PASSWORD },
  })) as { login: { accessToken: string } };
  return (await call({ query, variables }, login.login.accessToken)) as T;
}

/** The id of the first project matching `search` in a territory, as the ministry (which reads all) sees it. */
export async function projectId(baseURL: string, search: string, territoryCode: string): Promise<string> {
  const data = await apiAs<{ projects: { edges: { node: { id: string } }[] } }>(
    baseURL,
    ACCOUNTS.ministry,
    'query ($filter: ProjectFilter) { projects(filter: $filter, first: 1) { edges { node { id } } } }',
    { filter: { search, territoryCode } },
  );
  const id = data.projects.edges[0]?.node.id;
  if (!id) throw new Error(`No project "${search}" in ${territoryCode}`);
  return id;
}
