import type { CsvValue } from '@convergence/server/core';
import type { Locale } from '@convergence/shared/domain';

/** Names of the organisations and territories a batch of rows refers to, fetched once per batch. */
export interface NameLookup {
  organization(id: string | null): string | null;
  territory(code: string | null): string | null;
}

/** One column of an export: its header in each language and how to read its cell from a row. */
export interface CsvColumn<Row> {
  header: Record<Locale, string>;
  value: (row: Row, names: NameLookup) => CsvValue;
}

/** The ids and codes of a batch that `NameLookup` must resolve. */
export interface NameReferences {
  organizationIds: (string | null)[];
  territoryCodes: (string | null)[];
}

export interface ExportDefinition<Row> {
  /** File name without date and extension, such as `projets`. */
  fileName: Record<Locale, string>;
  columns: CsvColumn<Row>[];
  references: (row: Row) => NameReferences;
}
