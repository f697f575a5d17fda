import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@convergence/server/core';
import { WorkerModule } from './app/worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = worker.get(Logger);
  worker.useLogger(logger);
  // SIGTERM/SIGINT close the context: providers shut down in order (Redis last).
  worker.enableShutdownHooks();
  logger.log('Convergence worker started');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
