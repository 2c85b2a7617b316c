import { createHash, timingSafeEqual } from 'node:crypto';
import type { Row } from '@libsql/client';
import type { AuditKeyring } from './audit-keys.ts';
import { checkAuditCheckpoints, parseAuditCheckpoints, type AuditCheckpoint } from './audit-checkpoints.ts';
import { Db, writingDb, type Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly actorKind: 'staff' | 'citizen' | 'system';
  readonly actorId: string | null;
  /** What happened, as a procedure-like name: `case.classify`, `identity.reveal`, `calendar.save`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Why, when the action needs a reason (opening a citizen's identity, a reprimand…). */
  readonly reason?: string | null;
}

export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** How a row's hash was made: plain SHA-256 for rows written before issue 9, HMAC-SHA256 under a key since. */
export const AuditHashAlg = { legacy: 'sha256', keyed: 'hmac-sha256' } as const;
export type AuditHashAlg = (typeof AuditHashAlg)[keyof typeof AuditHashAlg];

/** The action of the row that records a change of the chain's key (and the switch from unkeyed rows). */
export const AUDIT_KEY_CHANGED = 'audit.key_changed';

interface HashInput {
  readonly prevHash: string;
  readonly at: string;
  readonly entry: AuditEntry;
  readonly beforeJson: string | null;
  readonly afterJson: string | null;
}

/** A fixed field order: the hash must not depend on how an object happened to be built. */
function canonicalFields(i: HashInput): unknown[] {
  const e = i.entry;
  return [i.prevHash, i.at, e.actorKind, e.actorId, e.action, e.entityType, e.entityId, i.beforeJson, i.afterJson, e.reason ?? null];
}

/** The unkeyed hash of rows written before the chain was keyed; only ever verified, never written again. */
function legacyHash(i: HashInput): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalFields(i)))
    .digest('hex');
}

/** The algorithm and key id are inside the MAC, so a row cannot be relabelled to another key or algorithm. */
function keyedHash(keys: AuditKeyring, keyId: string, i: HashInput): string | null {
  return keys.chainMac(keyId, JSON.stringify([AuditHashAlg.keyed, keyId, ...canonicalFields(i)]));
}

function keyringFor(tx: Executor): AuditKeyring {
  if (tx instanceof Db) return tx.auditKeys;
  const db = writingDb();
  if (db) return db.auditKeys;
  throw new Error('appendAudit needs a Db, a transaction of Db.write, or a keyring');
}

interface ChainHead {
  readonly hash: string;
  readonly alg: string;
  readonly keyId: string | null;
}

