export * from './lib/auth.routes';
export * from './lib/sign-in/sign-in.page';
