export * from './lib/forum.entity';
export * from './lib/forum.model';
export * from './lib/forum.loaders';
export * from './lib/forum.service';
export * from './lib/forums.module';
