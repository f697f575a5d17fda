// Test-only helpers (they create and drop databases): never imported by production code.
export * from './lib/testing/test-database';
