import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit, untilEmbeddedDatabaseListens } from '@convergence/server/core';
import { WorkerModule } from './app/worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Start-up waits for the database (the api starts the embedded one) and its migrations.
  await untilEmbeddedDatabaseListens(config);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = worker.get(Logger);
  worker.useLogger(logger);
  // SIGTERM/SIGINT close the context in order: the relay stops, the jobs in progress finish, the
  // queues close, then the database and Redis connections.
  worker.enableShutdownHooks();
  logger.log('Convergence worker started');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
