/**
 * A stand-in for a remote libsql server (sqld), for tests only. It speaks the Hrana-over-HTTP v2 protocol
 * (JSON pipelines with batons) that @libsql/client uses for `http://` URLs, and keeps one SQLite connection
 * per stream in a file of its own, so interactive transactions behave as on a real server: each stream is a
 * separate connection, locks are held across requests until COMMIT or ROLLBACK.
 *
 * No sqld can run where PAKN is developed; this lets every repository and router test exercise the remote
 * code path of @pakn/db (no PRAGMAs, no in-process queue, transactions over the network).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Database from 'libsql';

type Value =
  { type: 'null' } | { type: 'integer'; value: string } | { type: 'float'; value: number } | { type: 'text'; value: string } | { type: 'blob'; base64: string };

interface Stmt {
  sql?: string;
  sql_id?: number;
  args?: Value[];
  named_args?: { name: string; value: Value }[];
  want_rows?: boolean;
}

type BatchCond =
  | { type: 'ok'; step: number }
  | { type: 'error'; step: number }
  | { type: 'not'; cond: BatchCond }
  | { type: 'and'; conds: BatchCond[] }
  | { type: 'or'; conds: BatchCond[] }
  | { type: 'is_autocommit' };

type StreamRequest =
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; batch: { steps: { condition?: BatchCond | null; stmt: Stmt }[] } }
  | { type: 'sequence'; sql: string }
  | { type: 'get_autocommit' }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'close' };

/** A stream: one connection, the SQL texts the client stored on it, and whether it holds the write lock. */
interface Stream {
  readonly db: Connection;
  readonly sqls: Map<number, string>;
  holdsWriteLock: boolean;
}

/** sqld lets one write transaction in at a time and queues the others; so does this fake. */
class WriteLock {
  #held = false;
  readonly #waiters: (() => void)[] = [];
  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }
  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#held = false;
  }
}

const BEGIN_WRITE = /^\s*BEGIN\s+(IMMEDIATE|EXCLUSIVE)\b/i;

interface Connection {
  prepare(sql: string): {
    reader: boolean;
    raw(toggle?: boolean): unknown;
    all(...args: unknown[]): unknown[];
    run(...args: unknown[]): { changes: number; lastInsertRowid: number | bigint };
    columns(): { name: string; type: string | null }[];
  };
  exec(sql: string): void;
  close(): void;
  inTransaction: boolean;
}

function decode(value: Value): unknown {
  switch (value.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(value.value);
    case 'float':
      return value.value;
    case 'text':
      return value.value;
    case 'blob':
      return Buffer.from(value.base64, 'base64');
  }
}

function encode(value: unknown): Value {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  if (typeof value === 'number') return Number.isInteger(value) ? { type: 'integer', value: String(value) } : { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  // SQLite gives back only the types above; anything else is sent as text.
  return { type: 'text', value: typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? '') };
}

function execute(stream: Stream, stmt: Stmt) {
  const { db } = stream;
  const sql = stmt.sql ?? (stmt.sql_id !== undefined ? stream.sqls.get(stmt.sql_id) : undefined) ?? '';
  const prepared = db.prepare(sql);
  const args: unknown[] = [];
  if (stmt.named_args && stmt.named_args.length > 0) {
    args.push(Object.fromEntries(stmt.named_args.map((a) => [a.name.replace(/^[:@$]/, ''), decode(a.value)])));
  } else {
    args.push(...(stmt.args ?? []).map(decode));
  }
  if (prepared.reader) {
    prepared.raw(true);
    const rows = prepared.all(...args) as unknown[][];
    return {
      cols: prepared.columns().map((c) => ({ name: c.name, decltype: c.type })),
      rows: rows.map((row) => row.map(encode)),
      affected_row_count: 0,
      last_insert_rowid: null,
    };
  }
  const info = prepared.run(...args);
  return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: String(info.lastInsertRowid) };
}

/**
 * A real sqld waits for a lock without blocking other streams. One SQLite connection per stream in a single
 * thread cannot busy-wait (it would block the COMMIT that frees the lock), so wait here, asynchronously.
 */
async function withLockWait<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return fn();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}

function errorOf(error: unknown) {
  const e = error as { message?: string; code?: string };
  return { message: e.message ?? String(error), code: e.code ?? 'SQLITE_ERROR' };
}

export interface FakeLibsqlServer {
  readonly url: string;
  /** Requests served, by pipeline request type: lets tests prove the remote path was taken. */
  readonly counts: Record<string, number>;
  close(): Promise<void>;
}

/** The open streams of one fake server, by baton, and the one write lock they share. */
class Streams {
  readonly byBaton = new Map<string, Stream>();
  readonly counts: Record<string, number> = {};
  private readonly writeLock = new WriteLock();

