export * from './lib/roles';
export * from './lib/territory';
export * from './lib/organization';
export * from './lib/authz/ability';
export * from './lib/authz/packed-rules';
export * from './lib/project';
