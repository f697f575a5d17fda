import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Excel reads a UTF-8 file as UTF-8 (and shows Arabic) only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One RFC 4180 record. Fields that a spreadsheet would run as a formula (=, +, -, @ at the start)
 * are prefixed with an apostrophe, so that an exported title cannot execute in the reader's Excel;
 * numbers are written as they are.
 */
export function csvRecord(values: readonly CsvValue[]): string {
  return (
    values
      .map((value) => {
        if (value === null || value === undefined) return '';
        if (typeof value !== 'string') return String(value);
        const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}

/**
 * Writes a header and every batch of rows to `out` as CSV, waiting whenever the client reads slower
 * than the database answers (backpressure), so that memory holds one batch at a time.
 */
export async function writeCsv<Row>(
  out: Writable,
  header: readonly string[],
  batches: AsyncIterable<readonly Row[]>,
  toRecord: (row: Row) => readonly CsvValue[],
): Promise<number> {
  let count = 0;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(UTF8_BOM + csvRecord(header));
  for await (const rows of batches) {
    await write(rows.map((row) => csvRecord(toRecord(row))).join(''));
    count += rows.length;
  }
  return count;
}
