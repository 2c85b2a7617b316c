import type { Row } from '@libsql/client';

/** Column readers that fail loudly on a schema mismatch instead of passing `undefined` along. */
/** The row a statement always returns (a count, a RETURNING clause): failing loudly if it did not. */
export function onlyRow(result: { readonly rows: readonly Row[] }): Row {
  const row = result.rows[0];
  if (!row) throw new Error('Expected a row, got none');
  return row;
}

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

export function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`Column ${column} is not a number`);
}
