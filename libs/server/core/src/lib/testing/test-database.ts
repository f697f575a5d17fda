import { Client } from 'pg';

/** The server integration tests run against: the local PostgreSQL unless TEST_DATABASE_URL says otherwise. */
export const TEST_SERVER_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Databases of one test run are named after the run (the Jest main process id), so that two runs on
 * one server never drop each other's databases.
 */
export function testRunId(): string {
  return process.env['CONVERGENCE_TEST_RUN'] ?? String(process.pid);
}

export function templateDatabase(runId = testRunId()): string {
  return `convergence_tpl_${runId}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from this run's migrated template (about 100 ms). */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `convergence_test_${testRunId()}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return {
    url: databaseUrl(name),
    drop: () =>
      withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
