import Database from 'libsql';
import type { InStatement, ResultSet, Row } from '@libsql/client';

/** A connection of the synchronous `libsql` driver (better-sqlite3's API). */
export type Connection = Database.Database;
type Statement = ReturnType<Connection['prepare']>;
export type Value = string | number | bigint | null | ArrayBuffer | Uint8Array | boolean | Date;

/** Prepared statements kept per connection: the SQL of PAKN is a fixed set, far fewer than this. */
const CACHE_LIMIT = 500;

interface Prepared {
  readonly stmt: Statement;
  /** Whether the statement returns rows (a SELECT, a PRAGMA, an INSERT … RETURNING). */
  readonly reader: boolean;
  columns: string[];
  columnTypes: string[];
}

/** A statement's answer as plain data, which a worker can post: see StatementCache.query. */
export interface RawResult {
  readonly columns: string[];
  readonly columnTypes: string[];
  readonly rows: unknown[][];
}

/**
 * The statements of one `libsql` connection, each prepared once and reused, with @libsql/client's conventions
 * (intMode 'number'): integers as numbers, blobs as ArrayBuffers, booleans and dates as it binds them, and its
 * errors (LibsqlError's codes, see sqliteError). Both the read-only connections (LocalReader) and the writer
 * (LocalWriter) run their statements here.
 *
 * Why (issue 11): @libsql/client's local driver prepares every statement on every call and asks its columns
 * twice, about ten times what the same statement costs prepared once, and its memory grows with each call.
 */
export class StatementCache {
  readonly #db: Connection;
  readonly #statements = new Map<string, Prepared>();

  constructor(db: Connection) {
    this.#db = db;
  }

  #prepared(sql: string): Prepared {
    let entry = this.#statements.get(sql);
    if (!entry) {
      const stmt = this.#db.prepare(sql);
      stmt.safeIntegers(true);
      const reader = stmt.reader;
      if (reader) stmt.raw(true);
      entry = { stmt, reader, ...columnsOf(stmt, reader) };
      // A full cache means SQL built with values inside (never in PAKN's queries): start over rather than grow.
      if (this.#statements.size >= CACHE_LIMIT) this.#statements.clear();
      this.#statements.set(sql, entry);
    }
    return entry;
  }

  /** A statement that returns rows: its columns and rows as plain arrays (what a read worker sends back). */
  query(sql: string, args: Args): RawResult {
    try {
      const entry = this.#prepared(sql);
      if (entry.reader) return rowsOf(entry, args);
      entry.stmt.run(bind(args));
      return { columns: [], columnTypes: [], rows: [] };
    } catch (error) {
      throw sqliteError(error);
    }
  }

  /** Any statement, as @libsql/client's `execute` answers it: rows, or how many rows it changed and the last rowid. */
  execute(stmt: InStatement): ResultSet {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    const args = typeof stmt === 'string' ? [] : (stmt.args ?? []);
    try {
      const entry = this.#prepared(sql);
      if (entry.reader) return toResultSet(rowsOf(entry, args));
      const info = entry.stmt.run(bind(args));
      return new LocalResultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      throw sqliteError(error);
    }
  }

  clear(): void {
    this.#statements.clear();
  }
}

/** Positional or named arguments, as InStatement carries them. */
export type Args = readonly Value[] | Readonly<Record<string, Value>>;

function columnsOf(stmt: Statement, reader: boolean): { columns: string[]; columnTypes: string[] } {
  if (!reader) return { columns: [], columnTypes: [] };
  const described = stmt.columns() as { name: string; type?: string | null }[];
  return { columns: described.map((c) => c.name), columnTypes: described.map((c) => c.type ?? '') };
}

function rowsOf(entry: Prepared, args: Args): RawResult {
  const raw = entry.stmt.all(bind(args)) as unknown[][];
  // SQLite prepares a statement again after a schema change; a `*` may then name other columns than those
  // described when it was first prepared. The statement itself describes its new columns (it is not run twice).
  if (raw[0] && raw[0].length !== entry.columns.length) Object.assign(entry, columnsOf(entry.stmt, true));
  for (const values of raw) for (let i = 0; i < values.length; i++) values[i] = fromSql(values[i]);
  return { columns: entry.columns, columnTypes: entry.columnTypes, rows: raw };
}

function bind(args: Args): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(toSql);
  // Named arguments: @libsql/client accepts the name with or without its prefix (`:id`, `@id`, `$id`, `id`).
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) named[/^[:@$]/.test(name) ? name.slice(1) : name] = toSql(value);
  return named;
}

function toSql(value: Value | undefined): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  // The native driver aborts the whole process on an undefined argument: refuse it as @libsql/client does.
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
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

/**
 * @libsql/client's error for a SQLite failure, which callers recognise by its fields: `code` the base code
 * (`SQLITE_CONSTRAINT`, `SQLITE_FULL`), `extendedCode` the extended one (`SQLITE_CONSTRAINT_UNIQUE`,
 * `SQLITE_IOERR_FSYNC`), `rawCode` SQLite's number, the message prefixed with the code, the driver's error as
 * its cause. Named as @libsql/client names it, so that logs and the guards that look for leaked database
 * errors (apps/server's fuzz tests) see the same thing whichever driver ran the statement.
 */
