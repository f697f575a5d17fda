import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { readCheckOf, SubjectRegistry } from '@convergence/server/audit';
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
    @InjectRepository(ActionEntity) private readonly actionRows: Repository<ActionEntity>,
    private readonly actions: ActionService,
  ) {}

  /** The audit trail, comments and follows ask here whether a reader may read an action. */
  /** Audit trail, comments, follows and notifications learn about actions from the registry. */
  onModuleInit(): void {
    this.subjects.register('ACTION', {
      canRead: readCheckOf((ability, ids) => this.actions.readableByIds(ability, ids)),
      facts: async (id) => {
        const action = await this.actionRows.findOneBy({ id });
        return (
          action && {
            title: action.title,
            involvedOrganizationIds: [action.responsibleOrganizationId, ...action.contributorOrganizationIds],
            responsibleOrganizationIds: [action.responsibleOrganizationId],
          }
        );
      },
    });
  }
}
