// npm run seed:demo: the demo organisations and accounts (README). Refused in production unless DEMO_DATA=true.
import { resolve } from 'node:path';
import { loadConfigOrExit } from '@convergence/server/core';
import { DemoDataService } from '@convergence/server/demo';
import { DEFAULT_TERRITORY_DATA_DIR, TerritoryImportService } from '@convergence/server/territories';
import { exitOnError, withDatabase } from './with-database';

if (!loadConfigOrExit().demoData) {
  console.error('Demo data is off (NODE_ENV=production): set DEMO_DATA=true to load it anyway');
  process.exit(1);
}

withDatabase(async (dataSource) => {
  const territories = new TerritoryImportService(dataSource);
  if (await territories.isEmpty()) await territories.import(resolve(DEFAULT_TERRITORY_DATA_DIR));
  const result = await new DemoDataService(dataSource).seed();
  console.log(`Demo data: ${result.organizations} organisations, ${result.users} new accounts`);
}).catch(exitOnError);
