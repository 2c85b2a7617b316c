import Database from 'libsql';
import type { ResultSet, Row } from '@libsql/client';

type Connection = Database.Database;
type Statement = ReturnType<Connection['prepare']>;
export type Value = string | number | bigint | null | ArrayBuffer | Uint8Array | boolean | Date;

/** Only plain SELECTs are read here: anything that may write goes through the writer and its queue. */
const READ_ONLY = /^\s*SELECT\b/i;
/** Prepared statements kept per connection: the SQL of PAKN is a fixed set, far fewer than this. */
const CACHE_LIMIT = 500;

/**
 * A second, read-only connection to a local database file, whose statements are prepared once and reused.
 *
 * Why (issue 11): @libsql/client's local driver prepares every statement on every call and asks its columns
 * twice, about 40% of a tracking request's CPU; the same query prepared once costs a tenth. With WAL, a reader
 * connection sees every committed write and never waits on the writer, so reads outside a transaction need
 * neither the writer's queue nor its connection. Transactions keep reading on the writer, where they see their
 * own writes. `query_only` makes a write slipped through here fail instead of bypassing the queue.
 *
 * Results have the shape of @libsql/client's with `intMode: 'number'`: rows indexed by position and by column
 * name, integers as numbers, blobs as ArrayBuffers.
 */
export class LocalReader {
  readonly #db: Connection;
  readonly #statements = new Map<string, { stmt: Statement; columns: string[]; columnTypes: string[] }>();

  constructor(path: string, busyTimeoutMs: number) {
    this.#db = new Database(path, { timeout: busyTimeoutMs / 1000 });
    this.#db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    this.#db.exec('PRAGMA query_only = ON');
  }

  /** Whether this statement is one the reader takes. */
  static reads(sql: string): boolean {
    return READ_ONLY.test(sql);
  }

  #prepared(sql: string) {
    let entry = this.#statements.get(sql);
    if (!entry) {
      const stmt = this.#db.prepare(sql);
      stmt.safeIntegers(true);
      stmt.raw(true);
      const described = stmt.columns() as { name: string; type?: string | null }[];
      entry = { stmt, columns: described.map((c) => c.name), columnTypes: described.map((c) => c.type ?? '') };
      // A full cache means SQL built with values inside (never in PAKN's queries): start over rather than grow.
      if (this.#statements.size >= CACHE_LIMIT) this.#statements.clear();
      this.#statements.set(sql, entry);
    }
    return entry;
  }

  execute(sql: string, args: readonly Value[]): ResultSet {
    return toResultSet(this.query(sql, args));
  }

  /**
   * The statement's columns and rows as plain arrays, integers already numbers and blobs ArrayBuffers: what a
   * worker thread sends back (rows are built on the receiving side, see toResultSet).
   */
  query(sql: string, args: readonly Value[]): RawResult {
    let { stmt, columns, columnTypes } = this.#prepared(sql);
    let raw = stmt.all(args.map(toSql)) as unknown[][];
    // SQLite re-prepares a statement after a schema change; a `*` may then name other columns than cached.
    if (raw[0] && raw[0].length !== columns.length) {
      this.#statements.delete(sql);
      ({ stmt, columns, columnTypes } = this.#prepared(sql));
      raw = stmt.all(args.map(toSql)) as unknown[][];
    }
    for (const values of raw) for (let i = 0; i < values.length; i++) values[i] = fromSql(values[i]);
    return { columns, columnTypes, rows: raw };
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}

function toSql(value: Value): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Only finite numbers can be passed as arguments');
  return value;
}

function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    }
    return Number(value);
  }
  if (value instanceof Uint8Array) return new Uint8Array(value).buffer;
  return value;
}

/** A statement's answer as plain data, which a worker can post: see LocalReader.query. */
export interface RawResult {
  readonly columns: string[];
  readonly columnTypes: string[];
  readonly rows: unknown[][];
}

/** @libsql/client's ResultSet (intMode number) from a raw answer. */
export function toResultSet(raw: RawResult): ResultSet {
  const { columns, columnTypes } = raw;
  const rows = raw.rows.map((values) => toRow(values, columns));
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected: 0,
    lastInsertRowid: undefined,
    toJSON: () => ({ columns, columnTypes, rows: rows.map((r) => Array.from(r)), rowsAffected: 0, lastInsertRowid: null }),
  };
}

/** A row as @libsql/client builds it: values by position (not enumerable) and by column name (enumerable). */
function toRow(values: readonly unknown[], columns: readonly string[]): Row {
  const row: Record<string | number, unknown> = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    Object.defineProperty(row, i, { value });
    const column = columns[i] ?? String(i);
    if (!Object.hasOwn(row, column)) Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
  }
  return row as Row;
}
