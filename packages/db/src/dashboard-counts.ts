import { QueueRank } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { NANODAYS_PER_DAY } from './answer-facts.ts';
import { periodParts } from './evaluation.ts';
import {
  DASHBOARD_COUNTS_FILL,
  DASHBOARD_CONTACTS_RECOUNT,
  DASHBOARD_DAY_COUNTS_RECOUNT,
  DASHBOARD_DIMENSIONS,
  DASHBOARD_MONTH_COUNTS_RECOUNT,
  dashboardContactCounts,
  type DashboardDimension,
} from './migrations/0023-dashboard-counts.ts';
import { num, str } from './rows.ts';

export { DASHBOARD_DIMENSIONS, type DashboardDimension };

/** The dashboard's counts kept by triggers (migration 0023); a bulk loader without them fills the tables with these. */
export const DASHBOARD_COUNTS_FILL_STATEMENTS: readonly string[] = DASHBOARD_COUNTS_FILL;

/** Whom a dashboard is drawn for: the whole city, a group of units (by kind), or one unit. */
export type DashboardHolder =
  { readonly kind: 'city' } | { readonly kind: 'group'; readonly group: UnitGroup } | { readonly kind: 'unit'; readonly unitId: string };
export const UNIT_GROUPS = ['wards', 'branches', 'departments'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

const GROUP_KINDS: Record<UnitGroup, readonly string[]> = { wards: ['ward', 'commune'], branches: ['branch'], departments: ['department'] };

function holderKey(holder: DashboardHolder): string {
  if (holder.kind === 'city') return '*';
  return holder.kind === 'group' ? `g:${holder.group}` : `u:${holder.unitId}`;
}

/** The units of a holder as SQL over `unit_id` (the evaluation's sums are per unit). */
function unitFilter(holder: DashboardHolder): { sql: string; args: string[] } {
  if (holder.kind === 'city') return { sql: '1', args: [] };
  if (holder.kind === 'unit') return { sql: 'unit_id = ?', args: [holder.unitId] };
  const kinds = GROUP_KINDS[holder.group];
  return { sql: `unit_id IN (SELECT id FROM units WHERE kind IN (${kinds.map(() => '?').join(', ')}))`, args: [...kinds] };
}

export interface DashboardCounts {
  /** Cases received each day, per channel (days with none left out). */
  readonly days: readonly { readonly day: string; readonly channel: string; readonly cases: number }[];
  /** Totals over the period per dimension and value. */
  readonly totals: Readonly<Record<DashboardDimension, Readonly<Record<string, number>>>>;
  /** Distinct contacts (phone, else e-mail) per channel over the period. */
  readonly contacts: Readonly<Record<string, number>>;
  /** The answering stage: verified answers, on time, timed, working days summed (unit_day_facts, migration 0019). */
  readonly answers: { readonly count: number; readonly onTime: number; readonly timed: number; readonly days: number };
  readonly ratings: { readonly count: number; readonly sum: number };
  readonly reprimands: number;
  readonly commendations: number;
}

type Read = { sql: string; args: (string | number)[] };

/** The reads of a period split into whole months and days (see periodParts), for a table pair. */
function monthsAndDays(from: string, to: string, monthSql: (where: string) => string, daySql: (where: string) => string, args: string[]): Read[] {
  const parts = periodParts(from, to);
  return [
    ...(parts.months ? [{ sql: monthSql('month >= ? AND month <= ?'), args: [...args, ...parts.months] }] : []),
    ...parts.days.map((range) => ({ sql: daySql('day >= ? AND day <= ?'), args: [...args, ...range] })),
  ];
}

function emptyTotals(): Record<DashboardDimension, Record<string, number>> {
  return Object.fromEntries(DASHBOARD_DIMENSIONS.map((d) => [d, Object.create(null) as Record<string, number>])) as Record<
    DashboardDimension,
    Record<string, number>
  >;
}

/**
 * The dashboard's counts for a holder over Vietnamese calendar days `from`–`to` (both included), all from rows kept
 * on write: the cases received (migration 0023) and the evaluation's sums (migration 0019). No case is read.
 */
export async function dashboardCounts(db: Executor, holder: DashboardHolder, from: string, to: string): Promise<DashboardCounts> {
  const key = holderKey(holder);
  const days = await db.execute({
    sql: `SELECT day, value, cases FROM dashboard_day_counts WHERE holder = ? AND dim = 'channel' AND day >= ? AND day <= ? ORDER BY day, value`,
    args: [key, from, to],
  });
  const totals = emptyTotals();
  const totalReads = monthsAndDays(
    from,
    to,
    (w) =>
      `SELECT dim, value, SUM(cases) AS n FROM dashboard_month_counts WHERE holder = ? AND dim IN ('category', 'scope', 'wh', 'unit', 'channel') AND ${w} GROUP BY dim, value`,
    (w) =>
      `SELECT dim, value, SUM(cases) AS n FROM dashboard_day_counts WHERE holder = ? AND dim IN ('category', 'scope', 'wh', 'unit', 'channel') AND ${w} GROUP BY dim, value`,
    [key],
  );
  for (const read of totalReads) {
    for (const row of (await db.execute(read)).rows) {
      const byValue = totals[str(row, 'dim') as DashboardDimension];
      byValue[str(row, 'value')] = (byValue[str(row, 'value')] ?? 0) + num(row, 'n');
    }
  }
  const contacts = await distinctContacts(db, key, from, to);
  return {
    days: days.rows.map((row) => ({ day: str(row, 'day'), channel: str(row, 'value'), cases: num(row, 'cases') })),
    totals,
    contacts,
    ...(await unitSums(db, holder, from, to)),
  };
}

/** The key of the calendar period `from`–`to` is, if it is one whose distinct contacts are kept (migration 0023). */
export function keptPeriodKey(from: string, to: string): string | null {
  if (from === to) return from;
  if (!from.endsWith('-01') || from.slice(0, 4) !== to.slice(0, 4)) return null;
  const { months, days } = periodParts(from, to);
  if (!months || days.length > 0) return null;
  const first = Number(from.slice(5, 7));
  const count = Number(to.slice(5, 7)) - first + 1;
  const year = from.slice(0, 4);
  if (count === 1) return from.slice(0, 7);
  if (count === 12) return year;
  return null;
}

/**
 * Distinct contacts per channel: a day, month or calendar year is read from its kept count (a few rows);
 * any other range counts the distinct contacts of the months and days it covers.
 */
async function distinctContacts(db: Executor, key: string, from: string, to: string): Promise<Record<string, number>> {
  const contacts = Object.create(null) as Record<string, number>;
  const period = keptPeriodKey(from, to);
  if (period) {
    const kept = await db.execute({ sql: 'SELECT channel, contacts FROM dashboard_contact_counts WHERE holder = ? AND period = ?', args: [key, period] });
    for (const row of kept.rows) contacts[str(row, 'channel')] = num(row, 'contacts');
    return contacts;
  }
  const parts = periodParts(from, to);
  const ranges: [string, string][] = [...(parts.months ? [parts.months] : []), ...parts.days];
  const union = ranges.map(() => 'SELECT channel, contact FROM dashboard_contacts WHERE holder = ? AND period >= ? AND period <= ? AND length(period) = ?');
  const distinct = await db.execute({
    sql: `SELECT channel, COUNT(DISTINCT contact) AS n FROM (${union.join(' UNION ALL ')}) GROUP BY channel`,
    args: ranges.flatMap(([a, b]) => [key, a, b, a.length]),
  });
  for (const row of distinct.rows) contacts[str(row, 'channel')] = num(row, 'n');
  return contacts;
}

/** The answers, ratings and records of the holder's units over the period (the evaluation's sums). */
async function unitSums(db: Executor, holder: DashboardHolder, from: string, to: string) {
  const units = unitFilter(holder);
  // TOTAL, not SUM: a holder without rows sums to 0, not NULL.
  const sums = `TOTAL(answers) AS answers, TOTAL(answers_on_time) AS on_time, TOTAL(answers_timed) AS timed, TOTAL(answer_nanodays) AS nanodays,
    TOTAL(ratings) AS ratings, TOTAL(rating_sum) AS rating_sum, TOTAL(reprimands) AS reprimands, TOTAL(commendations) AS commendations`;
  const reads = monthsAndDays(
    from,
    to,
    (w) => `SELECT ${sums} FROM unit_month_facts WHERE ${units.sql} AND ${w}`,
    (w) => `SELECT ${sums} FROM unit_day_facts WHERE ${units.sql} AND ${w}`,
    units.args,
  );
  const t: Record<string, number> = { answers: 0, on_time: 0, timed: 0, nanodays: 0, ratings: 0, rating_sum: 0, reprimands: 0, commendations: 0 };
  for (const read of reads) {
    const row = (await db.execute(read)).rows[0];
    if (row) for (const c of Object.keys(t)) t[c] = (t[c] ?? 0) + num(row, c);
  }
  const at = (c: string) => t[c] ?? 0;
  return {
    answers: { count: at('answers'), onTime: at('on_time'), timed: at('timed'), days: at('nanodays') / NANODAYS_PER_DAY },
    ratings: { count: at('ratings'), sum: at('rating_sum') },
    reprimands: at('reprimands'),
    commendations: at('commendations'),
  };
}

/** The statuses whose clock is the unit's answer (currentStage in the domain). */
const ANSWERING = `('forwarded', 'in_progress', 'info_requested')`;

/** The holder's cases overdue at `nowAt`, from their list keys (a running answer deadline already past). */
export async function dashboardOverdue(db: Executor, holder: DashboardHolder, nowAt: string): Promise<number> {
  const units = unitFilter(holder);
  const result = await db.execute({
    sql: `SELECT COUNT(*) AS n FROM cases WHERE status IN ${ANSWERING} AND queue_rank = ${QueueRank.running} AND queue_at < ? AND unit_id IS NOT NULL AND ${units.sql}`,
    args: [nowAt, ...units.args],
  });
  const row = result.rows[0];
  return row ? num(row, 'n') : 0;
}

async function rowsAsJson(db: Executor, sql: string): Promise<string[]> {
  const result = await db.execute(sql);
  return result.rows.map((row) => JSON.stringify(result.columns.map((c) => row[c])));
}

/** The stored dashboard counts next to a full recount from the cases: equal unless a write was missed. */
export async function compareDashboardCounts(db: Executor): Promise<{ stored: string[]; recounted: string[] }> {
  const tables: [string, string, string, string][] = [
    ['dashboard_day_counts', DASHBOARD_DAY_COUNTS_RECOUNT, 'holder, dim, day, value', 'cases'],
    ['dashboard_month_counts', DASHBOARD_MONTH_COUNTS_RECOUNT, 'holder, dim, month, value', 'cases'],
    ['dashboard_contacts', DASHBOARD_CONTACTS_RECOUNT, 'holder, channel, period, contact', 'cases'],
    ['dashboard_contact_counts', dashboardContactCounts(DASHBOARD_CONTACTS_RECOUNT), 'holder, channel, period', 'contacts'],
  ];
  const stored: string[] = [];
  const recounted: string[] = [];
  for (const [table, recount, order, count] of tables) {
    stored.push(...(await rowsAsJson(db, `SELECT '${table}', ${order}, ${count} FROM ${table} ORDER BY ${order}`)));
    recounted.push(...(await rowsAsJson(db, `SELECT '${table}', ${order}, ${count} FROM (${recount}) ORDER BY ${order}`)));
  }
  return { stored, recounted };
}
