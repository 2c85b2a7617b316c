/**
 * A full disk and a read-only database, for real: the database lives on a small tmpfs of its own (root only).
 * - Full: a filler file takes every free byte; submissions must then answer 503 `storage_unavailable` (never
 *   200 for a case that is not stored, never 500); after the filler is deleted the next submission succeeds,
 *   with no restart.
 * - Read-only: `chattr +i` on the database files, on the work folder's own filesystem (ext4 refuses writes
 *   even through open descriptors; tmpfs does not, and remounting read-only is refused while the server holds
 *   the file open); same expectations; `chattr -i` clears it.
 * Then every acknowledged reference is checked in the database and `integrity_check` must say ok.
 * Without permission to mount (not root, or a container without CAP_SYS_ADMIN) the phase says so and is skipped;
 * `pnpm test` covers the same path with PRAGMA max_page_count and query_only (apps/server/test/storage-faults.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { Db } from '@pakn/db';
import { call, citizenHeaders, data, log, newIdempotencyKey, newProof, reason, ServerProcess, sleep, submission } from './harness.ts';

interface FaultCase {
  readonly attempts: number;
  readonly refused503: number;
  readonly acknowledged: number;
  readonly otherStatuses: Record<string, number>;
  readonly firstSubmissionAfterRecovery: number;
}

export interface FaultsResult {
  readonly skipped: string | null;
  readonly diskFull: FaultCase | null;
  readonly readOnly: FaultCase | null;
  readonly acknowledgedMissing: number;
  readonly integrityCheck: string;
  readonly serverRestarts: number;
  readonly pass: boolean;
}

const DESCRIPTION = `Hồ sơ của tôi bị trả muộn so với giấy hẹn. ${'Đề nghị Trung tâm xem xét, trả lời bằng văn bản. '.repeat(90)}`;

function sh(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: 'pipe' });
}

/** Fills the filesystem at `dir` with one file until the kernel says there is no space left. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full. Smaller writes take the last bytes.
    try {
      for (;;) writeSync(fd, block, 0, 512);
    } catch {
      // full to the last block
    }
  } finally {
    closeSync(fd);
  }
}

async function submitOnce(server: ServerProcess, acks: Map<string, string>, statuses: Record<string, number>): Promise<number> {
  const { proof } = await newProof(null, server.url);
  const description = `${DESCRIPTION} (${newIdempotencyKey()})`;
  const reply = await call(null, 'POST', `${server.url}/trpc/case.submit`, submission(newIdempotencyKey(), description, proof ?? ''), citizenHeaders);
  const key = `${reply.status}${reply.status === 200 ? '' : ` ${reason(reply)}`}`;
  statuses[key] = (statuses[key] ?? 0) + 1;
  if (reply.status === 200) acks.set(data<{ reference: string }>(reply).reference, description);
  return reply.status;
}

/**
 * Submits under a fault until five in a row are refused (a write may still fit in space SQLite already holds,
 * which is a stored case, not a defect), then clears the fault and submits once more.
 */
async function underFault(server: ServerProcess, acks: Map<string, string>, clear: () => void): Promise<FaultCase> {
  const statuses: Record<string, number> = {};
  let inARow = 0;
  let attempts = 0;
  while (inARow < 5 && attempts < 200) {
    attempts++;
    const status = await submitOnce(server, acks, statuses);
    inARow = status === 503 ? inARow + 1 : 0;
  }
  clear();
  await sleep(200);
  const after = await submitOnce(server, acks, {});
  const { '503 storage_unavailable': refused = 0, '200': acknowledged = 0, ...other } = statuses;
  return { attempts, refused503: refused, acknowledged, otherStatuses: other, firstSubmissionAfterRecovery: after };
}

