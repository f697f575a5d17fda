export * from './fake-api';
export * from './transloco-testing';
