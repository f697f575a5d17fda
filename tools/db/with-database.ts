import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfigOrExit, startEmbeddedPostgres } from '@convergence/server/core';
import { ENTITIES } from '../../apps/api/src/app/entities';

/**
 * Runs `work` on the database the api would use: DATABASE_URL, or the embedded one in DATA_DIR
 * (stop `npm start` first: the embedded database has one owner at a time). Migrations run first.
 */
export async function withDatabase(work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const config = loadConfigOrExit();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, 54330);
  const url = embedded?.url ?? (config.databaseUrl as string);
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 1 }, ENTITIES));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await work(dataSource);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

export function exitOnError(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