async function checkStored(databasePath: string, acks: Map<string, string>): Promise<{ missing: number; integrity: string }> {
  const db = await Db.open({ url: `file:${databasePath}` });
  try {
    const integrity = String((await db.execute('PRAGMA integrity_check')).rows[0]?.integrity_check ?? 'no answer');
    let missing = 0;
    for (const [reference, description] of acks) {
      const row = await db.execute({ sql: 'SELECT description FROM cases WHERE reference = ?', args: [reference] });
      if (String(row.rows[0]?.description) !== description) missing++;
    }
    return { missing, integrity };
  } finally {
    db.close();
  }
}

/** Runs a server on `databasePath`, submits a few cases, then `fault` them, and checks what was stored. */
async function scenario(
  port: number,
  databasePath: string,
  name: string,
  fault: () => () => void,
): Promise<{ result: FaultCase; missing: number; integrity: string; restarted: boolean }> {
  const server = new ServerProcess({ port, databasePath });
  const acks = new Map<string, string>();
  try {
    await server.start();
    const pid = server.pid;
    for (let i = 0; i < 3; i++) await submitOnce(server, acks, {});
    log(`faults: ${name}`);
    const result = await underFault(server, acks, fault());
    log(`faults: ${name}: ${JSON.stringify(result)}`);
    const restarted = server.pid !== pid;
    await server.stop();
    return { result, ...(await checkStored(databasePath, acks)), restarted };
  } finally {
    await server.stop();
  }
}

/**
 * Lazily: the libsql client keeps the file's descriptors after close() until it is collected, so the battery's
 * own check may still hold the mount; it is detached now and freed when they go.
 */
function unmount(mountPoint: string): void {
  sh('umount', ['-l', mountPoint]);
}

export async function faults(port: number, workDir: string): Promise<FaultsResult> {
  const mountPoint = `${workDir}/tmpfs`;
  mkdirSync(mountPoint, { recursive: true });
  try {
    sh('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint]);
  } catch (error) {
    const why = `mount not permitted here (${error instanceof Error ? error.message.split('\n')[0] : 'error'})`;
    log(`faults: skipped: ${why}`);
    return { skipped: why, diskFull: null, readOnly: null, acknowledgedMissing: 0, integrityCheck: 'not run', serverRestarts: 0, pass: false };
  }
  let full;
  try {
    full = await scenario(port, `${mountPoint}/pakn.db`, 'a full disk (a filler file takes the whole tmpfs)', () => {
      const filler = `${mountPoint}/filler`;
      fill(filler);
      return () => rmSync(filler);
    });
  } finally {
    unmount(mountPoint);
  }

  // tmpfs ignores the immutable flag for descriptors already open; ext4 (the work folder) honours it.
  const readOnlyDir = `${workDir}/read-only`;
  mkdirSync(readOnlyDir, { recursive: true });
  const files = ['pakn.db', 'pakn.db-wal', 'pakn.db-shm'].map((f) => `${readOnlyDir}/${f}`);
  let readOnly;
  try {
    readOnly = await scenario(port, `${readOnlyDir}/pakn.db`, 'a read-only database (chattr +i on its files)', () => {
      sh('chattr', ['+i', ...files]);
      return () => sh('chattr', ['-i', ...files]);
    });
  } finally {
    try {
      sh('chattr', ['-i', ...files]);
    } catch {
      // already cleared
    }
  }

  const clean = (f: FaultCase) => f.refused503 >= 5 && Object.keys(f.otherStatuses).length === 0 && f.firstSubmissionAfterRecovery === 200;
  const missing = full.missing + readOnly.missing;
  const integrity = full.integrity === 'ok' && readOnly.integrity === 'ok' ? 'ok' : `${full.integrity} / ${readOnly.integrity}`;
  const restarts = Number(full.restarted) + Number(readOnly.restarted);
  return {
    skipped: null,
    diskFull: full.result,
    readOnly: readOnly.result,
    acknowledgedMissing: missing,
    integrityCheck: integrity,
    serverRestarts: restarts,
    pass: clean(full.result) && clean(readOnly.result) && missing === 0 && integrity === 'ok' && restarts === 0,
  };
}
