export * from './lib/actions.routes';
