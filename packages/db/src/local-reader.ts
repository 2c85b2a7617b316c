import Database from 'libsql';
import type { ResultSet } from '@libsql/client';
import { StatementCache, toResultSet, type Args, type RawResult } from './prepared.ts';

/** Only plain SELECTs are read here: anything that may write goes through the writer and its queue. */
const READ_ONLY = /^\s*SELECT\b/i;

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
  readonly #db: Database.Database;
  readonly #statements: StatementCache;

  constructor(path: string, busyTimeoutMs: number) {
    this.#db = new Database(path, { timeout: busyTimeoutMs / 1000 });
    this.#db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    this.#db.exec('PRAGMA query_only = ON');
    this.#statements = new StatementCache(this.#db);
  }

  /** Whether this statement is one the reader takes. */
  static reads(sql: string): boolean {
    return READ_ONLY.test(sql);
  }

  execute(sql: string, args: Args): ResultSet {
    return toResultSet(this.query(sql, args));
  }

  /**
   * The statement's columns and rows as plain arrays, integers already numbers and blobs ArrayBuffers: what a
   * worker thread sends back (rows are built on the receiving side, see toResultSet).
   */
  query(sql: string, args: Args): RawResult {
    return this.#statements.query(sql, args);
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}
