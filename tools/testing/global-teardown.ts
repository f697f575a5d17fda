import {
  templateDatabase,
  testRunId,
  withServer,
} from '../../libs/server/core/src/lib/testing/test-database';

/** Drops this run's template and any database a test file left (each file drops its own normally). */
export default async function globalTeardown(): Promise<void> {
  const runId = testRunId();
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [templateDatabase(runId), `convergence\\_test\\_${runId}\\_%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
