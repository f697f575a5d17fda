export * from './lib/language-select/language-select';
export * from './lib/welcome-card/welcome-card';
