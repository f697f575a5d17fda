import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { EntitySchema, MixedList } from 'typeorm';
import { AuthzGuard } from './authz/authz.guard';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions, type DatabaseTarget } from './database/data-source-options';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { CoreGraphqlModule } from './graphql/graphql.module';
import { createValidationPipe } from './graphql/validation';
import { HealthController } from './health/health.controller';
import { RedisService } from './redis/redis.service';

export interface ServerCoreOptions {
  config: AppConfig;
  database: DatabaseTarget;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
}

/**
 * Everything a server process shares: settings, logging, PostgreSQL, Redis, GraphQL, the
 * deny-by-default guard, input validation and `/health`. Domain libraries add resolvers and entities.
 */
@Module({})
export class ServerCoreModule {
  static forRoot({ config, database, entities }: ServerCoreOptions): DynamicModule {
    return {
      module: ServerCoreModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(database, entities)),
        CoreGraphqlModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        RedisService,
        { provide: APP_GUARD, useClass: AuthzGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
      exports: [APP_CONFIG, RedisService],
    };
  }
}
