export * from './lib/server-users.module';
