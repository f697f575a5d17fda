export * from './lib/exports.module';
