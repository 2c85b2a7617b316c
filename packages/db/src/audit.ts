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

function toRecord(row: Record<string, unknown>): AuditRecord {
  const r = row as Parameters<typeof str>[0];
  const before = strOrNull(r, 'before_json');
  const after = strOrNull(r, 'after_json');
  return {
    seq: num(r, 'seq'),
    at: str(r, 'at'),
    actorKind: str(r, 'actor_kind') as AuditRecord['actorKind'],
    actorId: strOrNull(r, 'actor_id'),
    action: str(r, 'action'),
    entityType: str(r, 'entity_type'),
    entityId: strOrNull(r, 'entity_id'),
    before: before === null ? undefined : (JSON.parse(before) as unknown),
    after: after === null ? undefined : (JSON.parse(after) as unknown),
    reason: strOrNull(r, 'reason'),
    prevHash: str(r, 'prev_hash'),
    hash: str(r, 'hash'),
  };
}

/** An audit entry as inspectors read it: the actor's name and role beside the id the chain keeps. */
export interface AuditListEntry extends AuditRecord {
  readonly actorName: string | null;
  readonly actorRole: string | null;
}

export interface AuditFilter {
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  /** An action, or the start of one (`case.` for every move of a case). */
  readonly action?: string | undefined;
  /** A staff username, id, or part of a display name. */
  readonly actor?: string | undefined;
  /** Instants, ISO: from included, to excluded. */
  readonly fromAt?: string | undefined;
  readonly toAt?: string | undefined;
}

/** A place in the audit list: the last entry shown, by time and then by its place in the chain. */
export interface AuditPosition {
  readonly at: string;
  readonly seq: number;
}

type DriverColumn = 'entity_id' | 'actor_id' | 'action' | 'entity_type';

/** One equality a page's read is driven by (on the index that starts with its column), or none: the time index. */
type AuditDriver = { readonly column: DriverColumn; readonly value: string } | null;

interface AuditQuery {
  readonly drivers: readonly AuditDriver[];
  /** The other filters, checked on each row the driver's index range gives. */
  readonly where: readonly string[];
  readonly args: readonly (string | number)[];
}

/** A filter as a condition on the rows, and (on demand) as the values of its column that it accepts. */
interface AuditCondition {
  readonly column: DriverColumn;
  readonly sql: string;
  readonly args: readonly (string | number)[];
  readonly values: () => Promise<readonly string[]>;
}

/** The actions that start with `prefix`, each found by one seek in audit_action (a handful, not a range walk). */
async function actionsStartingWith(db: Executor, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let last: string | null = null;
  for (;;) {
    const result = await db.execute({
      sql: `SELECT action FROM audit_log WHERE action ${last === null ? '>=' : '>'} ? ORDER BY action LIMIT 1`,
      args: [last ?? prefix],
    });
    const action = result.rows[0]?.action;
    if (typeof action !== 'string' || !action.startsWith(prefix)) return found;
    found.push(action);
    last = action;
  }
}

/** The staff the actor filter names (by id, username or part of the name), plus the text itself as an id. */
async function actorIds(db: Executor, actor: string): Promise<string[]> {
  const staff = await db.execute({
    sql: 'SELECT id FROM staff WHERE id = ? OR username = ? OR instr(lower(display_name), lower(?)) > 0',
    args: [actor, actor, actor],
  });
  return [...new Set([actor, ...staff.rows.map((r) => str(r, 'id'))])];
}

/**
 * How a filtered page is read: driven by the most selective filter's index (an entity, then an actor, then an
 * action, then an entity type, else time), each value of it on its own range (the staff an actor names, the
 * actions a prefix covers), the other filters checked on the rows. Every index ends in `at` and then seq (the
 * rowid), which is the list's order, so each range is read in order and only as far as a page needs.
 */
