export * from './lib/commitments.routes';
