import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  loadConfigOrExit,
  startEmbeddedPostgres,
  type AppConfig,
} from '@convergence/server/core';
import { prepareDatabase } from '../../apps/api/src/app/database-preparation';
import { ENTITIES } from '../../apps/api/src/app/entities';

/**
 * Runs `work` on the database the api would use, prepared as at start-up (migrations, territories;
 * demo data only if `demoData`): DATABASE_URL, or the embedded one in DATA_DIR (which refuses to
 * start while `npm start` holds it).
 */
export async function withDatabase(
  work: (dataSource: DataSource, config: AppConfig) => Promise<void>,
  { demoData }: { demoData: boolean },
): Promise<void> {
  const config = loadConfigOrExit();
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, config.embeddedDatabasePort);
  const url = embedded?.url ?? (config.databaseUrl as string);
  const poolSize = embedded ? 1 : 2;
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize }, ENTITIES));
  await dataSource.initialize();
  try {
    await prepareDatabase(dataSource, { demoData, exclusive: !embedded });
    await work(dataSource, config);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

export function exitOnError(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
