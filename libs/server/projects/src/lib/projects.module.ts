import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '@convergence/server/organizations';
import { TerritoriesModule } from '@convergence/server/territories';
import { ProgrammeEntity } from './programme.entity';
import { ProjectEntity } from './project.entity';
import { ProjectResolver } from './project.resolver';
import { ProjectService } from './project.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProjectEntity, ProgrammeEntity]),
    TerritoriesModule,
    OrganizationsModule,
  ],
  providers: [ProjectService, ProjectResolver],
  exports: [ProjectService],
})
export class ProjectsModule {}
