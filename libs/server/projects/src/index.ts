export * from './lib/programme.entity';
export * from './lib/project.entity';
export * from './lib/project.model';
export * from './lib/project.service';
export * from './lib/projects.module';
