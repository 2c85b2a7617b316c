import { AsyncLocalStorage } from 'node:async_hooks';
import type { Client, InStatement, ResultSet, Transaction } from '@libsql/client';
import { AuditKeyring } from './audit-keys.ts';
import { WriteQueue, type GroupCommitLimits, type WriteQueueHooks } from './group-commit.ts';
import { LocalReader } from './local-reader.ts';
import { LocalWriter, MEMORY } from './local-writer.ts';
import { ReadPool } from './read-pool.ts';

export interface DbConfig {
  /** `file:./data/pakn.db` (default), `:memory:`, or `libsql://…` / `http(s)://…` for a remote server. */
  readonly url: string;
  readonly authToken?: string | undefined;
  /** For an embedded replica: the remote primary to sync from. */
  readonly syncUrl?: string | undefined;
  readonly syncIntervalSeconds?: number | undefined;
  readonly busyTimeoutMs?: number | undefined;
  /**
   * The keys of the audit chain, which the database must not hold. Without them a key is made up for this
   * process only: fine for tests, never for a database that outlives the process (apps/server always sets them).
   */
  readonly auditKeys?: AuditKeyring | undefined;
  /**
   * On a local file: how many worker threads serve reads outside transactions (DEFAULT_READERS when unset).
   * 0 reads on the event loop instead, through one read-only connection (how it was before issue 11's pool).
   */
  readonly readers?: number | undefined;
  /** On a local database: how large a group commit may grow (DEFAULT_GROUP_COMMIT; 1 member turns it off). */
  readonly groupCommit?: GroupCommitLimits | undefined;
}

/**
 * Reads on the loop unless asked (ADR 0016, "The default"): measured at a million cases on the 2-core machine,
 * read workers cost more than they spare once every list, search and report answers within about 75 ms. Each
 * read's trip to a worker and back cost tracking 35-45% of its rate, and the workers' isolates about 50-110 MB
 * at 200 connections, while tracking beside a looping broad search kept 84-100% of its rate on the loop.
 */
const DEFAULT_READERS = 0;

/** What repositories see of a connection or of an open transaction. */
export interface Executor {
  execute(stmt: InStatement): Promise<ResultSet>;
}

/**
 * A database with the guarantees PAKN relies on:
 * - every write transaction starts as a write (BEGIN IMMEDIATE) and is rolled back on any error;
 * - on a local database: WAL, synchronous=FULL (an acknowledged complaint survives power loss), foreign keys
 *   and a busy timeout, on the one connection that writes;
 * - transactions in one process never wait on each other inside SQLite: they queue here, and those that queue
 *   together share one commit, each acknowledged only once that commit is durable (group commit, WriteQueue).
 *
 * The drivers (ADR 0018): a local file and memory are written through one connection of the synchronous
 * `libsql` driver whose statements are prepared once (LocalWriter). A remote server (`libsql://`, `http(s)://`,
 * `ws(s)://`) and an embedded replica (`syncUrl`) go through @libsql/client as before: a remote server orders
 * its writers itself, and an embedded replica's file is synced by the client, which keeps one connection to it
 * (it opens pooled connections without our PRAGMAs, libsql-client-ts #288) behind the same queue.
 *
 * Why one writer connection and an in-process queue: the settings hold on it, and a busy wait can never block
 * the event loop while the transaction it waits for needs that same loop to finish. See
 * docs/decisions/0004-database-and-durability.md. Reads outside a transaction on a local file go to read-only
 * connections with prepared statements (LocalReader on the loop, or ReadPool's worker threads): they write
 * nothing, so no durability setting matters on them.
 */
/** Marks the async context of a write transaction, to catch calls that would wait on it forever. */
const insideWrite = new AsyncLocalStorage<Db>();

/** The database whose write transaction the caller runs in, if any (how appendAudit finds the audit keys). */
export function writingDb(): Db | undefined {
  return insideWrite.getStore();
}

type Driver = { readonly writer: LocalWriter; readonly client?: undefined } | { readonly client: Client; readonly writer?: undefined };

export class Db implements Executor {
  /** On a remote server or an embedded replica: @libsql/client's client. Null on a local file and in memory. */
  readonly client: Client | null;
  /**
   * On a local file and in memory: the one connection that writes. Public for the tests and benches that
   * observe the driver (statements, transactions); everything else goes through `execute` and `write`.
   */
  readonly writer: LocalWriter | null;
  readonly isLocal: boolean;
  /** The keys that sign and verify the audit chain (see DbConfig.auditKeys). */
  readonly auditKeys: AuditKeyring;
  readonly #busyTimeoutMs: number;
  /** On a local database: the writer's queue of exclusive sections and group commits (see WriteQueue). */
  readonly #writes: WriteQueue | null;
  /** On an embedded replica: whether the client's connection has the settings (see #applyPragmas). */
  #pragmasApplied = false;
  /** On a local file: what serves reads outside transactions (see ReadPool and DbConfig.readers). */
  #reader: ReadPool | LocalReader | null = null;

  private constructor(driver: Driver, isLocal: boolean, busyTimeoutMs: number, auditKeys: AuditKeyring, groupCommit: GroupCommitLimits | undefined) {
    this.client = driver.client ?? null;
    this.writer = driver.writer ?? null;
    this.isLocal = isLocal;
    this.auditKeys = auditKeys;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#writes = isLocal ? new WriteQueue(this.#queueHooks(), groupCommit) : null;
  }

