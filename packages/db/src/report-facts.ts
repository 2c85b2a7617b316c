import type { IntakeCount } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { CASE_DAY_FACTS_FILL, CASE_DAY_FACTS_RECOUNT } from './migrations/0022-report-facts.ts';
import { num, str } from './rows.ts';

/**
 * The counts of received cases by day, channel, category and scope (migration 0022), kept by triggers. A bulk
 * loader that writes without them (bench/generate) fills the table at the end with these statements.
 */
export const CASE_DAY_FACTS_FILL_STATEMENTS: readonly string[] = CASE_DAY_FACTS_FILL;

/** The cases received over Vietnamese calendar days `from`–`to` (both included), by channel, category and scope. */
export async function intakeCounts(db: Executor, from: string, to: string): Promise<IntakeCount[]> {
  const result = await db.execute({
    sql: `SELECT channel, category, scope, SUM(cases) AS cases FROM case_day_facts WHERE day >= ? AND day <= ?
          GROUP BY channel, category, scope HAVING SUM(cases) != 0`,
    args: [from, to],
  });
  return result.rows.map((row) => ({ channel: str(row, 'channel'), category: str(row, 'category'), scope: str(row, 'scope'), cases: num(row, 'cases') }));
}

/** The stored counts (zero rows left out) next to a full recount from the cases: equal unless a write was missed. */
export async function compareCaseDayFacts(db: Executor): Promise<{ stored: string[]; recounted: string[] }> {
  const asJson = async (sql: string) => {
    const result = await db.execute(sql);
    return result.rows.map((row) => JSON.stringify(result.columns.map((c) => row[c])));
  };
  const order = 'ORDER BY day, channel, category, scope';
  return {
    stored: await asJson(`SELECT day, channel, category, scope, cases FROM case_day_facts WHERE cases != 0 ${order}`),
    recounted: await asJson(`SELECT * FROM (${CASE_DAY_FACTS_RECOUNT}) ${order}`),
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
