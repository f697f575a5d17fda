export * from './lib/audit-event.entity';
export * from './lib/audit-event.model';
export * from './lib/audit-recorder';
export * from './lib/subject-registry';
export * from './lib/subject-type.enum';
export * from './lib/audit.module';
