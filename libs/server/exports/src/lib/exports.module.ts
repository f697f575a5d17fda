import { Module } from '@nestjs/common';
import { ActionsModule } from '@convergence/server/actions';
import { CommitmentsModule } from '@convergence/server/commitments';
import { OrganizationsModule } from '@convergence/server/organizations';
import { ProjectsModule } from '@convergence/server/projects';
import { TerritoriesModule } from '@convergence/server/territories';
import { CsvExportService } from './csv-export.service';
import { ExportsController } from './exports.controller';

/** CSV downloads of the lists, at `/exports/<list>.csv`. */
@Module({
  imports: [ProjectsModule, CommitmentsModule, ActionsModule, OrganizationsModule, TerritoriesModule],
  controllers: [ExportsController],
  providers: [CsvExportService],
})
export class ExportsModule {}
