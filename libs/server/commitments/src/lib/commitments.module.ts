import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { readCheckOf, SubjectRegistry } from '@convergence/server/audit';
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
    @InjectRepository(ConventionEntity) private readonly conventionRows: Repository<ConventionEntity>,
    @InjectRepository(CommitmentEntity) private readonly commitmentRows: Repository<CommitmentEntity>,
    private readonly conventions: ConventionService,
    private readonly commitments: CommitmentService,
  ) {}

  /** The audit trail, comments and follows ask here whether a reader may read a convention or commitment. */
  /** Audit trail, comments, follows and notifications learn about these subjects from the registry. */
  onModuleInit(): void {
    this.subjects.register('CONVENTION', {
      canRead: readCheckOf((ability, ids) => this.conventions.readableByIds(ability, ids)),
      facts: async (id) => {
        const convention = await this.conventionRows.findOneBy({ id });
        return (
          convention && {
            title: `${convention.code} — ${convention.title}`,
            involvedOrganizationIds: convention.partyOrganizationIds,
            responsibleOrganizationIds: [],
          }
        );
      },
    });
    this.subjects.register('COMMITMENT', {
      canRead: readCheckOf((ability, ids) => this.commitments.readableByIds(ability, ids)),
      facts: async (id) => {
        const commitment = await this.commitmentRows.findOneBy({ id });
        return (
          commitment && {
            title: commitment.title,
            involvedOrganizationIds: [commitment.organizationId],
            responsibleOrganizationIds: [commitment.organizationId],
          }
        );
      },
    });
  }
}
