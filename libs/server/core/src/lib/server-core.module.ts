import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { AuthzGuard } from './authz/authz.guard';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions, type DatabaseTarget } from './database/data-source-options';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { CoreGraphqlModule } from './graphql/graphql.module';
import { createValidationPipe } from './graphql/validation';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure.module';

export interface ServerCoreOptions {
  config: AppConfig;
  database: DatabaseTarget;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
}

/**
 * The api's foundation: the shared infrastructure plus PostgreSQL, GraphQL, the deny-by-default
 * guard, input validation and `/health`. Domain libraries add resolvers and entities.
 */
@Module({})
export class ServerCoreModule {
  static forRoot({ config, database, entities }: ServerCoreOptions): DynamicModule {
    return {
      module: ServerCoreModule,
      global: true,
      imports: [
        InfrastructureModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(database, entities)),
        CoreGraphqlModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthzGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
