import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { SubjectRegistry } from '@convergence/server/audit';
import { OrganizationsModule } from '@convergence/server/organizations';
import { TerritoriesModule } from '@convergence/server/territories';
import { UsersModule } from '@convergence/server/users';
import { ProgrammeEntity } from './programme.entity';
import { ProjectMilestoneEntity } from './project-milestone.entity';
import { ProjectProgressReportEntity } from './project-progress-report.entity';
import { ProjectProgressReportResolver } from './project-progress-report.resolver';
import { ProjectProgressService } from './project-progress.service';
import { ProjectEntity } from './project.entity';
import { ProjectResolver } from './project.resolver';
import { ProjectService } from './project.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProjectEntity,
      ProgrammeEntity,
      ProjectMilestoneEntity,
      ProjectProgressReportEntity,
    ]),
    TerritoriesModule,
    OrganizationsModule,
    UsersModule,
  ],
  providers: [ProjectService, ProjectProgressService, ProjectResolver, ProjectProgressReportResolver],
  exports: [ProjectService],
})
export class ProjectsModule implements OnModuleInit {
  constructor(
    private readonly subjects: SubjectRegistry,
    private readonly projectService: ProjectService,
  ) {}

  /** Audit trail, comments and follows ask the registry whether a reader may read a project. */
  onModuleInit(): void {
    this.subjects.register('PROJECT', async (ability, id) =>
      isUUID(id, 'all') ? (await this.projectService.readableByIds(ability, [id])).length === 1 : false,
    );
  }
}
