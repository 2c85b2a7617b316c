/**
 * A small CSV writer (RFC 4180) for staff exports and the portal's chart downloads. Pure: rows in, text out.
 *
 * - UTF-8 with a byte order mark, so that Excel opens Vietnamese text correctly instead of guessing a
 *   legacy code page.
 * - Fields with a separator a spreadsheet may split on (comma, semicolon, tab, bar), a quote, CR or LF are
 *   quoted; quotes are doubled; records end with CRLF. Excel in a Vietnamese locale splits on `;`.
 * - Spreadsheet formula injection (issue 9): no field a spreadsheet could see may start with a formula
 *   character, so a citizen's description like `=HYPERLINK(...)` is shown as text, never run. A field starts
 *   at the start of a cell and after any separator or line break inside it: a spreadsheet that splits on
 *   another separator than ours reads a quote in the middle of a field as a plain character, so the quoting
 *   does not protect those. Spreadsheets skip blanks, invisible marks and quotes before the formula
 *   character, and accept fullwidth and other lookalikes of it. Such a field gets an apostrophe where it
 *   starts. Numbers are written as numbers.
 */
export type CsvCell = string | number | boolean | null | undefined;

const CSV_BOM = '\uFEFF';

/** What a spreadsheet passes over before deciding whether a field is a formula. */
const SKIPPED = String.raw`[\s\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Mn}\u115F\u1160\u3164\uFFA0"]*`;
/** A formula character, or one its compatibility form, a dash or a minus sign turns into. */
const FORMULA_CHAR = String.raw`[=+\-@\p{Pd}\u2212\u2795\u2796\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u207A\u207B\u207C\u208A\u208B\u208C]`;
/** The positions where a field starts: the cell's start, and right after each separator or line break. */
const FIELD_STARTING_A_FORMULA = new RegExp(String.raw`(?<=^|[,;\t|\r\n])(?=${SKIPPED}${FORMULA_CHAR})`, 'gu');
const NEEDS_QUOTES = /[",;\t|\r\n]/;

/** True when the character is a formula character once its compatibility forms are folded (e.g. ⁼, ﹢). */
function foldsToFormulaChar(char: string): boolean {
  return /^[=+\-@\u2212]/.test(char.normalize('NFKC'));
}

function neutralise(text: string): string {
  let out = text.replace(FIELD_STARTING_A_FORMULA, "'");
  // Any other lookalike the table above misses, first in the cell: the fold catches it.
  const first = /^[\s\p{Cc}\p{Cf}"]*(.)/su.exec(out)?.[1];
  if (first && !out.startsWith("'") && foldsToFormulaChar(first)) out = `'${out}`;
  return out;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralise(typeof value === 'boolean' ? (value ? '1' : '0') : value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records as CSV text, each ending with CRLF: a piece of a file that is written a page at a time. */
export function csvRecords(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** The start of a file: the byte order mark and the header record. */
export function csvHead(header: readonly string[]): string {
  return `${CSV_BOM}${csvRecords([header])}`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${csvHead(header)}${csvRecords(rows)}`;
}
