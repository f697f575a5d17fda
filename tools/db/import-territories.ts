// npm run territories:import [-- <directory>]: loads the HCP territory dataset (default data/morocco/attributes).
// Repeatable: a second run reports every row unchanged.
import { resolve } from 'node:path';
import { DEFAULT_TERRITORY_DATA_DIR, TerritoryImportService } from '@convergence/server/territories';
import { exitOnError, withDatabase } from './with-database';

const directory = resolve(process.argv[2] ?? DEFAULT_TERRITORY_DATA_DIR);

withDatabase(
  async (dataSource) => {
    const result = await new TerritoryImportService(dataSource).import(directory);
    console.log(
      `Territories from ${directory}: ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
  },
  { demoData: false },
).catch(exitOnError);
