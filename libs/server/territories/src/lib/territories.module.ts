import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerritoryEntity } from './territory.entity';
import { TerritoryImportService } from './territory-import.service';
import { TerritoryResolver } from './territory.resolver';
import { TerritoryService } from './territory.service';

@Module({
  imports: [TypeOrmModule.forFeature([TerritoryEntity])],
  providers: [TerritoryService, TerritoryImportService, TerritoryResolver],
  exports: [TerritoryService, TerritoryImportService],
})
export class TerritoriesModule {}
