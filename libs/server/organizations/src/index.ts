export * from './lib/organization.entity';
export * from './lib/organization.model';
export * from './lib/organization-scope';
export * from './lib/organization.service';
export * from './lib/organizations.module';
export * from './lib/organization.loaders';
