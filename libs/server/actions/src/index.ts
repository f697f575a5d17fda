export * from './lib/action.entity';
export * from './lib/action-overdue';
export * from './lib/action.model';
export * from './lib/action.loaders';
export * from './lib/action.service';
export * from './lib/actions.module';
export * from './lib/inputs/actions.args';
