import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { ServerCoreModule, type AppConfig, type DatabaseTarget } from '@convergence/server/core';
import { ActionsModule } from '@convergence/server/actions';
import { AuditModule } from '@convergence/server/audit';
import { CommitmentsModule } from '@convergence/server/commitments';
import { DashboardModule } from '@convergence/server/dashboard';
import { DemoModule } from '@convergence/server/demo';
import { DiscussionModule } from '@convergence/server/discussion';
import { ExportsModule } from '@convergence/server/exports';
import { ForumsModule } from '@convergence/server/forums';
import { NotificationsApiModule, NotificationsModule } from '@convergence/server/notifications';
import { OutboxModule } from '@convergence/server/outbox';
import { OrganizationsModule } from '@convergence/server/organizations';
import { ProjectsModule } from '@convergence/server/projects';
import { TerritoriesModule } from '@convergence/server/territories';
import { UsersModule } from '@convergence/server/users';
import { DatabasePreparation } from './database-preparation';
import { ENTITIES } from './entities';
import { QueueDashboard } from './queue-dashboard';

/** The api process: GraphQL over HTTP and WebSocket, `/health`, and the built web app at `/`. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    const webApp = existsSync(config.webRoot)
      ? [
          ServeStaticModule.forRoot({
            rootPath: config.webRoot,
            exclude: ['/graphql{*path}', '/health', '/exports{*path}', '/admin/queues{*path}'],
          }),
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        ServerCoreModule.forRoot({ config, database, entities: ENTITIES }),
        TerritoriesModule,
        OrganizationsModule,
        UsersModule,
        AuditModule,
        ProjectsModule,
        ForumsModule,
        CommitmentsModule,
        ActionsModule,
        DashboardModule,
        ExportsModule,
        OutboxModule,
        DiscussionModule,
        NotificationsModule,
        NotificationsApiModule,
        DemoModule,
        ...webApp,
      ],
      providers: [DatabasePreparation, QueueDashboard],
    };
  }
}
