import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  PUBLISHED_YEAR_SCHEDULES,
  buildCalendar,
  caseQueueKey,
  type CaseQueueKey,
  type CaseRecord,
  type CaseStage,
  type CaseStatus,
  type Extension,
  type Pause,
  type WorkingCalendar,
  type YearSchedule,
} from '@pakn/domain';
import { refreshAnswerFacts } from './answer-facts.ts';
import type { Db, Executor } from './connection.ts';
import { listUnitOfficeHours, listYearSchedules } from './calendar.ts';
import { CASE_COLUMNS, toCase } from './case-rows.ts';
import { num, str } from './rows.ts';

/**
 * The list key of each case (migration 0014, caseQueueKey in the domain) and the lists that page through it:
 * `WHERE (queue_rank, queue_at, id) > (?, ?, ?) ORDER BY queue_rank, queue_at, id LIMIT ?` on an index that
 * matches, so a page costs the same at any depth and no list is capped.
 */

export interface WorkingCalendars {
  readonly centre: WorkingCalendar;
  readonly units: ReadonlyMap<string, WorkingCalendar>;
  readonly schedules: readonly YearSchedule[];
}

/** The calendars in force: the Centre's, and each unit's with its own office hours (saved schedules win). */
export async function loadWorkingCalendars(db: Executor): Promise<WorkingCalendars> {
  const saved = await listYearSchedules(db);
  const savedYears = new Set(saved.map((s) => s.year));
  const schedules = [...PUBLISHED_YEAR_SCHEDULES.filter((s) => !savedYears.has(s.year)), ...saved];
  const units = new Map<string, WorkingCalendar>();
  for (const [unitId, officeHours] of await listUnitOfficeHours(db)) units.set(unitId, buildCalendar({ officeHours, schedules }));
  return { centre: buildCalendar({ schedules }), units, schedules };
}

/** Whose calendar counts a stage: the unit's for its answer, the Centre's before. */
export function stageCalendar(calendars: WorkingCalendars): (stage: CaseStage, unitId: string | null) => WorkingCalendar {
  return (stage, unitId) => (stage === 'answer' && unitId ? calendars.units.get(unitId) : undefined) ?? calendars.centre;
}

const KEY_COLUMNS = 'id, status, created_at, forwarded_at, pauses, extension_status, extension_days, unit_id, queue_rank, queue_at';

function keyOfRow(row: Record<string, unknown>, calendarOf: ReturnType<typeof stageCalendar>): CaseQueueKey {
  const extension = row.extension_status ? { status: row.extension_status as Extension['status'], days: Number(row.extension_days), reason: '' } : null;
  return caseQueueKey(
    {
      status: row.status as CaseStatus,
      createdAt: String(row.created_at),
      forwardedAt: typeof row.forwarded_at === 'string' ? row.forwarded_at : null,
      pauses: JSON.parse(String(row.pauses)) as Pause[],
      extension,
      unitId: typeof row.unit_id === 'string' ? row.unit_id : null,
    },
    calendarOf,
  );
}

/**
 * The list key of a case just received (insertCase): computed before its INSERT, so that storing a new case
 * costs no read-back and no UPDATE (issue 11). The same computation `refreshCaseQueue` makes of the stored row.
 */
export function newCaseQueueKey(calendars: WorkingCalendars, createdAt: string): CaseQueueKey {
  return caseQueueKey({ status: 'received', createdAt, forwardedAt: null, pauses: [], extension: null, unitId: null }, stageCalendar(calendars));
}

/**
 * Recomputes the list key of these cases and stores the ones that changed. Every write that changes what the
 * deadline depends on (status, receipt, forwarding, pauses, extension, handling unit) calls it in its transaction.
 */
