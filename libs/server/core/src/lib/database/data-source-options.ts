import type { DataSourceOptions } from 'typeorm';
import type { MixedList, EntitySchema } from 'typeorm';
import { DatabaseLogger } from './database-logger';
import { migrations } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

export interface DatabaseTarget {
  url: string;
  /** Embedded PGlite serialises connections: one per process. */
  poolSize: number;
}

/**
 * One definition of how every process (api, worker, tools, tests) talks to PostgreSQL.
 * Schema changes only ever come from the committed migrations, never from `synchronize`.
 */
export function dataSourceOptions(target: DatabaseTarget, entities: EntityList): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    extra: { max: target.poolSize, connectionTimeoutMillis: 10_000 },
    logger: new DatabaseLogger(),
    maxQueryExecutionTime: 1_000,
  };
}
