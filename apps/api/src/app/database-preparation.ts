import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@convergence/server/core';
import { DemoDataService } from '@convergence/server/demo';
import { DEFAULT_TERRITORY_DATA_DIR, TerritoryImportService } from '@convergence/server/territories';
import { DataSource } from 'typeorm';

/**
 * What start-up does to the database before serving: apply pending migrations, import Morocco's
 * territories into an empty table, and, in demo mode only, load the demo data into an empty database.
 */
@Injectable()
export class DatabasePreparation {
  private readonly logger = new Logger(DatabasePreparation.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly territories: TerritoryImportService,
    private readonly demo: DemoDataService,
  ) {}

  async run(): Promise<void> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    if (applied.length)
      this.logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    if (await this.territories.isEmpty()) {
      await this.territories.import(resolve(process.cwd(), DEFAULT_TERRITORY_DATA_DIR));
    }
    if (this.config.demoData && !(await this.demo.hasOrganizations())) await this.demo.seed();
  }
}
