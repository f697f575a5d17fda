export * from './lib/territory.entity';
export * from './lib/territory.model';
export * from './lib/territory.service';
export * from './lib/territory-import.service';
export * from './lib/territory-csv';
export { territoryLoader } from './lib/territory.resolver';
export * from './lib/territories.module';
export * from './lib/inputs/territory-code.validator';
