export * from './lib/server-territories.module';
