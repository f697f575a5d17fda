export interface DomainLibraryGeneratorSchema {
  /** Plural, kebab-case: `forums`, `forum-posts`. */
  name: string;
  /** Kebab-case; default: `name` without its trailing 's'. */
  singular?: string;
  skipFormat?: boolean;
}