export async function refreshCaseQueue(tx: Executor, calendars: WorkingCalendars, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const calendarOf = stageCalendar(calendars);
  const rows = await tx.execute({ sql: `SELECT ${KEY_COLUMNS} FROM cases WHERE id IN (${ids.map(() => '?').join(', ')})`, args: [...ids] });
  let changed = 0;
  for (const row of rows.rows) {
    const key = keyOfRow(row, calendarOf);
    if (row.queue_rank !== null && Number(row.queue_rank) === key.rank && row.queue_at === key.at) continue;
    await tx.execute({ sql: 'UPDATE cases SET queue_rank = ?, queue_at = ? WHERE id = ?', args: [key.rank, key.at, str(row, 'id')] });
    changed += 1;
  }
  // The evaluation's stored answer timings depend on the same fields (issue 11, migration 0017).
  await refreshAnswerFacts(tx, calendars, ids);
  return changed;
}

/**
 * Recomputes the keys of the open cases (`all`: after the working calendar changed) or of those never computed
 * (`missing`: after migration 0014, or rows written by bulk tools), in batches. Closed cases' keys do not depend
 * on the calendar. Returns how many keys changed.
 */
export async function recountCaseQueues(db: Db, calendars: WorkingCalendars, which: 'all' | 'missing', batchSize = 500): Promise<number> {
  const found = await db.execute(
    which === 'missing'
      ? 'SELECT id FROM cases WHERE queue_rank IS NULL'
      : `SELECT id FROM cases WHERE queue_rank IS NULL UNION ALL SELECT id FROM cases WHERE queue_rank < ${QUEUE_CLOSED}`,
  );
  const ids = found.rows.map((r) => str(r, 'id'));
  let changed = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    changed += await db.write((tx) => refreshCaseQueue(tx, calendars, batch));
  }
  return changed;
}

/** The rank of closed cases (QueueRank.closed): every rank below it is an open case. */
const QUEUE_CLOSED = 4;

/** A place in a list: the key of the last row shown. */
export interface QueuePosition {
  readonly rank: number;
  readonly at: string;
  readonly id: string;
}

export interface CaseQueueFilter {
  /** Only cases handled by this unit. */
  readonly unitId?: string | undefined;
  /** One status; or `open` (every open status), or none for all. */
  readonly status?: CaseStatus | 'open' | undefined;
  /** Only cases assigned to this staff member. */
  readonly assignedTo?: string | undefined;
  /** Only keys at or after this position, and before `until` (the follow-up's bands). */
  readonly from?: QueuePosition | undefined;
  readonly until?: QueuePosition | undefined;
  /** Only the cases a dashboard figure counts (issue 12). */
  readonly figure?: FigureFilter | undefined;
}

/**
 * The cases behind a dashboard figure, as migration 0023 counts them: received on Vietnamese calendar days
 * `from`–`to`, not merged into another, and of a channel, a category ('' for none yet), a scope, a group of units.
 */
export interface FigureFilter {
  readonly from: string;
  readonly to: string;
  readonly channel?: string | undefined;
  readonly category?: string | undefined;
  readonly scope?: 'in' | 'out' | 'pending' | undefined;
  readonly unitId?: string | undefined;
  readonly unitKinds?: readonly string[] | undefined;
}

