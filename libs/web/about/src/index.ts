export * from './lib/about.routes';
export * from './lib/about/about.page';
export * from './lib/about/data-sources';
