import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit, startEmbeddedPostgres, type EmbeddedPostgres } from '@convergence/server/core';
import { createApi } from './bootstrap';

let embedded: EmbeddedPostgres | null = null;
let app: NestExpressApplication | null = null;
let closing: Promise<void> | null = null;

/** Stops once, however many signals arrive (Ctrl-C sends SIGINT, `npm start` then SIGTERM). */
function shutdown(reason: string, exitCode: number): Promise<void> {
  closing ??= (async () => {
    console.log(`${reason}: closing`);
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
    }
  })()
    .catch((error: unknown) => {
      console.error(error);
      exitCode = 1;
    })
    .finally(() => process.exit(exitCode));
  return closing;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal, 0));
  embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, config.embeddedDatabasePort);
  const database = embedded
    ? { url: embedded.url, poolSize: 1 }
    : { url: config.databaseUrl as string, poolSize: 10 };

  app = await createApi(config, database);
  await app.listen(config.port);
  console.log(
    `Convergence api on http://localhost:${config.port} (GraphQL /graphql, health /health; database: ${embedded ? `embedded in ${config.dataDir}` : 'DATABASE_URL'})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  void shutdown('start-up failed', 1);
});
