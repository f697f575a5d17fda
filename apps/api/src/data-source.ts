import { dataSourceOptions } from '@convergence/server/core';
import { DataSource } from 'typeorm';
import { ENTITIES } from './app/entities';

/** For the TypeORM command line (`npm run migration:generate`, `npm run migration:run`) only. */
export default new DataSource(
  dataSourceOptions(
    { url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/convergence', poolSize: 1 },
    ENTITIES,
  ),
);
