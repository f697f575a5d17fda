import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@convergence/server/core';
import { DEFAULT_TERRITORY_DATA_DIR, TerritoryImportService } from '@convergence/server/territories';
import { ENTITIES } from '../../apps/api/src/app/entities';

/** Migrates the template database of DATABASE_URL and imports the territories (reference data). */
async function prepareTemplate(): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: process.env['DATABASE_URL'] as string, poolSize: 1 }, ENTITIES),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await new TerritoryImportService(dataSource).import(resolve(DEFAULT_TERRITORY_DATA_DIR));
  } finally {
    await dataSource.destroy();
  }
}

prepareTemplate().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