  static async open(config: DbConfig): Promise<Db> {
    const isLocal = config.url.startsWith('file:') || config.url === ':memory:';
    const busyTimeoutMs = config.busyTimeoutMs ?? 5000;
    const auditKeys = config.auditKeys ?? AuditKeyring.ephemeral();
    const location = writerLocation(config);
    let db: Db;
    if (location) {
      db = new Db({ writer: new LocalWriter(location, busyTimeoutMs) }, true, busyTimeoutMs, auditKeys, config.groupCommit);
    } else {
      // Loaded only here: a local database does not carry its HTTP and WebSocket clients (about 7 MB).
      const { createClient } = await import('@libsql/client');
      const client = createClient({
        url: config.url,
        authToken: config.authToken,
        syncUrl: config.syncUrl,
        syncInterval: config.syncIntervalSeconds,
        // One connection on an embedded replica: see the class comment.
        concurrency: isLocal ? 1 : undefined,
        intMode: 'number',
      });
      db = new Db({ client }, isLocal, busyTimeoutMs, auditKeys, config.groupCommit);
      await db.#applyPragmas();
    }
    // After the writer has put the file in WAL mode, which lets the reader read beside it. Not for an
    // embedded replica, whose file the client syncs, nor for memory, which a second connection cannot see.
    const path = location === MEMORY ? null : location;
    const readers = config.readers ?? DEFAULT_READERS;
    if (path) db.#reader = readers > 0 ? new ReadPool(path, busyTimeoutMs, readers) : new LocalReader(path, busyTimeoutMs);
    return db;
  }

  /** How the writer's queue opens a group's transaction on this database's driver. */
  #queueHooks(): WriteQueueHooks {
    const run: WriteQueueHooks['run'] = (fn, tx) => insideWrite.run(this, () => fn(tx));
    const writer = this.writer;
    if (writer) return { begin: () => writer.begin(), run, lost: () => writer.reopen() };
    return {
      begin: async () => {
        if (!this.#pragmasApplied) await this.#applyPragmas();
        return this.#client().transaction('write');
      },
      run,
      // The client dropped the connection it could not roll back: the next one needs the settings again.
      lost: () => (this.#pragmasApplied = false),
    };
  }

  #client(): Client {
    if (!this.client) throw new Error('Db: no @libsql/client client on a local database');
    return this.client;
  }

  /** On an embedded replica, the settings of LocalWriter on the client's one connection. */
  async #applyPragmas(): Promise<void> {
    if (!this.isLocal) return; // a remote server owns its own durability settings
    const client = this.#client();
    // journal_mode is stored in the file; the others belong to the connection.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute(`PRAGMA busy_timeout = ${Math.trunc(this.#busyTimeoutMs)}`);
    await client.execute('PRAGMA foreign_keys = ON');
    this.#pragmasApplied = true;
  }

  /** Inside a transaction, the database is the transaction: queueing behind it here would wait forever. */
  #refuseInsideWrite(): void {
    if (insideWrite.getStore() === this) {
      throw new Error('Db used inside Db.write(): use the transaction passed to the callback instead');
    }
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    const reader = this.#reader;
    // Inside a transaction the caller must use the transaction: #refuseInsideWrite says so.
    if (reader && insideWrite.getStore() !== this) {
      const sql = typeof stmt === 'string' ? stmt : stmt.sql;
      const args = typeof stmt === 'string' ? [] : (stmt.args ?? []);
      if (Array.isArray(args) && LocalReader.reads(sql)) {
        if (reader instanceof ReadPool) return reader.execute(sql, args);
        try {
          return Promise.resolve(reader.execute(sql, args));
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
    const writes = this.#writes;
    if (!writes) return this.#client().execute(stmt);
    try {
      this.#refuseInsideWrite();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    // On LocalWriter a statement runs to its end at once, so it may run now when no write is under way.
    const writer = this.writer;
    if (writer) return writes.immediate(() => writer.execute(stmt));
    return writes.exclusive(async () => {
      if (!this.#pragmasApplied) await this.#applyPragmas();
      return this.#client().execute(stmt);
    });
  }

  /**
   * Runs `fn` in a write transaction and resolves once it is committed; rejects, with nothing of it written,
   * when `fn` throws or the commit fails. On a local database, writes that wait behind one another share one
   * commit (see WriteQueue): each still sees the writes before it and is rolled back alone when it throws.
   */
  async write<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    const writes = this.#writes;
    if (!writes) return this.#writeAlone(fn);
    this.#refuseInsideWrite();
    return writes.write(fn);
  }

  /**
   * One transaction of its own (a remote server, which orders its writers itself). Rolls back when `fn` throws,
   * and also when commit itself fails, so that no lock outlives the call (libsql-client-ts #350).
   */
  async #writeAlone<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    let tx: Transaction | undefined;
    let committed = false;
    try {
      tx = await this.#client().transaction('write');
      const open = tx;
      const result = await insideWrite.run(this, () => fn(open));
      await tx.commit();
      committed = true;
      return result;
    } finally {
      if (tx && !committed) {
        try {
          await tx.rollback();
        } catch {
          // The connection may be gone; the client drops it.
        }
      }
      tx?.close();
    }
  }

  close(): void {
    this.#reader?.close();
    this.writer?.close();
    this.client?.close();
  }
}

/**
 * Where LocalWriter writes: a local file's path, or memory; null for what @libsql/client keeps (a remote URL,
 * an embedded replica, a `file:` URL with parameters).
 */
function writerLocation(config: DbConfig): string | null {
  if (config.syncUrl) return null;
  if (config.url === MEMORY) return MEMORY;
  if (!config.url.startsWith('file:')) return null;
  const path = config.url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  if (path === MEMORY) return MEMORY;
  return path === '' || path.includes('?') ? null : path;
}