/** The instant a Vietnamese calendar day starts (UTC+7, no daylight saving). */
const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+07:00`)).toISOString();

function figureWhere(f: FigureFilter, where: string[], args: (string | number)[]): void {
  const next = new Date(Date.parse(`${f.to}T00:00:00+07:00`) + 86_400_000).toISOString();
  where.push('created_at >= ?', 'created_at < ?', 'merged_into IS NULL');
  args.push(dayStart(f.from), next);
  if (f.channel !== undefined) {
    where.push('channel = ?');
    args.push(f.channel);
  }
  if (f.category === '') where.push('category IS NULL');
  else if (f.category !== undefined) {
    where.push('category = ?');
    args.push(f.category);
  }
  if (f.scope === 'out') where.push('out_of_scope_class IS NOT NULL');
  else if (f.scope === 'in') where.push('out_of_scope_class IS NULL AND category IS NOT NULL');
  else if (f.scope === 'pending') where.push('out_of_scope_class IS NULL AND category IS NULL');
  if (f.unitId !== undefined) {
    where.push('unit_id = ?');
    args.push(f.unitId);
  }
  if (f.unitKinds) {
    where.push(`unit_id IN (SELECT id FROM units WHERE kind IN (${f.unitKinds.map(() => '?').join(', ')}))`);
    args.push(...f.unitKinds);
  }
}

/** The columns a list row shows: the description cut to a summary (the case page reads the whole text). */
const SUMMARY_CHARS = 200;
const ROW_COLUMNS = CASE_COLUMNS.replace(/\bdescription\b/, `substr(description, 1, ${SUMMARY_CHARS}) AS description`);

function queueWhere(filter: CaseQueueFilter, after: QueuePosition | null): { where: string[]; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.unitId !== undefined) {
    where.push('unit_id = ?');
    args.push(filter.unitId);
  }
  if (filter.status === 'open') where.push(`queue_rank < ${QUEUE_CLOSED}`);
  else if (filter.status !== undefined) {
    where.push('status = ?');
    args.push(filter.status);
  }
  if (filter.figure) figureWhere(filter.figure, where, args);
  if (filter.assignedTo !== undefined) {
    where.push('assigned_to = ?');
    args.push(filter.assignedTo);
  }
  for (const [op, position] of [
    ['>=', filter.from],
    ['<', filter.until],
    ['>', after],
  ] as const) {
    if (!position) continue;
    where.push(`(queue_rank, queue_at, id) ${op} (?, ?, ?)`);
    args.push(position.rank, position.at, position.id);
  }
  return { where, args };
}

export interface QueuedCase {
  readonly record: CaseRecord;
  readonly position: QueuePosition;
}

/**
 * One page of a list, most urgent first, after `after` (the last row of the previous page). `columns: 'row'`
 * reads what a list row shows (a summary of the description); `full` reads whole cases (the CSV export).
 */
export async function listCaseQueue(
  db: Executor,
  filter: CaseQueueFilter,
  after: QueuePosition | null,
  limit: number,
  columns: 'row' | 'full' = 'row',
): Promise<QueuedCase[]> {
  const { where, args } = queueWhere(filter, after);
  const result = await db.execute({
    sql: `SELECT ${columns === 'row' ? ROW_COLUMNS : CASE_COLUMNS}, queue_rank, queue_at FROM cases
          WHERE queue_rank IS NOT NULL ${where.map((w) => `AND ${w}`).join(' ')}
          ORDER BY queue_rank, queue_at, id LIMIT ?`,
    args: [...args, limit],
  });
  return result.rows.map((row) => ({ record: toCase(row), position: { rank: num(row, 'queue_rank'), at: str(row, 'queue_at'), id: str(row, 'id') } }));
}

/**
 * How many cases a list holds: from the per-unit, per-status counters (migration 0014) when the list is a set
 * of statuses, from an index range otherwise (an assignee's cases, a band of the follow-up). Never a count over the whole table.
 */
export async function countCaseQueue(db: Executor, filter: CaseQueueFilter): Promise<number> {
  if (filter.assignedTo !== undefined || filter.from || filter.until || filter.figure) {
    const { where, args } = queueWhere(filter, null);
    const result = await db.execute({ sql: `SELECT COUNT(*) AS n FROM cases WHERE queue_rank IS NOT NULL ${where.map((w) => `AND ${w}`).join(' ')}`, args });
    return Number(result.rows[0]?.n ?? 0);
  }
  const statuses: readonly CaseStatus[] =
    filter.status === 'open' ? OPEN_STATUSES : filter.status === undefined ? [...OPEN_STATUSES, ...CLOSED_STATUSES] : [filter.status];
  const args: string[] = [...statuses];
  let unit = '';
  if (filter.unitId !== undefined) {
    unit = 'AND unit_id = ?';
    args.push(filter.unitId);
  }
  const result = await db.execute({
    sql: `SELECT IFNULL(SUM(n), 0) AS n FROM case_counts WHERE status IN (${statuses.map(() => '?').join(', ')}) ${unit}`,
    args,
  });
  return Number(result.rows[0]?.n ?? 0);
}
