import Database from 'libsql';
import type { InStatement, ResultSet } from '@libsql/client';
import { LibsqlError, StatementCache, sqliteError, type Connection } from './prepared.ts';

/** Where the writer writes: a file's path, or `:memory:`. */
export const MEMORY = ':memory:';

/**
 * The one connection that writes to a local database file (or holds a database in memory), on the synchronous
 * `libsql` driver, with its statements prepared once (StatementCache) and the settings PAKN's durability rests
 * on (ADR 0004): WAL, synchronous=FULL (an acknowledged complaint survives power loss), foreign keys and a busy
 * timeout, applied whenever the connection is opened.
 *
 * Synchronous on purpose: a statement, a transaction's BEGIN and its COMMIT (with its fsync) run to their end
 * without giving the event loop a turn, which costs no more than @libsql/client's local driver did (it ran the
 * same calls synchronously behind a promise) and spares it preparing every statement on every call. Writers
 * are ordered by the in-process queue (WriteQueue), never by waiting inside SQLite.
 */
export class LocalWriter {
  readonly #location: string;
  readonly #busyTimeoutMs: number;
  #db: Connection;
  #statements: StatementCache;

  constructor(location: string, busyTimeoutMs: number) {
    this.#location = location;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#db = this.#open();
    this.#statements = new StatementCache(this.#db);
  }

  #open(): Connection {
    let db: Connection;
    try {
      db = new Database(this.#location, { timeout: this.#busyTimeoutMs / 1000 });
    } catch (error) {
      throw sqliteError(error);
    }
    try {
      // journal_mode is stored in the file (memory keeps its own); the others belong to the connection.
      if (this.#location !== MEMORY) db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      db.exec(`PRAGMA busy_timeout = ${Math.trunc(this.#busyTimeoutMs)}`);
      db.exec('PRAGMA foreign_keys = ON');
    } catch (error) {
      db.close();
      throw sqliteError(error);
    }
    return db;
  }

  /** A statement outside a transaction (its own, committed when it returns). */
  execute(stmt: InStatement): ResultSet {
    return this.#statements.execute(stmt);
  }

  /** Opens a write transaction (BEGIN IMMEDIATE): the write lock is taken now, not at the first write. */
  begin(): WriterTransaction {
    this.#statements.execute('BEGIN IMMEDIATE');
    return new WriterTransaction(this.#db, this.#statements);
  }

  /**
   * After a transaction could not be rolled back, the connection's state is unknown: a file's is closed and
   * opened again, with its settings, so the next transaction starts clean. First one more ROLLBACK, not
   * prepared: a connection is really closed, and its write lock released, only once its prepared statements
   * have been collected, so closing alone would leave the new connection waiting on the old one's lock. Memory
   * cannot be reopened (its database would vanish with the connection); it keeps that last ROLLBACK.
   */
  reopen(): void {
    try {
      if (this.#db.open && this.#db.inTransaction) this.#db.exec('ROLLBACK');
    } catch {
      // Then only the collection of the old statements releases the lock; the busy timeout waits for it.
    }
    if (this.#location === MEMORY) return;
    this.close();
    this.#db = this.#open();
    this.#statements = new StatementCache(this.#db);
  }

  close(): void {
    this.#statements.clear();
    try {
      if (this.#db.open) this.#db.close();
    } catch {
      // Closing a broken connection: nothing more can be done with it.
    }
  }
}

/**
 * An open write transaction of LocalWriter, synchronous: its statements, COMMIT and ROLLBACK return or throw
 * at once. `closed` once committed or rolled back, and also when SQLite itself ended it (a full disk and an
 * I/O error roll the whole transaction back).
 */
export class WriterTransaction {
  readonly #db: Connection;
  readonly #statements: StatementCache;
  #ended = false;

  constructor(db: Connection, statements: StatementCache) {
    this.#db = db;
    this.#statements = statements;
  }

  get closed(): boolean {
    return this.#ended || !this.#db.open || !this.#db.inTransaction;
  }

  execute(stmt: InStatement): ResultSet {
    this.#refuseClosed();
    return this.#statements.execute(stmt);
  }

  /** Commits; when COMMIT fails (a deferred constraint, the disk), the transaction stays open to be rolled back. */
  commit(): void {
    this.#refuseClosed();
    this.#statements.execute('COMMIT');
    this.#ended = true;
  }

  #refuseClosed(): void {
    if (this.closed) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
  }

  rollback(): void {
    if (!this.closed) this.#statements.execute('ROLLBACK');
    this.#ended = true;
  }

  /** Ends the transaction, rolling back what it did unless it was committed. */
  close(): void {
    if (this.closed) return;
    try {
      this.rollback();
    } catch {
      // The caller decides (WriteQueue's `lost` hook): the connection may have to be reopened.
    }
  }
}
