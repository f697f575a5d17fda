import { execFileSync } from 'node:child_process';
import {
  databaseUrl,
  templateDatabase,
  testRunId,
  withServer,
} from '../../libs/server/core/src/lib/testing/test-database';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Once per integration run: drop what crashed runs left behind (runs whose process is gone), build
 * this run's template from the committed migrations with the territories imported, and hand the
 * run id to the test workers.
 */
export default async function globalSetup(): Promise<void> {
  const runId = testRunId();
  process.env['CONVERGENCE_TEST_RUN'] = runId;
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^convergence_(tpl|test)_[0-9]+'`,
    );
    for (const { datname } of rows) {
      const owner = Number(/^convergence_(?:tpl|test)_(\d+)/.exec(datname)?.[1]);
      if (!isRunning(owner)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await client.query(`DROP DATABASE IF EXISTS ${templateDatabase(runId)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${templateDatabase(runId)}`);
  });
  execFileSync(process.execPath, ['tools/scripts/run-ts.mjs', 'tools/testing/prepare-template.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl(templateDatabase(runId)) },
  });
}
