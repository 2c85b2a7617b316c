import { AsyncLocalStorage } from 'node:async_hooks';
import { createClient, type Client, type InStatement, type ResultSet, type Transaction } from '@libsql/client';
import { AuditKeyring } from './audit-keys.ts';
import { WriteQueue, type GroupCommitLimits } from './group-commit.ts';
import { LocalReader } from './local-reader.ts';
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
 * A libsql client with the guarantees PAKN relies on:
 * - every write transaction starts as a write (BEGIN IMMEDIATE) and is rolled back on any error;
 * - on a local file: WAL, synchronous=FULL (an acknowledged complaint survives power loss), foreign keys and a
 *   busy timeout, on the one connection the client keeps;
 * - transactions in one process never wait on each other inside SQLite: they queue here, and those that queue
 *   together share one commit, each acknowledged only once that commit is durable (group commit, WriteQueue).
 *
 * Why one connection: @libsql/client opens pooled connections without running our PRAGMAs on them, and a
 * per-connection setting that silently vanishes is how durability is lost (libsql-client-ts #288). With one
 * connection and an in-process queue, the settings hold and a busy wait can never block the event loop while
 * the transaction it waits for needs that same loop to finish. See docs/decisions/0004-database-and-durability.md.
 * Reads outside a transaction on a local file go to read-only connections with prepared statements in worker
 * threads (ReadPool, or LocalReader on the loop when `readers` is 0): they write nothing, so no durability
 * setting matters on them, and a slow one never stalls the event loop.
 */
/** Marks the async context of a write transaction, to catch calls that would wait on it forever. */
const insideWrite = new AsyncLocalStorage<Db>();

/** The database whose write transaction the caller runs in, if any (how appendAudit finds the audit keys). */
export function writingDb(): Db | undefined {
  return insideWrite.getStore();
}

export class Db implements Executor {
  readonly client: Client;
  readonly isLocal: boolean;
  /** The keys that sign and verify the audit chain (see DbConfig.auditKeys). */
  readonly auditKeys: AuditKeyring;
  readonly #busyTimeoutMs: number;
  /** On a local database: the writer's queue of exclusive sections and group commits (see WriteQueue). */
  readonly #writes: WriteQueue | null;
  #pragmasApplied = false;
  /** On a local file: what serves reads outside transactions (see ReadPool and DbConfig.readers). */
  #reader: ReadPool | LocalReader | null = null;

  private constructor(client: Client, isLocal: boolean, busyTimeoutMs: number, auditKeys: AuditKeyring, groupCommit: GroupCommitLimits | undefined) {
    this.client = client;
    this.isLocal = isLocal;
    this.auditKeys = auditKeys;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#writes = isLocal
      ? new WriteQueue(
          {
            begin: async () => {
              if (!this.#pragmasApplied) await this.#applyPragmas();
              return this.client.transaction('write');
            },
            run: (fn, tx) => insideWrite.run(this, () => fn(tx)),
            lost: () => (this.#pragmasApplied = false),
          },
          groupCommit,
        )
      : null;
  }

  static async open(config: DbConfig): Promise<Db> {
    const isLocal = config.url.startsWith('file:') || config.url === ':memory:';
    const client = createClient({
      url: config.url,
      authToken: config.authToken,
      syncUrl: config.syncUrl,
      syncInterval: config.syncIntervalSeconds,
      // One connection on a local file: see the class comment.
      concurrency: isLocal ? 1 : undefined,
      intMode: 'number',
    });
    const db = new Db(client, isLocal, config.busyTimeoutMs ?? 5000, config.auditKeys ?? AuditKeyring.ephemeral(), config.groupCommit);
    await db.#applyPragmas();
    // After the writer has put the file in WAL mode, which lets the reader read beside it. Not for an
    // embedded replica, whose file the client syncs, nor for memory, which a second connection cannot see.
    const path = localFilePath(config);
    const readers = config.readers ?? DEFAULT_READERS;
    if (path) db.#reader = readers > 0 ? new ReadPool(path, db.#busyTimeoutMs, readers) : new LocalReader(path, db.#busyTimeoutMs);
    return db;
  }

  async #applyPragmas(): Promise<void> {
    if (!this.isLocal) return; // a remote server owns its own durability settings
    // journal_mode is stored in the file; the others belong to the connection.
    await this.client.execute('PRAGMA journal_mode = WAL');
    await this.client.execute('PRAGMA synchronous = FULL');
    await this.client.execute(`PRAGMA busy_timeout = ${Math.trunc(this.#busyTimeoutMs)}`);
    await this.client.execute('PRAGMA foreign_keys = ON');
    this.#pragmasApplied = true;
  }

  /** On a local database: waits for the writes queued before it, then runs `fn` alone on the writer. */
  async #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const writes = this.#writes;
    if (!writes) return fn();
    this.#refuseInsideWrite();
    return writes.exclusive(async () => {
      if (!this.#pragmasApplied) await this.#applyPragmas();
      return fn();
    });
  }

  /** Inside a transaction, the database is the transaction: queueing behind it here would wait forever. */
  #refuseInsideWrite(): void {
    if (insideWrite.getStore() === this) {
      throw new Error('Db used inside Db.write(): use the transaction passed to the callback instead');
    }
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    const reader = this.#reader;
    // Inside a transaction the caller must use the transaction: #exclusive says so.
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
    return this.#exclusive(() => this.client.execute(stmt));
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
      tx = await this.client.transaction('write');
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
    this.client.close();
  }
}

/** The path of a local database file a second connection can open, or null (memory, remote, embedded replica). */
function localFilePath(config: DbConfig): string | null {
  if (!config.url.startsWith('file:') || config.syncUrl) return null;
  const path = config.url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return path === ':memory:' || path === '' || path.includes('?') || path.includes('mode=memory') ? null : path;
}
