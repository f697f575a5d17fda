import { loadConfigOrExit, startEmbeddedPostgres } from '@convergence/server/core';
import { createApi } from './bootstrap';

/** Embedded PostgreSQL listens here unless EMBEDDED_DATABASE_PORT says otherwise. */
const EMBEDDED_DATABASE_PORT = Number(process.env['EMBEDDED_DATABASE_PORT'] ?? 54329);

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, EMBEDDED_DATABASE_PORT);
  const database = embedded
    ? { url: embedded.url, poolSize: 1 }
    : { url: config.databaseUrl as string, poolSize: 10 };

  const app = await createApi(config, database);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: closing`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(signal));
  await app.listen(config.port);
  console.log(
    `Convergence api on http://localhost:${config.port} (GraphQL /graphql, health /health; database: ${embedded ? `embedded in ${config.dataDir}` : 'DATABASE_URL'})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