async function auditQuery(db: Executor, filter: AuditFilter): Promise<AuditQuery> {
  const conditions: AuditCondition[] = [];
  // A filter that does not drive is checked with `+a.column`, which keeps the planner on the driving index (with
  // no statistics it may take another index with the same shape, and then sort or scan the wrong range).
  const one = (column: DriverColumn, value: string): AuditCondition => ({ column, sql: `+a.${column} = ?`, args: [value], values: async () => [value] });
  if (filter.entityId) conditions.push(one('entity_id', filter.entityId));
  if (filter.actor) {
    const ids = await actorIds(db, filter.actor);
    conditions.push({ column: 'actor_id', sql: `+a.actor_id IN (${ids.map(() => '?').join(', ')})`, args: ids, values: async () => ids });
  }
  const action = filter.action;
  if (action) {
    // substr, not LIKE: action names contain underscores, which LIKE reads as wildcards.
    conditions.push({ column: 'action', sql: 'substr(a.action, 1, ?) = ?', args: [action.length, action], values: () => actionsStartingWith(db, action) });
  }
  if (filter.entityType) conditions.push(one('entity_type', filter.entityType));
  const [driver, ...rest] = conditions;
  const where = rest.map((c) => c.sql);
  const args = rest.flatMap((c) => c.args);
  if (filter.fromAt) {
    where.push('a.at >= ?');
    args.push(filter.fromAt);
  }
  if (filter.toAt) {
    where.push('a.at < ?');
    args.push(filter.toAt);
  }
  const drivers = driver ? (await driver.values()).map((value) => ({ column: driver.column, value })) : [null];
  return { drivers, where, args };
}

const LIST_COLUMNS = COLUMNS.split(', ')
  .map((c) => `a.${c}`)
  .join(', ');

export interface AuditListed {
  readonly entry: AuditListEntry;
  readonly position: AuditPosition;
}

/**
 * One page of the audit list, oldest first (by time, then by the chain's order), after `after` (the last entry of
 * the page before), with the filters; each entry with the staff actor's name and role. A page reads at most
 * `limit` rows of each driving range (see auditQuery) and merges them, so it costs the same at any depth.
 */
export async function listAuditPage(db: Executor, filter: AuditFilter, after: AuditPosition | null, limit: number): Promise<AuditListed[]> {
  const query = await auditQuery(db, filter);
  const pages: Row[][] = [];
  for (const driver of query.drivers) {
    const where = [...(driver ? [`a.${driver.column} = ?`] : []), ...query.where, ...(after ? ['(a.at, a.seq) > (?, ?)'] : [])];
    const result = await db.execute({
      sql: `SELECT ${LIST_COLUMNS}, s.display_name AS actor_name, s.role AS actor_role
            FROM audit_log AS a LEFT JOIN staff AS s ON a.actor_kind = 'staff' AND s.id = a.actor_id
            ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.at, a.seq LIMIT ?`,
      args: [...(driver ? [driver.value] : []), ...query.args, ...(after ? [after.at, after.seq] : []), limit],
    });
    pages.push(result.rows);
  }
  const rows = pages.flat();
  if (pages.length > 1) rows.sort((x, y) => (str(x, 'at') < str(y, 'at') ? -1 : str(x, 'at') > str(y, 'at') ? 1 : num(x, 'seq') - num(y, 'seq')));
  return rows.slice(0, limit).map((row) => {
    const entry = { ...toRecord(row), actorName: strOrNull(row, 'actor_name'), actorRole: strOrNull(row, 'actor_role') };
    return { entry, position: { at: entry.at, seq: entry.seq } };
  });
}

/**
 * How many entries the filters select: each driving range counted on its index, the other filters on its rows;
 * the whole log from its counter (migration 0018).
 */
export async function countAudit(db: Executor, filter: AuditFilter): Promise<number> {
  const query = await auditQuery(db, filter);
  if (query.drivers.length === 1 && query.drivers[0] === null && query.where.length === 0) {
    const counted = await db.execute('SELECT n FROM audit_log_count');
    return Number(counted.rows[0]?.n ?? 0);
  }
  let total = 0;
  for (const driver of query.drivers) {
    const where = [...(driver ? [`a.${driver.column} = ?`] : []), ...query.where];
    const result = await db.execute({
      sql: `SELECT COUNT(*) AS n FROM audit_log AS a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      args: [...(driver ? [driver.value] : []), ...query.args],
    });
    total += Number(result.rows[0]?.n ?? 0);
  }
  return total;
}

/** The first entries the filters select, oldest first (for tests and tools; lists page with listAuditPage). */
export async function listAudit(db: Executor, filter: AuditFilter & { readonly limit?: number | undefined }): Promise<AuditListEntry[]> {
  return (await listAuditPage(db, filter, null, filter.limit ?? 200)).map((r) => r.entry);
}

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
