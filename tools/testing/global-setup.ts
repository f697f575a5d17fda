import { execFileSync } from 'node:child_process';
import {
  TEMPLATE_DATABASE,
  databaseUrl,
  withServer,
} from '../../libs/server/core/src/lib/testing/test-database';

/**
 * Once per integration run: drop the databases earlier runs left, rebuild the template from the
 * committed migrations and import the territories into it (tools/testing/prepare-template.ts).
 */
export default async function globalSetup(): Promise<void> {
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'convergence\\_test\\_%' OR datname = $1`,
      [TEMPLATE_DATABASE],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  execFileSync(process.execPath, ['tools/scripts/run-ts.mjs', 'tools/testing/prepare-template.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl(TEMPLATE_DATABASE) },
  });
}
