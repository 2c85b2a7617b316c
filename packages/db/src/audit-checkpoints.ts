/**
 * Checkpoints anchor the audit chain outside the database: the chain's head (seq, hash, row count), signed
 * with a key the database does not hold, appended to a JSON-lines file elsewhere (and optionally mailed). A
 * chain that ends before the last checkpoint lost its newest rows; a row that differs from what a checkpoint
 * saw was rewritten. See docs/decisions/0009-audit-chain-keyed-and-anchored.md.
 */
import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { timingSafeEqual } from 'node:crypto';
import { dirname } from 'node:path';
import type { AuditKeyring } from './audit-keys.ts';
import type { Db, Executor } from './connection.ts';
import { num, str } from './rows.ts';

export const CHECKPOINT_VERSION = 1;
const EMPTY_CHAIN_HASH = '0'.repeat(64);

export interface AuditCheckpoint {
  readonly v: typeof CHECKPOINT_VERSION;
  /** The newest row's seq when the checkpoint was made (0 for an empty chain). */
  readonly seq: number;
  /** That row's hash. */
  readonly hash: string;
  /** Rows in the log then. */
  readonly count: number;
  /** When the checkpoint was made, ISO. */
  readonly at: string;
  /** The chain key its signing key is derived from. */
  readonly keyId: string;
  /** HMAC-SHA256, hex, over the fields above. */
  readonly sig: string;
}

type Unsigned = Omit<AuditCheckpoint, 'sig'>;

function signedText(c: Unsigned): string {
  return JSON.stringify(['pakn-audit-checkpoint', c.v, c.seq, c.hash, c.count, c.at, c.keyId]);
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  readonly count: number;
}

/** The chain's newest row and the number of rows; an empty chain is seq 0 with the genesis hash. */
export async function readAuditHead(db: Executor): Promise<AuditHead> {
  const result = await db.execute('SELECT (SELECT COUNT(*) FROM audit_log) AS count, seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row = result.rows[0];
  return row ? { seq: num(row, 'seq'), hash: str(row, 'hash'), count: num(row, 'count') } : { seq: 0, hash: EMPTY_CHAIN_HASH, count: 0 };
}

export function signAuditCheckpoint(keys: AuditKeyring, head: AuditHead, at: Date): AuditCheckpoint {
  const unsigned: Unsigned = { v: CHECKPOINT_VERSION, seq: head.seq, hash: head.hash, count: head.count, at: at.toISOString(), keyId: keys.current.id };
  const sig = keys.checkpointMac(unsigned.keyId, signedText(unsigned));
  if (sig === null) throw new Error('The current audit key is missing from its keyring');
  return { ...unsigned, sig };
}

/** A signed checkpoint of the chain as it is now, under the database's current audit key. */
export async function createAuditCheckpoint(db: Db, at: Date): Promise<AuditCheckpoint> {
  return signAuditCheckpoint(db.auditKeys, await readAuditHead(db), at);
}

/** One line of the checkpoint file, newline included. */
export function checkpointLine(c: AuditCheckpoint): string {
  return `${JSON.stringify({ v: c.v, seq: c.seq, hash: c.hash, count: c.count, at: c.at, keyId: c.keyId, sig: c.sig })}\n`;
}

/** Appends a checkpoint and flushes it to the disk before returning: an anchor that can be lost is no anchor. */
export function appendCheckpointFile(path: string, c: AuditCheckpoint): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, checkpointLine(c), { mode: 0o600 });
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The checkpoint file's text; empty when it does not exist yet. */
export async function readCheckpointFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

interface ProblemAt {
  readonly kind: 'checkpoint_forged' | 'checkpoint_unknown_key' | 'checkpoint_unreadable' | 'tail_removed' | 'checkpoint_mismatch';
  readonly seq: number | null;
  readonly line: number | null;
}

function isCheckpoint(value: unknown): value is AuditCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  return (
    c.v === CHECKPOINT_VERSION &&
    count(c.seq) &&
    count(c.count) &&
    typeof c.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(c.hash) &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.sig === 'string' &&
    /^[0-9a-f]{64}$/.test(c.sig)
  );
}

/** Parses the file and checks each line's signature; only lines signed by one of our keys may anchor the chain. */
export function parseAuditCheckpoints(text: string, keys: AuditKeyring | null): { valid: AuditCheckpoint[]; problems: ProblemAt[] } {
  const valid: AuditCheckpoint[] = [];
  const problems: ProblemAt[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = null;
    }
    if (!isCheckpoint(value)) {
      problems.push({ kind: 'checkpoint_unreadable', seq: null, line });
      return;
    }
    const expected = keys?.checkpointMac(value.keyId, signedText(value)) ?? null;
    if (expected === null) problems.push({ kind: 'checkpoint_unknown_key', seq: value.seq, line });
    else if (!timingSafeEqual(Buffer.from(expected), Buffer.from(value.sig))) problems.push({ kind: 'checkpoint_forged', seq: value.seq, line });
    else valid.push(value);
  });
  return { valid, problems };
}

/**
 * Holds the chain as read (`seen`: the stored hash and row count at each checkpointed seq; `headSeq`: the
 * newest row) against the valid checkpoints.
 */
export function checkAuditCheckpoints(
  valid: readonly AuditCheckpoint[],
  seen: ReadonlyMap<number, { hash: string; count: number }>,
  headSeq: number | null,
): { last: AuditCheckpoint | null; problems: ProblemAt[] } {
  const problems: ProblemAt[] = [];
  let last: AuditCheckpoint | null = null;
  for (const c of valid) if (!last || c.seq > last.seq || (c.seq === last.seq && c.at > last.at)) last = c;
  if (last && last.seq > (headSeq ?? 0)) problems.push({ kind: 'tail_removed', seq: last.seq, line: null });
  const reported = new Set<number>();
  for (const c of valid) {
    if (c.seq > (headSeq ?? 0) || reported.has(c.seq)) continue;
    if (c.seq === 0) {
      // A checkpoint of the empty chain holds nothing to compare.
      continue;
    }
    const row = seen.get(c.seq);
    if (!row || row.hash !== c.hash || row.count !== c.count) {
      reported.add(c.seq);
      problems.push({ kind: 'checkpoint_mismatch', seq: c.seq, line: null });
    }
  }
  return { last, problems };
}
