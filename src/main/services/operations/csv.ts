import { stringify } from 'csv-stringify/sync';

/**
 * A spreadsheet opening this file must never run a cell as a formula: a value starting with = + - @ or a
 * control character gets a leading apostrophe, which spreadsheets show as plain text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV (CRLF, quoted where needed) with a byte-order mark so Excel reads UTF-8 names correctly. */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const body = stringify([columns.map(neutraliseFormula), ...rows.map((r) => r.map(neutraliseFormula))], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
