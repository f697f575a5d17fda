export * from './lib/dashboard.module';
