import type { CsvValue } from '@convergence/server/core';
import type { Locale } from '@convergence/shared/domain';
import type { LabelTable } from './csv-labels';

/** Names of the organisations and territories a batch of rows refers to, fetched once per batch. */
export interface NameLookup {
  organization(id: string | null): string | null;
  territory(code: string | null): string | null;
}

/**
 * What a cell may need besides its row: the names fetched for its batch, and the words of the
 * export's language for codes and yes/no, so that a reader sees "En cours", not `IN_PROGRESS`.
 */
export interface CellContext extends NameLookup {
  readonly locale: Locale;
  /** A code's label (`labelOf`); no code, an empty cell. */
  label<Code extends string>(labels: LabelTable<Code>, code: Code | null): string | null;
  /** Oui/Non, نعم/لا, Yes/No. */
  yesNo(value: boolean): string;
}

/** One column of an export: its header in each language and how to read its cell from a row. */
export interface CsvColumn<Row> {
  header: Record<Locale, string>;
  value: (row: Row, cell: CellContext) => CsvValue;
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
