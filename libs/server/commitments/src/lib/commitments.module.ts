import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { SubjectRegistry } from '@convergence/server/audit';
import { ForumsModule } from '@convergence/server/forums';
import { OrganizationsModule } from '@convergence/server/organizations';
import { ProjectsModule } from '@convergence/server/projects';
import { TerritoriesModule } from '@convergence/server/territories';
import { UsersModule } from '@convergence/server/users';
import { CommitmentDueDateChangeEntity } from './commitment-due-date-change.entity';
import { CommitmentFulfilmentEntity } from './commitment-fulfilment.entity';
import { CommitmentFulfilmentResolver, DueDateChangeResolver } from './commitment-history.resolver';
import { CommitmentEntity } from './commitment.entity';
import { CommitmentResolver } from './commitment.resolver';
import { CommitmentService } from './commitment.service';
import { ConventionEntity } from './convention.entity';
import { ConventionResolver } from './convention.resolver';
import { ConventionService } from './convention.service';
import { ForumCommitmentsResolver, ProjectCommitmentsResolver } from './linked-commitments.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ConventionEntity,
      CommitmentEntity,
      CommitmentFulfilmentEntity,
      CommitmentDueDateChangeEntity,
    ]),
    TerritoriesModule,
    OrganizationsModule,
    UsersModule,
    ProjectsModule,
    ForumsModule,
  ],
  providers: [
    ConventionService,
    CommitmentService,
    ConventionResolver,
    CommitmentResolver,
    CommitmentFulfilmentResolver,
    DueDateChangeResolver,
    ProjectCommitmentsResolver,
    ForumCommitmentsResolver,
  ],
  exports: [ConventionService, CommitmentService],
})
export class CommitmentsModule implements OnModuleInit {
  constructor(
    private readonly subjects: SubjectRegistry,
    private readonly conventions: ConventionService,
    private readonly commitments: CommitmentService,
  ) {}

  /** The audit trail, comments and follows ask here whether a reader may read a convention or commitment. */
  onModuleInit(): void {
    this.subjects.register('CONVENTION', async (ability, id) =>
      isUUID(id, 'all') ? (await this.conventions.readableByIds(ability, [id])).length === 1 : false,
    );
    this.subjects.register('COMMITMENT', async (ability, id) =>
      isUUID(id, 'all') ? (await this.commitments.readableByIds(ability, [id])).length === 1 : false,
    );
  }
}
