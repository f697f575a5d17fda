export * from './lib/language-select/language-select';
export * from './lib/welcome-card/welcome-card';
export * from './lib/badge/badge';
export * from './lib/kpi-tile/kpi-tile';
export * from './lib/states/empty-state';
export * from './lib/states/error-panel';
export * from './lib/states/skeleton';
