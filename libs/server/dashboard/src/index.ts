export * from './lib/dashboard.model';
export * from './lib/partner-score.model';
export * from './lib/dashboard.module';
