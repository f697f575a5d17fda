import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@convergence/server/core';
import { DemoDataService } from '@convergence/server/demo';
import { DEFAULT_TERRITORY_DATA_DIR, TerritoryImportService } from '@convergence/server/territories';
import { DataSource } from 'typeorm';

export interface PreparationOptions {
  /** Load the demo organisations and accounts if the database has no organisation yet. */
  demoData: boolean;
  /**
   * Serialise concurrent preparations (several api replicas starting on one empty database) with an
   * advisory lock. Needs a second connection: not for the embedded database's pool of one.
   */
  exclusive: boolean;
}

const PREPARATION_LOCK = 4_151_022; // any constant: the advisory lock key of database preparation

/**
 * What start-up does to a database before serving (also used by the tools and the test template):
 * apply pending migrations, import Morocco's territories into an empty table and, in demo mode only,
 * load the demo data into a database without organisations.
 */
export async function prepareDatabase(dataSource: DataSource, options: PreparationOptions): Promise<void> {
  const logger = new Logger('DatabasePreparation');
  const lock = options.exclusive ? dataSource.createQueryRunner() : null;
  await lock?.query('SELECT pg_advisory_lock($1)', [PREPARATION_LOCK]);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length)
      logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    const territories = new TerritoryImportService(dataSource);
    if (await territories.isEmpty()) await territories.import(resolve(DEFAULT_TERRITORY_DATA_DIR));
    const demo = new DemoDataService(dataSource);
    if (options.demoData && !(await demo.hasOrganizations())) await demo.seed();
  } finally {
    await lock?.query('SELECT pg_advisory_unlock($1)', [PREPARATION_LOCK]);
    await lock?.release();
  }
}

@Injectable()
export class DatabasePreparation {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  run(): Promise<void> {
    return prepareDatabase(this.dataSource, {
      demoData: this.config.demoData,
      exclusive: this.config.databaseUrl !== null,
    });
  }
}
