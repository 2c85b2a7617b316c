import type { Row } from '@libsql/client';
import type { AuditRecord } from './audit.ts';
import type { Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';

/**
 * The audit list (issue 11): filtered pages of the log, oldest first, by keyset on indexes of migration 0018.
 * The chain itself (writing, verifying) is audit.ts.
 */

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

/**
 * The list's filters, each optional: `entityType` and `entityId`; `action`, an action or the start of one (`case.`
 * for every move of a case); `actor`, a staff username, id, or part of a display name; `fromAt` and `toAt`,
 * instants (ISO), from included, to excluded.
 */
export type AuditFilter = Readonly<Partial<Record<'entityType' | 'entityId' | 'action' | 'actor' | 'fromAt' | 'toAt', string | undefined>>>;

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
  const dates = [
    ['a.at >= ?', filter.fromAt],
    ['a.at < ?', filter.toAt],
  ] as const;
  for (const [sql, value] of dates) {
    if (!value) continue;
    where.push(sql);
    args.push(value);
  }
  const drivers = driver ? (await driver.values()).map((value) => ({ column: driver.column, value })) : [null];
  return { drivers, where, args };
}

/** The entry's columns (the chain's own, hash_alg and key_id aside), as the list reads them. */
const LIST_COLUMNS = 'a.seq, a.at, a.actor_kind, a.actor_id, a.action, a.entity_type, a.entity_id, a.before_json, a.after_json, a.reason, a.prev_hash, a.hash';

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
  // The first page starts after a place before every entry: each page is then the same range read of its index.
  const from = after ?? { at: '', seq: 0 };
  const pages: Row[][] = [];
  for (const driver of query.drivers) {
    const where = [...(driver ? [`a.${driver.column} = ?`] : []), ...query.where, '(a.at, a.seq) > (?, ?)'];
    const result = await db.execute({
      sql: `SELECT ${LIST_COLUMNS}, s.display_name AS actor_name, s.role AS actor_role
            FROM audit_log AS a LEFT JOIN staff AS s ON a.actor_kind = 'staff' AND s.id = a.actor_id
            WHERE ${where.join(' AND ')} ORDER BY a.at, a.seq LIMIT ?`,
      args: [...(driver ? [driver.value] : []), ...query.args, from.at, from.seq, limit],
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
