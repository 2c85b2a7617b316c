import type { Migration } from './migration.ts';

/**
 * Issue 12: the dashboard's counts of cases received, kept per "holder", dimension, Vietnamese calendar day (UTC+7)
 * and value by triggers on `cases`, and the same per month, so a year for the whole city reads a few thousand rows
 * instead of a third of a million cases.
 *
 * A holder is what a dashboard is drawn for: `*` the whole city, `g:wards` (wards and communes), `g:branches`,
 * `g:departments`, or `u:<unit id>` one unit (the case's current unit). Each case counts once for every holder it
 * belongs to, under each dimension:
 *
 * - `channel`: how it arrived; `category`: its category ('' before classification); `scope`: `in`, `out`
 *   (referred out of scope) or `pending` (not yet classified);
 * - `wh`: `<weekday 0-6>:<hour 00-23>:<hotline|other>` of its arrival (hotline staffing; the other channels
 *   together, which keeps a year's rows few);
 * - `unit`: its current unit ('' without one); `unit` and `wh` for the city and group holders only.
 *
 * A merged duplicate is not counted: its case, into which it was merged, is. `dashboard_contacts` keeps, per holder,
 * channel and day (and month and year), the cases of each distinct contact (phone, else e-mail), so a period's distinct
 * callers are a COUNT(DISTINCT) over those rows; the contact never leaves the database (only counts do).
 *
 * A unit whose kind changes keeps its past cases under its old group until the backfill runs again (the kind of a
 * unit is set at its creation in practice).
 */

const day = (instant: string) => `date(${instant}, '+7 hours')`;

export const DASHBOARD_DIMENSIONS = ['channel', 'category', 'scope', 'wh', 'unit'] as const;
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

/** The group holder of a unit kind (the centre belongs to none). */
const groupOf = (unitId: string) =>
  `(SELECT CASE kind WHEN 'ward' THEN 'g:wards' WHEN 'commune' THEN 'g:wards' WHEN 'branch' THEN 'g:branches'
    WHEN 'department' THEN 'g:departments' END FROM units WHERE id = ${unitId})`;

/** The contact of a case: its phone, else its e-mail in lower case (NULL without either). */
const contactOf = (r: string) => `COALESCE(NULLIF(${r}.contact_phone, ''), lower(NULLIF(${r}.contact_email, '')))`;

/**
 * One row a case (`r`) needs, its dimensions as columns: day, channel, category, scope, wh, unit, contact, the
 * three holders (NULL when it has none). `from` is the row's source (`FROM cases AS r` or empty in a trigger).
 */
function caseBase(r: string, from: string): string {
  return `SELECT ${day(`${r}.created_at`)} AS d, ${r}.channel AS channel, IFNULL(${r}.category, '') AS category,
      CASE WHEN ${r}.out_of_scope_class IS NOT NULL THEN 'out' WHEN ${r}.category IS NOT NULL THEN 'in' ELSE 'pending' END AS scope,
      strftime('%w', ${r}.created_at, '+7 hours') || ':' || strftime('%H', ${r}.created_at, '+7 hours') || ':' ||
        CASE ${r}.channel WHEN 'hotline' THEN 'hotline' ELSE 'other' END AS wh,
      IFNULL(${r}.unit_id, '') AS unit, ${contactOf(r)} AS contact,
      CASE WHEN ${r}.unit_id IS NOT NULL THEN 'u:' || ${r}.unit_id END AS own, ${groupOf(`${r}.unit_id`)} AS grp
    ${from} WHERE ${r}.merged_into IS NULL AND ${day(`${r}.created_at`)} IS NOT NULL`;
}

/** `wide`: the city and the groups also count by unit and by weekday and hour (a unit is its own, and the hotline is the Centre's). */
const HOLDERS = [
  { holder: `'*'`, when: '1', wide: true },
  { holder: 'grp', when: 'grp IS NOT NULL', wide: true },
  { holder: 'own', when: 'own IS NOT NULL', wide: false },
] as const;

/**
 * Every (holder, dim, d, value) a case's base row counts under, as rows of one UNION ALL. A trigger cannot use a
 * WITH clause, so there the (one-row) base is repeated in each branch; the recount names it once.
 */
function factsOf(base: string, inTrigger: boolean, from = inTrigger ? `(${base})` : 'b'): string {
  const parts: string[] = [];
  for (const h of HOLDERS) {
    for (const dim of DASHBOARD_DIMENSIONS) {
      if ((dim === 'unit' || dim === 'wh') && !h.wide) continue;
      parts.push(`SELECT ${h.holder} AS holder, '${dim}' AS dim, d, ${dim} AS value FROM ${from} WHERE ${h.when}`);
    }
  }
  return from !== 'b' ? parts.join(' UNION ALL ') : `WITH b AS MATERIALIZED (${base}) ${parts.join(' UNION ALL ')}`;
}

