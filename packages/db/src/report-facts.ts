import type { IntakeCount } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { periodParts } from './evaluation.ts';
import { CASE_DAY_FACTS_FILL, CASE_DAY_FACTS_RECOUNT, caseMonthFacts } from './migrations/0022-report-facts.ts';
import { num, str } from './rows.ts';

/**
 * The counts of received cases by day and month, channel, category and scope (migration 0022), kept by triggers. A bulk
 * loader that writes without them (bench/generate) fills the table at the end with these statements.
 */
export const CASE_DAY_FACTS_FILL_STATEMENTS: readonly string[] = CASE_DAY_FACTS_FILL;

/**
 * The cases received over Vietnamese calendar days `from`-`to` (both included), by channel, category and scope:
 * the whole months from the monthly rows, the days around them from the daily ones (as the evaluation reads).
 */
export async function intakeCounts(db: Executor, from: string, to: string): Promise<IntakeCount[]> {
  const parts = periodParts(from, to);
  const group = 'GROUP BY channel, category, scope';
  const reads = [
    ...(parts.months
      ? [{ sql: `SELECT channel, category, scope, SUM(cases) AS cases FROM case_month_facts WHERE month >= ? AND month <= ? ${group}`, args: parts.months }]
      : []),
    ...parts.days.map((range) => ({
      sql: `SELECT channel, category, scope, SUM(cases) AS cases FROM case_day_facts WHERE day >= ? AND day <= ? ${group}`,
      args: range,
    })),
  ];
  const sums = new Map<string, IntakeCount>();
  for (const read of reads) {
    for (const row of (await db.execute(read)).rows) {
      const key = JSON.stringify([str(row, 'channel'), str(row, 'category'), str(row, 'scope')]);
      const before = sums.get(key)?.cases ?? 0;
      sums.set(key, { channel: str(row, 'channel'), category: str(row, 'category'), scope: str(row, 'scope'), cases: before + num(row, 'cases') });
    }
  }
  return [...sums.values()].filter((c) => c.cases !== 0);
}

/** The stored counts by day and month (zero rows left out) next to a full recount from the cases: equal unless a write was missed. */
export async function compareCaseDayFacts(db: Executor): Promise<{ stored: string[]; recounted: string[] }> {
  const asJson = async (sql: string) => {
    const result = await db.execute(sql);
    return result.rows.map((row) => JSON.stringify(result.columns.map((c) => row[c])));
  };
  const order = 'ORDER BY day, channel, category, scope';
  const byMonth = 'ORDER BY month, channel, category, scope';
  return {
    stored: [
      ...(await asJson(`SELECT day, channel, category, scope, cases FROM case_day_facts WHERE cases != 0 ${order}`)),
      ...(await asJson(`SELECT month, channel, category, scope, cases FROM case_month_facts WHERE cases != 0 ${byMonth}`)),
    ],
    recounted: [
      ...(await asJson(`SELECT * FROM (${CASE_DAY_FACTS_RECOUNT}) ${order}`)),
      ...(await asJson(`SELECT * FROM (${caseMonthFacts(CASE_DAY_FACTS_RECOUNT)}) ${byMonth}`)),
    ],
  };
}

/** The admin's settings, by key; each value is JSON. */
export type SettingKey = 'report_cut_off_day';

export async function getSetting(db: Executor, key: SettingKey): Promise<unknown> {
  const result = await db.execute({ sql: 'SELECT value FROM settings WHERE key = ?', args: [key] });
  const row = result.rows[0];
  return row ? (JSON.parse(str(row, 'value')) as unknown) : undefined;
}

export async function saveSetting(tx: Executor, key: SettingKey, value: unknown, staffId: string, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    args: [key, JSON.stringify(value), now.toISOString(), staffId],
  });
}

/** The name a report's signature block carries: the active Director's (the first by name, should there be two). */
export async function directorName(db: Executor): Promise<string | null> {
  const result = await db.execute("SELECT display_name FROM staff WHERE role = 'director' AND active = 1 ORDER BY display_name LIMIT 1");
  const row = result.rows[0];
  return row ? str(row, 'display_name') : null;
}