export class LibsqlError extends Error {
  readonly code: string;
  readonly extendedCode: string | undefined;
  readonly rawCode: number | undefined;

  constructor(message: string, code: string, extendedCode?: string, rawCode?: number, cause?: unknown) {
    super(`${code}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'LibsqlError';
    this.code = code;
    this.extendedCode = extendedCode;
    this.rawCode = rawCode;
  }
}

/** SQLite's primary result codes (the low byte of an extended code). */
const BASE_CODES = [
  'SQLITE_OK',
  'SQLITE_ERROR',
  'SQLITE_INTERNAL',
  'SQLITE_PERM',
  'SQLITE_ABORT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_INTERRUPT',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_NOTFOUND',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_EMPTY',
  'SQLITE_SCHEMA',
  'SQLITE_TOOBIG',
  'SQLITE_CONSTRAINT',
  'SQLITE_MISMATCH',
  'SQLITE_MISUSE',
  'SQLITE_NOLFS',
  'SQLITE_AUTH',
  'SQLITE_FORMAT',
  'SQLITE_RANGE',
  'SQLITE_NOTADB',
  'SQLITE_NOTICE',
  'SQLITE_WARNING',
];

/**
 * The driver's SqliteError (whose `code` is the extended code) as @libsql/client's LibsqlError, which is what
 * every caller was written against; any other error (a RangeError of an argument) as it is.
 */
export function sqliteError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError) || error instanceof LibsqlError) return error;
  const { code, rawCode } = error as Error & { code: string; rawCode?: number };
  const base = rawCode === undefined ? 'SQLITE_UNKNOWN' : (BASE_CODES[rawCode & 0xff] ?? `SQLITE_UNKNOWN_${rawCode & 0xff}`);
  return new LibsqlError(error.message, base, code, rawCode, error);
}

/** @libsql/client's ResultSet (intMode number). */
class LocalResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}

  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((r) => Array.from(r)),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid === undefined ? null : String(this.lastInsertRowid),
    };
  }
}

/** @libsql/client's ResultSet (intMode number) from a raw answer. */
export function toResultSet(raw: RawResult): ResultSet {
  const { columns } = raw;
  const make = rowMaker(columns);
  return new LocalResultSet(columns, raw.columnTypes, raw.rows.map(make), 0, undefined);
}

type RowMaker = (values: readonly unknown[]) => Row;

/** Row makers by their columns: PAKN's statements have a fixed set of column lists, far fewer than this. */
const ROW_MAKERS_LIMIT = 1000;
const rowMakers = new Map<string, RowMaker>();

/** Names a row cannot take as its own enumerable property by assignment: see rowMaker. */
const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * How rows of these columns are built, as @libsql/client builds them: values by column name (own, enumerable:
 * what `Object.keys`, a spread and JSON see; the first of two equal names wins) and by position (not
 * enumerable), and a non-enumerable `length`.
 *
 * Why not as @libsql/client does it (Object.defineProperty for every value, twice): that cost about 80 µs per
 * row of a case's 40 columns, 16% of a tracking lookup's CPU (issue 11). Here the positions and `length` live
 * on one prototype per list of columns (a position reads its column's name), and a row is made by a
 * constructor of its own for its columns, which only assigns the names: about 10 µs for 40 columns in a
 * microbenchmark, and tracking's CPU in process 20% lower (ADR 0018).
 * A position whose name cannot be assigned that way (a repeated name, `length`, `__proto__`, a name that is
 * itself a position) keeps its own non-enumerable property, as before.
 */
function rowMaker(columns: readonly string[]): RowMaker {
  const key = columns.join('\u0000');
  let make = rowMakers.get(key);
  if (!make) {
    make = compileRowMaker(columns);
    if (rowMakers.size >= ROW_MAKERS_LIMIT) rowMakers.clear();
    rowMakers.set(key, make);
  }
  return make;
}

function compileRowMaker(columns: readonly string[]): RowMaker {
  const prototype: object = {};
  Object.defineProperty(prototype, 'length', { value: columns.length });
  const assigned: [string, number][] = [];
  /** Positions whose name is not this row's: each keeps an own property (as before). */
  const own: number[] = [];
  const taken = new Set<string>(['length']);
  columns.forEach((column, i) => {
    // A repeated name, `length` and a name that is itself a position are not names of this row (as before).
    const named = !taken.has(column) && !(INDEX.test(column) && Number(column) < columns.length);
    taken.add(column);
    if (!named) {
      own.push(i);
      return;
    }
    assigned.push([column, i]);
    Object.defineProperty(prototype, i, {
      get(this: Record<string, unknown>) {
        return this[column];
      },
    });
  });
  // One constructor per list of columns: its rows share one object layout, however many there are.
  const Row = function (this: Record<string, unknown>, values: readonly unknown[]) {
    for (const [column, i] of assigned) {
      // Assigning `__proto__` would set the prototype instead of a property.
      if (column === '__proto__') Object.defineProperty(this, column, { value: values[i], enumerable: true, configurable: true, writable: true });
      else this[column] = values[i];
    }
  } as unknown as new (values: readonly unknown[]) => Row;
  Row.prototype = prototype;
  if (own.length === 0) return (values) => new Row(values);
  return (values) => {
    const row = new Row(values);
    for (const i of own) Object.defineProperty(row, i, { value: values[i] });
    return row;
  };
}
