import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@convergence/server/core';
import { DemoDataService } from '@convergence/server/demo';
import { TerritoryImportService } from '@convergence/server/territories';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApi } from './bootstrap';
import { spawnEmbeddedPostgres, type EmbeddedPostgresProcess } from './testing/embedded-postgres-process';
import { freePort } from './testing/free-port';

const PASSWORD = 'Convergence2026!';

interface Running {
  app: NestExpressApplication;
  database: EmbeddedPostgresProcess;
  url: string;
}

async function graphql<T>(
  url: string,
  query: string,
  token?: string,
): Promise<{ data?: T; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
}

/**
 * `npm start` with no DATABASE_URL: an embedded PostgreSQL (PGlite) in the data directory, the same
 * migrations, the territories and the demo data loaded on first start only.
 */
describe('the embedded database (npm start without DATABASE_URL)', () => {
  jest.setTimeout(120_000);

  const dataDir = mkdtempSync(join(tmpdir(), 'convergence-embedded-'));
  let running: Running | undefined;
  const importSpy = jest.spyOn(TerritoryImportService.prototype, 'import');
  const seedSpy = jest.spyOn(DemoDataService.prototype, 'seed');

  async function start(): Promise<Running> {
    const database = await spawnEmbeddedPostgres(dataDir, await freePort());
    const config = loadConfig({
      DEMO_DATA: 'true',
      JWT_SECRET: 'integration-tests-secret-of-at-least-32-chars',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
    });
    expect(config.databaseUrl).toBeNull();
    try {
      const app = await createApi(config, { url: database.url, poolSize: 1 });
      await app.listen(0, '127.0.0.1');
      running = { app, database, url: await app.getUrl() };
      return running;
    } catch (error) {
      await database.stop();
      throw error;
    }
  }

  async function stop(): Promise<void> {
    if (!running) return;
    const { app, database } = running;
    running = undefined;
    await app.close();
    await database.stop();
  }

  async function signIn(url: string, email: string): Promise<string> {
    const response = await graphql<{ login: { accessToken: string } }>(
      url,
      `mutation { login(email: "${email}", password: "${PASSWORD}") { accessToken } }`,
    );
    if (!response.data?.login)
      throw new Error(`sign-in of ${email} failed: ${JSON.stringify(response.errors)}`);
    return response.data.login.accessToken;
  }

  async function databaseState(app: NestExpressApplication) {
    const [row]: { territories: string; users: string; migrations: string; versions: string }[] = await app
      .get(DataSource)
      .query(
        `SELECT (SELECT count(*) FROM territory) AS territories,
                (SELECT count(*) FROM app_user) AS users,
                (SELECT count(*) FROM migrations) AS migrations,
                (SELECT md5(string_agg(code || ':' || xmin::text, '|' ORDER BY code)) FROM territory) AS versions`,
      );
    return row;
  }

  afterAll(async () => {
    await stop();
    importSpy.mockRestore();
    seedSpy.mockRestore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let firstRun: Awaited<ReturnType<typeof databaseState>>;
  let tokenOfFirstRun: string;

  it('starts on an empty data directory: migrates, imports the territories, loads the demo accounts', async () => {
    const started = performance.now();
    const { app, url } = await start();
    console.log(
      `First start of the api on an empty embedded database: ${Math.round(performance.now() - started)} ms`,
    );

    expect(importSpy).toHaveBeenCalledTimes(1);
    expect(seedSpy).toHaveBeenCalledTimes(1);
    firstRun = await databaseState(app);
    expect(Number(firstRun.territories)).toBe(1598);
    expect(Number(firstRun.users)).toBe(7);
    expect(Number(firstRun.migrations)).toBeGreaterThanOrEqual(1);

    tokenOfFirstRun = await signIn(url, 'sao@demo.convergence.ma');
    const me = await graphql<{ me: { organization: { name: string } } }>(
      url,
      '{ me { organization { name } } }',
      tokenOfFirstRun,
    );
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.organization.name).toBe('Société Al Omrane Casablanca-Settat');

    const territories = await graphql<{ territories: { code: string; nameFr: string }[] }>(
      url,
      '{ territories { code nameFr } }',
      tokenOfFirstRun,
    );
    expect(territories.errors).toBeUndefined();
    expect(territories.data?.territories).toHaveLength(12);
    expect(territories.data?.territories.find((t) => t.code === '06')?.nameFr).toBe('Casablanca-Settat');

    const denied = await graphql(url, '{ territories { code } }');
    expect(denied.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('starts again on the same data directory keeping migrations and data, with no second import', async () => {
    expect(firstRun).toBeDefined();
    await stop();
    importSpy.mockClear();
    seedSpy.mockClear();

    const { app, url } = await start();
    expect(importSpy).not.toHaveBeenCalled();
    expect(seedSpy).not.toHaveBeenCalled();
    // Same counts, and not one territory row rewritten (row versions unchanged).
    expect(await databaseState(app)).toEqual(firstRun);

    // The sign-in of the first run is still a live session: its refresh-token family was kept.
    const me = await graphql<{ me: { email: string } }>(url, '{ me { email } }', tokenOfFirstRun);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.email).toBe('sao@demo.convergence.ma');

    const wrong = await graphql(
      url,
      `
        mutation {
          login(email: "sao@demo.convergence.ma", password: "wrong") {
            accessToken
          }
        }
      `,
    );
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await signIn(url, 'elu.marrakech@demo.convergence.ma');
  });
});
