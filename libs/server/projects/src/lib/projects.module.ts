import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { readCheckOf, SubjectRegistry } from '@convergence/server/audit';
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
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly projectService: ProjectService,
  ) {}

  /** Audit trail, comments and follows ask the registry whether a reader may read a project. */
  /** Audit trail, comments, follows and notifications learn about projects from the registry. */
  onModuleInit(): void {
    this.subjects.register('PROJECT', {
      canRead: readCheckOf((ability, ids) => this.projectService.readableByIds(ability, ids)),
      facts: async (id) => {
        const project = await this.projects.findOneBy({ id });
        return (
          project && {
            title: `${project.code} — ${project.title}`,
            involvedOrganizationIds: [project.leadOrganizationId, ...project.partnerOrganizationIds],
            responsibleOrganizationIds: [project.leadOrganizationId],
          }
        );
      },
    });
  }
}
