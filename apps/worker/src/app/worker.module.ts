import { Module, type DynamicModule } from '@nestjs/common';
import { WorkerCoreModule, type AppConfig } from '@convergence/server/core';
import { ActionsModule } from '@convergence/server/actions';
import { AuditModule } from '@convergence/server/audit';
import { CommitmentsModule } from '@convergence/server/commitments';
import { DiscussionModule } from '@convergence/server/discussion';
import { ForumsModule } from '@convergence/server/forums';
import { NotificationsModule, NotificationsWorkerModule } from '@convergence/server/notifications';
import { OrganizationsModule } from '@convergence/server/organizations';
import { OutboxModule } from '@convergence/server/outbox';
import { ProjectsModule } from '@convergence/server/projects';
import { TerritoriesModule } from '@convergence/server/territories';
import { UsersModule } from '@convergence/server/users';

/**
 * The worker process: no GraphQL, no HTTP. The domain modules fill the subject registry (who may
 * read what, titles, organisations involved) that notifications need; their resolvers are inert
 * here. The processors of each domain come from its `<domain>-worker` module.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerCoreModule.forRoot(config),
        TerritoriesModule,
        OrganizationsModule,
        UsersModule,
        AuditModule,
        ProjectsModule,
        CommitmentsModule,
        ActionsModule,
        ForumsModule,
        OutboxModule,
        DiscussionModule,
        NotificationsModule,
        NotificationsWorkerModule,
      ],
    };
  }
}
