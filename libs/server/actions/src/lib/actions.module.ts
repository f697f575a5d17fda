import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { SubjectRegistry } from '@convergence/server/audit';
import { ForumsModule } from '@convergence/server/forums';
import { OrganizationsModule } from '@convergence/server/organizations';
import { ProjectsModule } from '@convergence/server/projects';
import { TerritoriesModule } from '@convergence/server/territories';
import { ActionEntity } from './action.entity';
import { ActionResolver, ForumActionsResolver } from './action.resolver';
import { ActionService } from './action.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ActionEntity]),
    TerritoriesModule,
    OrganizationsModule,
    ForumsModule,
    ProjectsModule,
  ],
  providers: [ActionService, ActionResolver, ForumActionsResolver],
  exports: [ActionService],
})
export class ActionsModule implements OnModuleInit {
  constructor(
    private readonly subjects: SubjectRegistry,
    private readonly actions: ActionService,
  ) {}

  /** The audit trail, comments and follows ask here whether a reader may read an action. */
  onModuleInit(): void {
    this.subjects.register('ACTION', async (ability, id) =>
      isUUID(id, 'all') ? (await this.actions.readableByIds(ability, [id])).length === 1 : false,
    );
  }
}
