import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { readCheckOf, SubjectRegistry } from '@convergence/server/audit';
import { OrganizationsModule } from '@convergence/server/organizations';
import { TerritoriesModule } from '@convergence/server/territories';
import { ForumEntity } from './forum.entity';
import { ForumResolver } from './forum.resolver';
import { ForumService } from './forum.service';

@Module({
  imports: [TypeOrmModule.forFeature([ForumEntity]), TerritoriesModule, OrganizationsModule],
  providers: [ForumService, ForumResolver],
  exports: [ForumService],
})
export class ForumsModule implements OnModuleInit {
  constructor(
    private readonly subjects: SubjectRegistry,
    @InjectRepository(ForumEntity) private readonly forumRows: Repository<ForumEntity>,
    private readonly forums: ForumService,
  ) {}

  /** The audit trail, comments and follows ask here whether a reader may read a forum. */
  /** Audit trail, comments, follows and notifications learn about forums from the registry. */
  onModuleInit(): void {
    this.subjects.register('FORUM', {
      canRead: readCheckOf((ability, ids) => this.forums.readableByIds(ability, ids)),
      facts: async (id) => {
        const forum = await this.forumRows.findOneBy({ id });
        return (
          forum && {
            title: forum.title,
            involvedOrganizationIds: forum.participantOrganizationIds,
            responsibleOrganizationIds: [],
          }
        );
      },
    });
  }
}
