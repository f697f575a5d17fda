export * from './lib/forums.routes';
