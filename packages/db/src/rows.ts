import type { Row } from '@libsql/client';

/** Column readers that fail loudly on a schema mismatch instead of passing `undefined` along. */

export function str(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Column ${column} is not text`);
  return value;
}

export function strOrNull(row: Row, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`Column ${column} is not text`);
  return value;
}

/** The one row an aggregate or RETURNING query gives back. */
export function onlyRow(result: { readonly rows: readonly Row[] }): Row {
  const row = result.rows[0];
  if (!row) throw new Error('The query returned no row');
  return row;
}

export function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`Column ${column} is not a number`);
}