/**
 * The calendar periods a day belongs to, for distinct contacts: the day, its month and its year. Weeks, quarters,
 * halves and other ranges are counted from the days and months they cover (quarters and halves kept too made the
 * backfill half as fast again for two presets).
 */
const PERIODS_OF_DAY = [(d: string) => d, (d: string) => `substr(${d}, 1, 7)`, (d: string) => `substr(${d}, 1, 4)`];

/** The distinct-contact rows (holder, channel, period, contact) of a case's base row. */
function contactsOf(base: string, inTrigger: boolean, from = inTrigger ? `(${base})` : 'b'): string {
  const parts = HOLDERS.flatMap((h) =>
    PERIODS_OF_DAY.map((p) => `SELECT ${h.holder} AS holder, channel, ${p('d')} AS period, contact FROM ${from} WHERE ${h.when} AND contact IS NOT NULL`),
  );
  return from !== 'b' ? parts.join(' UNION ALL ') : `WITH b AS MATERIALIZED (${base}) ${parts.join(' UNION ALL ')}`;
}

const GRAINS = [
  { counts: 'dashboard_day_counts', key: 'day', of: (d: string) => d },
  { counts: 'dashboard_month_counts', key: 'month', of: (d: string) => `substr(${d}, 1, 7)` },
] as const;

/** A case row's part of every table, added (NEW, 1) or taken away (OLD, -1). */
function caseCounts(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const base = caseBase(row, '');
  return [
    ...GRAINS.map(
      (g) => `INSERT INTO ${g.counts} (holder, dim, ${g.key}, value, cases)
      SELECT holder, dim, ${g.of('d')}, value, ${sign} FROM (${factsOf(base, true)}) WHERE 1
      ON CONFLICT (holder, dim, ${g.key}, value) DO UPDATE SET cases = cases + excluded.cases;`,
    ),
    `INSERT INTO dashboard_contacts (holder, channel, period, contact, cases)
      SELECT holder, channel, period, contact, ${sign} FROM (${contactsOf(base, true)}) WHERE 1
      ON CONFLICT (holder, channel, period, contact) DO UPDATE SET cases = cases + excluded.cases;`,
  ].join('\n');
}

/**
 * The rows of the OLD case that fell to zero go (by key, never a scan), so a stored table equals its recount and a
 * contact with no case left is no longer distinct.
 */
function prune(): string {
  const base = caseBase('OLD', '');
  return [
    ...GRAINS.map(
      (g) =>
        `DELETE FROM ${g.counts} WHERE cases = 0 AND (holder, dim, ${g.key}, value) IN (SELECT holder, dim, ${g.of('d')}, value FROM (${factsOf(base, true)}));`,
    ),
    `DELETE FROM dashboard_contacts WHERE cases = 0 AND (holder, channel, period, contact) IN (SELECT holder, channel, period, contact FROM (${contactsOf(base, true)}));`,
  ].join('\n');
}

/** Every day row recounted from the cases: equal to `dashboard_day_counts` at any time. */
export const DASHBOARD_DAY_COUNTS_RECOUNT = `SELECT holder, dim, d AS day, value, COUNT(*) AS cases
  FROM (${factsOf(caseBase('r', 'FROM cases AS r'), false)}) GROUP BY holder, dim, d, value`;

export const DASHBOARD_MONTH_COUNTS_RECOUNT = `SELECT holder, dim, substr(day, 1, 7) AS month, value, SUM(cases) AS cases
  FROM (${DASHBOARD_DAY_COUNTS_RECOUNT}) GROUP BY 1, 2, 3, 4`;

export const DASHBOARD_CONTACTS_RECOUNT = `SELECT holder, channel, period, contact, COUNT(*) AS cases
  FROM (${contactsOf(caseBase('r', 'FROM cases AS r'), false)}) GROUP BY holder, channel, period, contact`;

/** The distinct contacts of each holder, channel and period, from the contact rows (recounted or stored). */
export const dashboardContactCounts = (contacts: string) =>
  `SELECT holder, channel, period, COUNT(*) AS contacts FROM (${contacts}) GROUP BY holder, channel, period`;

/**
 * Fills the four tables from the cases (the backfill, and the generator's after its load, both without the triggers).
 * The cases are read once into a temporary table of their few dimensions: each branch of the union read the whole
 * cases table again (14 scans, 7 s at 100,000 cases).
 */
