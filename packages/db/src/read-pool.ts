import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResultSet } from '@libsql/client';
import { toResultSet, type RawResult } from './prepared.ts';

/** What a read worker is started with. */
export interface ReadWorkerData {
  readonly path: string;
  readonly busyTimeoutMs: number;
}

export interface ReadRequest {
  readonly id: number;
  readonly sql: string;
  readonly args: readonly unknown[];
}

export type ReadReply =
  | { readonly id: number; readonly ok: true; readonly result: RawResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { name: string; message: string; code?: string; extendedCode?: string; rawCode?: number };
    };

interface Job {
  readonly request: ReadRequest;
  readonly resolve: (result: ResultSet) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
}

/**
 * The worker's entry: read-worker.js beside the server's esbuild bundle (apps/server/build.mjs builds it as a
 * second entry point), whose import.meta.url is dist/cli.js; or, under vitest or tsx, the TypeScript source
 * beside this file. Node 20 runs no TypeScript, and a worker thread of Node 20 does not take tsx's ESM loader
 * (`--import tsx` in its execArgv is ignored), so the source is required through tsx's CommonJS hook, which
 * runs inside the thread.
 */
function workerEntry(): { entry: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { entry: new URL('./read-worker.js', here), eval: false };
  const require = createRequire(here);
  const source = fileURLToPath(new URL('./read-worker.ts', here));
  return { entry: `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(source)});`, eval: true };
}

function closedError(): Error {
  return Object.assign(new Error('The database is closed'), { code: 'CLIENT_CLOSED' });
}

/** The worker's error as the caller's: same class where it is a standard one, same message, name and codes. */
function fromReply(error: Extract<ReadReply, { ok: false }>['error']): Error {
  const made =
    error.name === 'RangeError' ? new RangeError(error.message) : error.name === 'TypeError' ? new TypeError(error.message) : new Error(error.message);
  if (made.name !== error.name) made.name = error.name;
  const { code, extendedCode, rawCode } = error;
  return Object.assign(made, code === undefined ? {} : { code }, extendedCode === undefined ? {} : { extendedCode }, rawCode === undefined ? {} : { rawCode });
}

/**
 * Reads of a local database file in worker threads, so that none runs on the server's event loop (issue 11:
 * one officer's broad search stalled every citizen's tracking). Each worker holds one read-only connection
 * with its statements prepared once (LocalReader) and runs one statement at a time; statements wait here, in
 * one queue, for the next free worker. A slow read therefore holds one worker while the others drain the
 * queue: with two workers, a report and the citizens' lookups run side by side.
 *
 * With WAL, a reader sees every write committed before its statement starts and never waits for the writer.
 * Results keep @libsql/client's shape: the worker sends columns and raw rows, rows are built here.
 */
export class ReadPool {
  readonly #data: ReadWorkerData;
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(path: string, busyTimeoutMs: number, size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`A read pool needs at least one worker (got ${size})`);
    this.#data = { path, busyTimeoutMs };
    this.#slots = Array.from({ length: size }, () => ({ worker: null, job: null }));
    // The first worker now rather than at the first read (a worker takes some milliseconds to load); the others
    // when a statement finds every running one busy, so an idle server holds one (each costs memory).
    const first = this.#slots[0];
    if (first) first.worker = this.#start(first);
  }

  get size(): number {
    return this.#slots.length;
  }

  execute(sql: string, args: readonly unknown[]): Promise<ResultSet> {
    if (this.#closed) return Promise.reject(closedError());
    return new Promise<ResultSet>((resolve, reject) => {
      this.#queue.push({ request: { id: this.#nextId++, sql, args }, resolve, reject });
      this.#pump();
    });
  }

  /** Rejects what waits or runs, and ends the workers. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(closedError());
    for (const slot of this.#slots) {
      slot.job?.reject(closedError());
      slot.job = null;
      const worker = slot.worker;
      slot.worker = null;
      void worker?.terminate();
    }
  }

  #start(slot: Slot): Worker {
    const { entry, eval: isSource } = workerEntry();
    const worker = new Worker(entry, { workerData: this.#data, eval: isSource });
    // An idle worker must not keep the process alive; a busy one does (see #pump).
    worker.unref();
    worker.on('message', (reply: ReadReply) => this.#answer(slot, reply));
    // A worker that dies fails the statement it ran; the next statement starts a new one.
    const lost = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = slot.job;
      slot.job = null;
      job?.reject(error);
      this.#pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`A database read worker stopped (exit code ${code})`)));
    return worker;
  }

  #answer(slot: Slot, reply: ReadReply): void {
    const job = slot.job;
    if (!job || job.request.id !== reply.id) return;
    slot.job = null;
    slot.worker?.unref();
    if (reply.ok) job.resolve(toResultSet(reply.result));
    else job.reject(fromReply(reply.error));
    this.#pump();
  }

  #pump(): void {
    for (const slot of this.#slots) {
      while (!slot.job && !this.#closed) {
        const job = this.#queue.shift();
        if (!job) return;
        slot.worker ??= this.#start(slot);
        try {
          slot.worker.postMessage(job.request);
        } catch (error) {
          // An argument that cannot be sent (never one of PAKN's): this statement fails, the others go on.
          job.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        slot.job = job;
        slot.worker.ref();
      }
    }
  }
}
