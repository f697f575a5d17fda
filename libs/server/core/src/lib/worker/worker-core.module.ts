import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions, type DatabaseTarget } from '../database/data-source-options';
import { embeddedDatabaseUrl } from '../database/embedded-postgres';
import { migrations } from '../database/migrations';
import { InfrastructureModule } from '../infrastructure.module';

/** How long a worker waits for the api to start its embedded database and migrate it. */
const DATABASE_WAIT_SECONDS = 60;

/**
 * The worker's database: DATABASE_URL, or the api's embedded one (whose socket server runs one
 * connection at a time: a pool of one, ADR 0002).
 */
export function workerDatabase(config: AppConfig): DatabaseTarget {
  return config.databaseUrl
    ? { url: config.databaseUrl, poolSize: 5 }
    : { url: embeddedDatabaseUrl(config.embeddedDatabasePort), poolSize: 1 };
}

/**
 * With the embedded database, waits quietly until the api has opened it (`npm start` launches both
 * at once), so that the worker's first connection succeeds instead of logging refused retries.
 * With DATABASE_URL there is nothing to wait for here: TypeORM's retries cover a late server.
 */
export async function untilEmbeddedDatabaseListens(config: AppConfig): Promise<void> {
  if (config.databaseUrl) return;
  const deadline = Date.now() + DATABASE_WAIT_SECONDS * 1_000;
  const listens = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(config.embeddedDatabasePort, '127.0.0.1');
      const answer = (listening: boolean) => {
        socket.destroy();
        resolve(listening);
      };
      socket.once('connect', () => answer(true)).once('error', () => answer(false));
    });
  while (!(await listens())) {
    if (Date.now() > deadline) return; // TypeORM's own retries will report the failure
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Holds the worker's start until the api has prepared the database: applied every migration this
 * build knows and, in demo mode, loaded the demo data (one transaction, organisations first), so
 * that no processor or start-up scan runs against a schema or a story that is not there yet.
 */
@Injectable()
export class SchemaReadiness implements OnModuleInit {
  private readonly logger = new Logger(SchemaReadiness.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const newest = new migrations[migrations.length - 1]().name;
    const deadline = Date.now() + DATABASE_WAIT_SECONDS * 1_000;
    let logged = false;
    while (!(await this.prepared(newest))) {
      if (Date.now() > deadline) {
        throw new Error(
          `The database has not been prepared (migrated to ${newest}${this.config.demoData ? ', demo data loaded' : ''}) after ${DATABASE_WAIT_SECONDS} s: is the api running${this.config.databaseUrl ? '' : ' (it starts the embedded database)'}?`,
        );
      }
      if (!logged) this.logger.log(`Waiting for the api to prepare the database (${newest})`);
      logged = true;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  private async prepared(newestMigration: string | undefined): Promise<boolean> {
    try {
      const migrated = await this.dataSource.query('SELECT 1 FROM migrations WHERE name = $1', [
        newestMigration,
      ]);
      if ((migrated as unknown[]).length !== 1) return false;
      if (!this.config.demoData) return true;
      const organizations = await this.dataSource.query('SELECT 1 FROM organization LIMIT 1');
      return (organizations as unknown[]).length === 1;
    } catch {
      return false; // no migrations table yet
    }
  }
}

/**
 * The worker's foundation: the shared infrastructure and PostgreSQL (no GraphQL, no HTTP). Entities
 * come from the `forFeature` of the modules the worker imports. The connection is retried for a
 * minute, since with the embedded database the api process starts the server.
 */
@Module({})
export class WorkerCoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const retryDelay = 2_000;
    return {
      module: WorkerCoreModule,
      global: true,
      imports: [
        InfrastructureModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(workerDatabase(config), []),
          autoLoadEntities: true,
          retryAttempts: (DATABASE_WAIT_SECONDS * 1_000) / retryDelay,
          retryDelay,
        }),
      ],
      providers: [SchemaReadiness],
    };
  }
}
