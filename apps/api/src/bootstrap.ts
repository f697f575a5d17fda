import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig, DatabaseTarget } from '@convergence/server/core';
import { AppModule } from './app/app.module';
import { DatabasePreparation } from './app/database-preparation';
import { QueueDashboard } from './app/queue-dashboard';
import { REQUEST_BODY_LIMIT, requestBodyErrorHandler } from './http-errors';

/** Builds the api application, prepares the database, and returns it ready to listen (also used by tests). */
export async function createApi(
  config: AppConfig,
  database: DatabaseTarget,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.use(requestBodyErrorHandler);
  app.get(QueueDashboard).mount(app);
  await app.get(DatabasePreparation).run();
  return app;
}
