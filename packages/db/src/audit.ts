import { createHash } from 'node:crypto';
import type { Executor } from './connection.ts';
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

function rowHash(prevHash: string, at: string, e: AuditEntry, beforeJson: string | null, afterJson: string | null): string {
  // A fixed field order: the hash must not depend on how an object happened to be built.
  const canonical = JSON.stringify([
    prevHash,
    at,
    e.actorKind,
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    beforeJson,
    afterJson,
    e.reason ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends to the chain. Call inside the write transaction of the action it records. */
export async function appendAudit(tx: Executor, entry: AuditEntry, now: Date): Promise<string> {
  const last = await tx.execute('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const prevHash = last.rows[0] ? str(last.rows[0], 'hash') : GENESIS_HASH;
  const at = now.toISOString();
  const beforeJson = entry.before === undefined ? null : JSON.stringify(entry.before);
  const afterJson = entry.after === undefined ? null : JSON.stringify(entry.after);
  const hash = rowHash(prevHash, at, entry, beforeJson, afterJson);
  await tx.execute({
    sql: `INSERT INTO audit_log (at, actor_kind, actor_id, action, entity_type, entity_id, before_json, after_json, reason, prev_hash, hash)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [at, entry.actorKind, entry.actorId, entry.action, entry.entityType, entry.entityId, beforeJson, afterJson, entry.reason ?? null, prevHash, hash],
  });
  return hash;
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
  readonly afterSeq?: number | undefined;
  readonly limit?: number | undefined;
}

export async function listAudit(db: Executor, filter: AuditFilter): Promise<AuditListEntry[]> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.entityType) {
    where.push('a.entity_type = ?');
    args.push(filter.entityType);
  }
  if (filter.entityId) {
    where.push('a.entity_id = ?');
    args.push(filter.entityId);
  }
  if (filter.action) {
    // substr, not LIKE: action names contain underscores, which LIKE reads as wildcards.
    where.push('substr(a.action, 1, ?) = ?');
    args.push(filter.action.length, filter.action);
  }
  if (filter.actor) {
    where.push(`(a.actor_id = ? OR s.username = ? OR instr(lower(s.display_name), lower(?)) > 0)`);
    args.push(filter.actor, filter.actor, filter.actor);
  }
  if (filter.fromAt) {
    where.push('a.at >= ?');
    args.push(filter.fromAt);
  }
  if (filter.toAt) {
    where.push('a.at < ?');
    args.push(filter.toAt);
  }
  if (filter.afterSeq !== undefined) {
    where.push('a.seq > ?');
    args.push(filter.afterSeq);
  }
  args.push(Math.min(filter.limit ?? 200, 1000));
  const columns = COLUMNS.split(', ').map((c) => `a.${c}`).join(', ');
  const result = await db.execute({
    sql: `SELECT ${columns}, s.display_name AS actor_name, s.role AS actor_role
          FROM audit_log AS a LEFT JOIN staff AS s ON a.actor_kind = 'staff' AND s.id = a.actor_id
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq LIMIT ?`,
    args,
  });
  return result.rows.map((row) => ({
    ...toRecord(row as unknown as Record<string, unknown>),
    actorName: strOrNull(row, 'actor_name'),
    actorRole: strOrNull(row, 'actor_role'),
  }));
}

/**
 * Recomputes the chain from the start. Any edited, inserted or removed row shows as the first sequence
 * number whose stored hash does not match.
 */
export async function verifyAuditChain(db: Executor): Promise<{ ok: boolean; checked: number; brokenAtSeq: number | null }> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterSeq = 0;
  for (;;) {
    // The stored JSON text is hashed as it is, never re-serialised.
    const page = await db.execute({ sql: `SELECT ${COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000`, args: [afterSeq] });
    if (page.rows.length === 0) return { ok: true, checked, brokenAtSeq: null };
    for (const row of page.rows) {
      const seq = num(row, 'seq');
      const entry: AuditEntry = {
        actorKind: str(row, 'actor_kind') as AuditEntry['actorKind'],
        actorId: strOrNull(row, 'actor_id'),
        action: str(row, 'action'),
        entityType: str(row, 'entity_type'),
        entityId: strOrNull(row, 'entity_id'),
        reason: strOrNull(row, 'reason'),
      };
      const expected = rowHash(prevHash, str(row, 'at'), entry, strOrNull(row, 'before_json'), strOrNull(row, 'after_json'));
      if (str(row, 'prev_hash') !== prevHash || str(row, 'hash') !== expected) return { ok: false, checked, brokenAtSeq: seq };
      prevHash = expected;
      checked++;
      afterSeq = seq;
    }
  }
}
