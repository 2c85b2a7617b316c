/**
 * A small CSV writer (RFC 4180) for staff exports. Pure: rows in, text out.
 *
 * - UTF-8 with a byte order mark, so that Excel opens Vietnamese text correctly instead of guessing a
 *   legacy code page.
 * - Fields with a comma, a quote, CR or LF are quoted; quotes are doubled; records end with CRLF.
 * - Spreadsheet formula injection: a text cell starting with = + - @ (or a tab or CR, which some
 *   spreadsheets strip before reading a formula) gets a leading apostrophe, so a citizen's description
 *   like `=HYPERLINK(...)` is shown as text, never run. Numbers are written as numbers.
 */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'boolean' ? (value ? '1' : '0') : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
