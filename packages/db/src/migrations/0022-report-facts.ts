import type { Migration } from './migration.ts';

/**
 * Issue 12: the period reports count the cases received by channel, category and scope, which the per-unit sums
 * (migration 0019) do not hold. `case_day_facts` keeps, per Vietnamese calendar day of receipt (UTC+7), channel,
 * category (the Centre's, else the citizen's; '' for none) and scope, how many cases there are, and
 * `case_month_facts` the same per month, kept by triggers on every write to `cases`: a year's report reads 12
 * months of rows plus the days of the months it starts and ends in (the 15th-14th periods), never the cases.
 *
 * A case's scope is what it is now: `merged` (a duplicate merged into another), `referred` (guided to the
 * competent authority), `out_of_scope` (classed outside the Centre's remit), else `in_scope`. A case that changes
 * scope, channel or category moves between rows; the day of receipt never changes.
 *
 * `settings` holds the admin's settings by key (the reporting cut-off day first), each value as JSON text.
 */

/** The Vietnamese calendar day of an ISO instant (NULL for a string that is not one). */
const day = (instant: string) => `date(${instant}, '+7 hours')`;

/** The scope of a case row, from its status and out-of-scope class. */
const scopeOf = (row: string) =>
  `CASE WHEN ${row}.status = 'merged' THEN 'merged' WHEN ${row}.status = 'referred' THEN 'referred'
    WHEN ${row}.out_of_scope_class IS NOT NULL THEN 'out_of_scope' ELSE 'in_scope' END`;

const categoryOf = (row: string) => `IFNULL(${row}.category, IFNULL(${row}.reported_category, ''))`;

/** The same counts kept per month too: a year is then 12 rows a combination, plus the days of a month it starts or ends in. */
const GRAINS = [
  { table: 'case_day_facts', key: 'day', of: (d: string) => d },
  { table: 'case_month_facts', key: 'month', of: (d: string) => `substr(${d}, 1, 7)` },
] as const;

function bump(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return GRAINS.map(
    (g) => `INSERT INTO ${g.table} (${g.key}, channel, category, scope, cases)
    SELECT ${g.of('d')}, ${row}.channel, ${categoryOf(row)}, ${scopeOf(row)}, ${sign} FROM (SELECT ${day(`${row}.created_at`)} AS d) WHERE d IS NOT NULL
    ON CONFLICT (${g.key}, channel, category, scope) DO UPDATE SET cases = cases + excluded.cases;`,
  ).join('\n');
}

/** Every row recomputed from the cases, zero rows left out: equal to `case_day_facts` without its zero rows. */
export const CASE_DAY_FACTS_RECOUNT = `SELECT d AS day, channel, category, scope, COUNT(*) AS cases FROM (
    SELECT ${day('c.created_at')} AS d, c.channel, ${categoryOf('c')} AS category, ${scopeOf('c')} AS scope FROM cases AS c
  ) WHERE d IS NOT NULL GROUP BY d, channel, category, scope`;

/** The monthly rows, from the daily ones (recounted or stored). */
export const caseMonthFacts = (daily: string) =>
  `SELECT substr(day, 1, 7) AS month, channel, category, scope, SUM(cases) AS cases FROM (${daily})
    GROUP BY 1, channel, category, scope HAVING SUM(cases) != 0`;

export const CASE_DAY_FACTS_FILL: readonly string[] = [
  `DELETE FROM case_day_facts`,
  `DELETE FROM case_month_facts`,
  `INSERT INTO case_day_facts (day, channel, category, scope, cases) ${CASE_DAY_FACTS_RECOUNT}`,
  `INSERT INTO case_month_facts (month, channel, category, scope, cases) ${caseMonthFacts('SELECT * FROM case_day_facts')}`,
];

/** The triggers (named case_day_facts_*): the generator drops them while it loads and fills the table instead. */
const CASE_DAY_FACTS_TRIGGERS: readonly string[] = [
  `CREATE TRIGGER case_day_facts_insert AFTER INSERT ON cases BEGIN
    ${bump('NEW', 1)}
  END`,
  `CREATE TRIGGER case_day_facts_update AFTER UPDATE OF created_at, channel, category, reported_category, status, out_of_scope_class ON cases
    WHEN OLD.created_at IS NOT NEW.created_at OR OLD.channel IS NOT NEW.channel OR ${categoryOf('OLD')} IS NOT ${categoryOf('NEW')}
      OR ${scopeOf('OLD')} IS NOT ${scopeOf('NEW')} BEGIN
    ${bump('OLD', -1)}
    ${bump('NEW', 1)}
  END`,
  `CREATE TRIGGER case_day_facts_delete AFTER DELETE ON cases BEGIN
    ${bump('OLD', -1)}
  END`,
];

export const reportFacts: Migration = {
  version: 22,
  name: 'report-facts-and-settings',
  statements: [
    `CREATE TABLE case_day_facts (
      day TEXT NOT NULL,
      channel TEXT NOT NULL,
      category TEXT NOT NULL,
      scope TEXT NOT NULL,
      cases INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, channel, category, scope)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE case_month_facts (
      month TEXT NOT NULL,
      channel TEXT NOT NULL,
      category TEXT NOT NULL,
      scope TEXT NOT NULL,
      cases INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (month, channel, category, scope)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT`,
    ...CASE_DAY_FACTS_FILL,
    ...CASE_DAY_FACTS_TRIGGERS,
  ],
};
