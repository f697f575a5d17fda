import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { SubjectRegistry } from '@convergence/server/audit';
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
    private readonly forums: ForumService,
  ) {}

  /** The audit trail, comments and follows ask here whether a reader may read a forum. */
  onModuleInit(): void {
    this.subjects.register('FORUM', async (ability, id) =>
      isUUID(id, 'all') ? (await this.forums.readableByIds(ability, [id])).length === 1 : false,
    );
  }
}