async function chainHead(tx: Executor): Promise<ChainHead | null> {
  const last = await tx.execute('SELECT hash, hash_alg, key_id FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row = last.rows[0];
  return row ? { hash: str(row, 'hash'), alg: str(row, 'hash_alg'), keyId: strOrNull(row, 'key_id') } : null;
}

async function insertKeyed(tx: Executor, keys: AuditKeyring, prevHash: string, entry: AuditEntry, at: string): Promise<string> {
  const beforeJson = entry.before === undefined ? null : JSON.stringify(entry.before);
  const afterJson = entry.after === undefined ? null : JSON.stringify(entry.after);
  const keyId = keys.current.id;
  const hash = keyedHash(keys, keyId, { prevHash, at, entry, beforeJson, afterJson });
  if (hash === null) throw new Error('The current audit key is missing from its keyring');
  await tx.execute({
    sql: `INSERT INTO audit_log (at, actor_kind, actor_id, action, entity_type, entity_id, before_json, after_json, reason, prev_hash, hash, hash_alg, key_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      at,
      entry.actorKind,
      entry.actorId,
      entry.action,
      entry.entityType,
      entry.entityId,
      beforeJson,
      afterJson,
      entry.reason ?? null,
      prevHash,
      hash,
      AuditHashAlg.keyed,
      keyId,
    ],
  });
  return hash;
}

/** The row that says from here on the chain is signed by another key (or, after unkeyed rows, by a key at all). */
function keyChangedEntry(head: ChainHead | null, keys: AuditKeyring): AuditEntry {
  return {
    actorKind: 'system',
    actorId: null,
    action: AUDIT_KEY_CHANGED,
    entityType: 'audit',
    entityId: null,
    before: head ? { alg: head.alg, keyId: head.keyId } : null,
    after: { alg: AuditHashAlg.keyed, keyId: keys.current.id },
  };
}

/**
 * Appends to the chain. Call inside the write transaction of the action it records. The row is signed with the
 * current key of the database's keyring; when the row before was unkeyed or signed by another key, a row that
 * records the change comes first.
 */
export async function appendAudit(tx: Executor, entry: AuditEntry, now: Date, keys: AuditKeyring = keyringFor(tx)): Promise<string> {
  const head = await chainHead(tx);
  const at = now.toISOString();
  let prevHash = head ? head.hash : GENESIS_HASH;
  if (head && (head.alg !== AuditHashAlg.keyed || head.keyId !== keys.current.id)) {
    prevHash = await insertKeyed(tx, keys, prevHash, keyChangedEntry(head, keys), at);
  }
  return insertKeyed(tx, keys, prevHash, entry, at);
}

/**
 * At start: makes sure the chain's newest row is signed by the current key, writing the key-change row now
 * (even on an empty chain) so that the first checkpoint anchors it and an unkeyed row after it is a break.
 * Returns whether it wrote one.
 */
export async function sealAuditChain(db: Db, now: Date): Promise<boolean> {
  return db.write(async (tx) => {
    const head = await chainHead(tx);
    if (head && head.alg === AuditHashAlg.keyed && head.keyId === db.auditKeys.current.id) return false;
    await insertKeyed(tx, db.auditKeys, head ? head.hash : GENESIS_HASH, keyChangedEntry(head, db.auditKeys), now.toISOString());
    return true;
  });
}

const COLUMNS = 'seq, at, actor_kind, actor_id, action, entity_type, entity_id, before_json, after_json, reason, prev_hash, hash';

/** What the check found, each at the row (seq) or the checkpoint file's line where it found it. */
export type AuditProblemKind =
  /** A row's hash is not what its content gives under its key: edited, or re-hashed without the key. */
  | 'row_altered'
  /** A row does not point at the row before it: rows were removed or inserted before it. */
  | 'row_missing'
  /** An unkeyed row after a keyed one, or a row signed by a key older than the row before's (rotation only moves forward). */
  | 'downgrade'
  /** A row signed by a key id this process does not have: it cannot be verified. */
  | 'unknown_key'
  /** The chain ends before the last checkpoint's row: its newest rows were removed. */
  | 'tail_removed'
  /** The row at a checkpoint's seq is missing or is not the one the checkpoint saw. */
  | 'checkpoint_mismatch'
  /** A checkpoint line whose signature is wrong: it was not written by this system. */
  | 'checkpoint_forged'
  /** A checkpoint line signed by a key id this process does not have. */
  | 'checkpoint_unknown_key'
  /** A checkpoint line that is not a checkpoint at all. */
  | 'checkpoint_unreadable'
  /** Checkpoints are configured, but the file is gone, empty or unreadable. */
  | 'checkpoints_missing';

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** The row concerned (for checkpoint problems: the checkpoint's seq), if known. */
  readonly seq: number | null;
  /** The checkpoint file's line (1-based), for problems found in it. */
  readonly line: number | null;
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Rows verified before the first break (all of them when none). */
  readonly checked: number;
  /** The first row where the chain breaks, or null. */
  readonly brokenAtSeq: number | null;
  /** Rows in the log, and the newest one's seq (null when empty). */
  readonly rows: number;
  readonly headSeq: number | null;
  /** The first row signed with a key; rows before it are legacy SHA-256. */
  readonly keyedFromSeq: number | null;
  /** The newest checkpoint with a valid signature: the anchor the chain was held against. */
  readonly lastCheckpoint: Pick<AuditCheckpoint, 'seq' | 'at' | 'count'> | null;
  readonly checkpointsChecked: number;
  /** At most MAX_PROBLEMS, first found first. */
  readonly problems: readonly AuditProblem[];
}

export interface VerifyAuditOptions {
  /** The checkpoint file's text (JSON lines), when the anchor is to be checked too. */
  readonly checkpoints?: string | undefined;
  /** Defaults to the database's own keyring. */
  readonly keys?: AuditKeyring | undefined;
  /**
   * The system writes a checkpoint at every start, so an empty file where one is configured means it was
   * removed: report it rather than check the chain with no anchor.
   */
  readonly requireCheckpoints?: boolean | undefined;
}

const MAX_PROBLEMS = 50;

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A row's hash input, from its stored columns; the stored JSON text is hashed as it is, never re-serialised. */
function rowHashInput(row: Row, prevHash: string): HashInput {
  return {
    prevHash,
    at: str(row, 'at'),
    entry: {
      actorKind: str(row, 'actor_kind') as AuditEntry['actorKind'],
      actorId: strOrNull(row, 'actor_id'),
      action: str(row, 'action'),
      entityType: str(row, 'entity_type'),
      entityId: strOrNull(row, 'entity_id'),
      reason: strOrNull(row, 'reason'),
    },
    beforeJson: strOrNull(row, 'before_json'),
    afterJson: strOrNull(row, 'after_json'),
  };
}

/** What the walk along the chain has learnt so far. */
interface ChainWalk {
  prevHash: string;
  checked: number;
  keyedFromSeq: number | null;
  lastKeyRank: number | null;
}

/**
 * The hash a row must carry under its own algorithm and key, or what breaks the chain there: an unkeyed row
 * after a keyed one, a key this process lacks, a key older than the row before's, an unknown algorithm.
 */
function expectedRowHash(
  row: Row,
  seq: number,
  input: HashInput,
  walk: ChainWalk,
  keys: AuditKeyring | null,
): { hash: string } | { problem: AuditProblemKind } {
  const alg = str(row, 'hash_alg');
  const keyId = strOrNull(row, 'key_id');
  if (alg === AuditHashAlg.legacy) return walk.keyedFromSeq !== null ? { problem: 'downgrade' } : { hash: legacyHash(input) };
  if (alg !== AuditHashAlg.keyed || keyId === null) return { problem: 'row_altered' };
  walk.keyedFromSeq ??= seq;
  const expected = keys ? keyedHash(keys, keyId, input) : null;
  const rank = keys?.rank(keyId);
  if (expected === null || rank === undefined) return { problem: 'unknown_key' };
  if (walk.lastKeyRank !== null && rank > walk.lastKeyRank) return { problem: 'downgrade' };
  walk.lastKeyRank = rank;
  return { hash: expected };
}

/** Checks one row's link (its algorithm and key, its pointer to the row before, its own hash); null when it holds. */
function checkRow(row: Row, seq: number, storedHash: string, walk: ChainWalk, keys: AuditKeyring | null): AuditProblemKind | null {
  const expected = expectedRowHash(row, seq, rowHashInput(row, walk.prevHash), walk, keys);
  if ('problem' in expected) return expected.problem;
  if (str(row, 'prev_hash') !== walk.prevHash) return 'row_missing';
  if (!sameHex(storedHash, expected.hash)) return 'row_altered';
  walk.prevHash = storedHash;
  walk.checked++;
  return null;
}

/**
 * Recomputes the chain from the start, each row under its own algorithm and key, and holds it against the
 * signed checkpoints published outside the database. An edited row, a row re-hashed without the key, an
 * unkeyed row after a keyed one, a removed or inserted row, and removed newest rows (against the last
 * checkpoint) each show as a problem; `brokenAtSeq` is the first row where the chain itself breaks.
 */
export async function verifyAuditChain(db: Executor, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const keys = options.keys ?? (db instanceof Db ? db.auditKeys : null);
  const problems: AuditProblem[] = [];
  const report = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const checkpointText = options.checkpoints ?? '';
  if (options.requireCheckpoints && checkpointText.trim() === '') report({ kind: 'checkpoints_missing', seq: null, line: null });
  const parsed = parseAuditCheckpoints(checkpointText, keys);
  for (const p of parsed.problems) report(p);
  /** The stored hash and the row count at each checkpointed seq, gathered on the way. */
  const wanted = new Set(parsed.valid.map((c) => c.seq));
  const seen = new Map<number, { hash: string; count: number }>();

  const walk: ChainWalk = { prevHash: GENESIS_HASH, checked: 0, keyedFromSeq: null, lastKeyRank: null };
  let rows = 0;
  let headSeq: number | null = null;
  let brokenAtSeq: number | null = null;
  let afterSeq = 0;
  for (;;) {
    const page = await db.execute({ sql: `SELECT ${COLUMNS}, hash_alg, key_id FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000`, args: [afterSeq] });
    if (page.rows.length === 0) break;
    for (const row of page.rows) {
      const seq = num(row, 'seq');
      const storedHash = str(row, 'hash');
      rows++;
      headSeq = seq;
      afterSeq = seq;
      if (wanted.has(seq)) seen.set(seq, { hash: storedHash, count: rows });
      // After the first break the rest is only read for the checkpoints: one break makes every later link moot.
      if (brokenAtSeq !== null) continue;
      const broken = checkRow(row, seq, storedHash, walk, keys);
      if (broken !== null) {
        brokenAtSeq = seq;
        report({ kind: broken, seq, line: null });
      }
    }
  }
  const anchor = checkAuditCheckpoints(parsed.valid, seen, headSeq);
  for (const p of anchor.problems) report(p);
  return {
    ok: problems.length === 0,
    checked: walk.checked,
    brokenAtSeq,
    rows,
    headSeq,
    keyedFromSeq: walk.keyedFromSeq,
    lastCheckpoint: anchor.last ? { seq: anchor.last.seq, at: anchor.last.at, count: anchor.last.count } : null,
    checkpointsChecked: parsed.valid.length + parsed.problems.length,
    problems,
  };
}
