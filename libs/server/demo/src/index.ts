export * from './lib/demo-organizations';
export * from './lib/demo-data.service';
export * from './lib/demo.module';
export * from './lib/demo-projects';
