export * from './lib/programme.entity';
export * from './lib/project.entity';
export * from './lib/project.model';
export * from './lib/project.service';
export * from './lib/projects.module';
export * from './lib/project-health';
export * from './lib/project-milestone.entity';
export * from './lib/project-progress-report.entity';