export const DASHBOARD_COUNTS_FILL: readonly string[] = [
  'DELETE FROM dashboard_day_counts',
  'DELETE FROM dashboard_month_counts',
  'DELETE FROM dashboard_contacts',
  'DELETE FROM dashboard_contact_counts',
  `CREATE TEMP TABLE dashboard_fill AS ${caseBase('r', 'FROM cases AS r')}`,
  `INSERT INTO dashboard_day_counts (holder, dim, day, value, cases) SELECT holder, dim, d, value, COUNT(*)
    FROM (${factsOf('', false, 'temp.dashboard_fill')}) GROUP BY holder, dim, d, value`,
  `INSERT INTO dashboard_month_counts (holder, dim, month, value, cases)
    SELECT holder, dim, substr(day, 1, 7), value, SUM(cases) FROM dashboard_day_counts GROUP BY 1, 2, 3, 4`,
  `INSERT INTO dashboard_contacts (holder, channel, period, contact, cases) SELECT holder, channel, period, contact, COUNT(*)
    FROM (${contactsOf('', false, 'temp.dashboard_fill')}) GROUP BY holder, channel, period, contact`,
  `INSERT INTO dashboard_contact_counts (holder, channel, period, contacts) ${dashboardContactCounts('SELECT * FROM dashboard_contacts')}`,
  'DROP TABLE temp.dashboard_fill',
];

/** The columns whose change moves a case between rows. */
const WATCHED = ['created_at', 'channel', 'category', 'out_of_scope_class', 'unit_id', 'merged_into', 'contact_phone', 'contact_email'];

/** The triggers (named dashboard_counts_*): the generator drops them while it loads and fills the tables instead. */
const DASHBOARD_COUNTS_TRIGGERS: readonly string[] = [
  `CREATE TRIGGER dashboard_counts_case_insert AFTER INSERT ON cases BEGIN
    ${caseCounts('NEW', 1)}
  END`,
  `CREATE TRIGGER dashboard_counts_case_update AFTER UPDATE OF ${WATCHED.join(', ')} ON cases
    WHEN ${WATCHED.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')} BEGIN
    ${caseCounts('OLD', -1)}
    ${caseCounts('NEW', 1)}
    ${prune()}
  END`,
  // A contact's first case in a period makes it one more distinct contact there; its last one going, one fewer.
  `CREATE TRIGGER dashboard_counts_contact_insert AFTER INSERT ON dashboard_contacts BEGIN
    INSERT INTO dashboard_contact_counts (holder, channel, period, contacts) VALUES (NEW.holder, NEW.channel, NEW.period, 1)
      ON CONFLICT (holder, channel, period) DO UPDATE SET contacts = contacts + 1;
  END`,
  `CREATE TRIGGER dashboard_counts_contact_delete AFTER DELETE ON dashboard_contacts BEGIN
    UPDATE dashboard_contact_counts SET contacts = contacts - 1 WHERE holder = OLD.holder AND channel = OLD.channel AND period = OLD.period;
    DELETE FROM dashboard_contact_counts WHERE holder = OLD.holder AND channel = OLD.channel AND period = OLD.period AND contacts = 0;
  END`,
  `CREATE TRIGGER dashboard_counts_case_delete AFTER DELETE ON cases BEGIN
    ${caseCounts('OLD', -1)}
    ${prune()}
  END`,
];

const table = (name: string, key: string) => `CREATE TABLE ${name} (
    holder TEXT NOT NULL,
    dim TEXT NOT NULL,
    ${key} TEXT NOT NULL,
    value TEXT NOT NULL,
    cases INTEGER NOT NULL,
    PRIMARY KEY (holder, dim, ${key}, value)
  ) STRICT, WITHOUT ROWID`;

export const dashboardCounts: Migration = {
  version: 23,
  name: 'dashboard-counts',
  statements: [
    table('dashboard_day_counts', 'day'),
    table('dashboard_month_counts', 'month'),
    `CREATE TABLE dashboard_contacts (
      holder TEXT NOT NULL,
      channel TEXT NOT NULL,
      period TEXT NOT NULL,
      contact TEXT NOT NULL,
      cases INTEGER NOT NULL,
      PRIMARY KEY (holder, channel, period, contact)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE dashboard_contact_counts (
      holder TEXT NOT NULL,
      channel TEXT NOT NULL,
      period TEXT NOT NULL,
      contacts INTEGER NOT NULL,
      PRIMARY KEY (holder, period, channel)
    ) STRICT, WITHOUT ROWID`,
    ...DASHBOARD_COUNTS_FILL,
    ...DASHBOARD_COUNTS_TRIGGERS,
  ],
};
