export * from './lib/server-organizations.module';
