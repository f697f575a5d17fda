// npm run seed:demo: the demo organisations and accounts (README) into DATABASE_URL or the embedded
// database. Asking for it is the opt-in; only production refuses, unless DEMO_DATA=true.
import { loadConfigOrExit } from '@convergence/server/core';
import { DemoDataService } from '@convergence/server/demo';
import { exitOnError, withDatabase } from './with-database';

const { production, demoData } = loadConfigOrExit();
if (production && !demoData) {
  console.error('Demo data is refused with NODE_ENV=production: set DEMO_DATA=true to load it anyway');
  process.exit(1);
}

withDatabase(
  async (dataSource) => {
    const result = await new DemoDataService(dataSource).seed();
    console.log(`Demo data: ${result.organizations} organisations, ${result.users} new accounts`);
  },
  { demoData: false },
).catch(exitOnError);