  constructor(private readonly path: string) {}

  open(): Stream {
    const db = new Database(this.path) as unknown as Connection;
    db.exec('PRAGMA busy_timeout = 0');
    db.exec('PRAGMA journal_mode = WAL'); // as sqld runs its databases
    return { db, sqls: new Map(), holdsWriteLock: false };
  }

  /** Runs one statement, queueing a write transaction's BEGIN behind the one in progress. */
  async run(stream: Stream, stmt: Stmt) {
    const sql = stmt.sql ?? (stmt.sql_id !== undefined ? stream.sqls.get(stmt.sql_id) : undefined) ?? '';
    if (BEGIN_WRITE.test(sql) && !stream.holdsWriteLock) {
      await this.writeLock.acquire();
      stream.holdsWriteLock = true;
    }
    try {
      return await withLockWait(() => execute(stream, stmt));
    } finally {
      this.settle(stream);
    }
  }

  settle(stream: Stream): void {
    if (stream.holdsWriteLock && !stream.db.inTransaction) {
      stream.holdsWriteLock = false;
      this.writeLock.release();
    }
  }

  closeAll(): void {
    for (const stream of this.byBaton.values()) {
      if (stream.db.inTransaction) stream.db.exec('ROLLBACK');
      stream.db.close();
    }
    this.byBaton.clear();
  }
}

function batchCondHolds(cond: BatchCond, results: readonly unknown[], errors: readonly unknown[], db: Connection): boolean {
  const holds = (c: BatchCond): boolean => batchCondHolds(c, results, errors, db);
  switch (cond.type) {
    case 'ok':
      return results[cond.step] !== null && results[cond.step] !== undefined;
    case 'error':
      return errors[cond.step] !== null && errors[cond.step] !== undefined;
    case 'not':
      return !holds(cond.cond);
    case 'and':
      return cond.conds.every(holds);
    case 'or':
      return cond.conds.some(holds);
    case 'is_autocommit':
      return !db.inTransaction;
  }
}

async function runBatch(streams: Streams, stream: Stream, steps: readonly { condition?: BatchCond | null; stmt: Stmt }[]) {
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const step of steps) {
    if (step.condition && !batchCondHolds(step.condition, results, errors, stream.db)) {
      results.push(null);
      errors.push(null);
      continue;
    }
    try {
      results.push(await streams.run(stream, step.stmt));
      errors.push(null);
    } catch (error) {
      results.push(null);
      errors.push(errorOf(error));
    }
  }
  return { step_results: results, step_errors: errors };
}

async function handle(streams: Streams, stream: Stream, request: StreamRequest) {
  const { db } = stream;
  streams.counts[request.type] = (streams.counts[request.type] ?? 0) + 1;
  switch (request.type) {
    case 'execute':
      return { type: 'execute', result: await streams.run(stream, request.stmt) };
    case 'batch':
      return { type: 'batch', result: await runBatch(streams, stream, request.batch.steps) };
    case 'sequence':
      db.exec(request.sql);
      return { type: 'sequence' };
    case 'get_autocommit':
      return { type: 'get_autocommit', is_autocommit: !db.inTransaction };
    case 'store_sql':
      stream.sqls.set(request.sql_id, request.sql);
      return { type: 'store_sql' };
    case 'close_sql':
      stream.sqls.delete(request.sql_id);
      return { type: 'close_sql' };
    case 'close':
      return { type: 'close' };
    default:
      throw new Error(`Unsupported request ${JSON.stringify(request)}`);
  }
}

async function pipeline(streams: Streams, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { baton: string | null; requests: StreamRequest[] };
  const stream: Stream | undefined = body.baton ? streams.byBaton.get(body.baton) : streams.open();
  if (body.baton) streams.byBaton.delete(body.baton);
  if (!stream) {
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Unknown baton' }));
    return;
  }
  const results = [];
  let closed = false;
  for (const request of body.requests) {
    try {
      results.push({ type: 'ok', response: await handle(streams, stream, request) });
    } catch (error) {
      results.push({ type: 'error', error: errorOf(error) });
    }
    if (request.type === 'close') closed = true;
  }
  let baton: string | null = null;
  if (closed) {
    if (stream.db.inTransaction) stream.db.exec('ROLLBACK');
    streams.settle(stream);
    stream.db.close();
  } else {
    baton = randomBytes(12).toString('hex');
    streams.byBaton.set(baton, stream);
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ baton, base_url: null, results }));
}

export async function startFakeLibsqlServer(path: string): Promise<FakeLibsqlServer> {
  const streams = new Streams(path);
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/v2/pipeline') {
      pipeline(streams, req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
      });
      return;
    }
    res.writeHead(404).end(); // version probes for v3 fall back to v2
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts: streams.counts,
    async close() {
      streams.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
