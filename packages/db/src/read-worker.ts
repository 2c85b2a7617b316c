/**
 * A worker thread that serves reads of a local database file (see read-pool.ts): one read-only connection with
 * its statements prepared once (LocalReader), one statement at a time. A slow read (a broad search, a year's
 * report) blocks this thread only, never the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LocalReader } from './local-reader.ts';
import type { Value } from './prepared.ts';
import type { ReadReply, ReadRequest, ReadWorkerData } from './read-pool.ts';

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread (see read-pool.ts)');
const { path, busyTimeoutMs } = workerData as ReadWorkerData;
const reader = new LocalReader(path, busyTimeoutMs);

/** Only what can be sent back: the message, the name and the SQLite codes that callers look at (faults.ts). */
function plainError(error: unknown): Extract<ReadReply, { ok: false }>['error'] {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, extendedCode, rawCode } = error as Error & { code?: unknown; extendedCode?: unknown; rawCode?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof extendedCode === 'string' ? { extendedCode } : {}),
    ...(typeof rawCode === 'number' ? { rawCode } : {}),
  };
}

port.on('message', (request: ReadRequest) => {
  let reply: ReadReply;
  const transfer = new Set<ArrayBuffer>();
  try {
    const result = reader.query(request.sql, request.args as Value[]);
    // Blobs move to the caller's thread instead of being copied.
    for (const row of result.rows) for (const value of row) if (value instanceof ArrayBuffer) transfer.add(value);
    reply = { id: request.id, ok: true, result };
  } catch (error) {
    reply = { id: request.id, ok: false, error: plainError(error) };
  }
  port.postMessage(reply, [...transfer]);
});

port.once('close', () => reader.close());
