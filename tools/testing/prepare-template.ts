import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@convergence/server/core';
import { prepareDatabase } from '../../apps/api/src/app/database-preparation';
import { ENTITIES } from '../../apps/api/src/app/entities';

/** Migrates the template database of DATABASE_URL and imports the territories (reference data). */
async function prepareTemplate(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const dataSource = new DataSource(
    dataSourceOptions({ url: process.env['DATABASE_URL'] as string, poolSize: 2 }, ENTITIES),
  );
  await dataSource.initialize();
  try {
    await prepareDatabase(dataSource, { demoData: false, exclusive: false });
  } finally {
    await dataSource.destroy();
  }
}

prepareTemplate().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
