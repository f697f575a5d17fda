export { domainLibraryGenerator, manualSteps } from './domain-library/generator';
export type { DomainLibraryGeneratorSchema } from './domain-library/schema';
