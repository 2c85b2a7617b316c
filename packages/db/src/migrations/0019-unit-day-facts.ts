import type { Migration } from './migration.ts';

/**
 * Issue 11: a year's evaluation for all units read a year of rows (letters, answers, ratings, reviews: about a
 * million at a million cases) and took 1.3 s, most of it a COUNT(DISTINCT) over letters and the reviews joined
 * to their cases. `unit_day_facts` keeps those sums per unit and Vietnamese calendar day (UTC+7, no daylight
 * saving), and `unit_month_facts` the same per month, kept by triggers on every write to their sources, so a year
 * is 12 monthly rows a unit plus the days of the months it starts and ends in:
 *
 * - letters: approved forwarding letters, by the letter's unit and the day it was approved;
 * - answers, answers_on_time, answers_timed, answer_nanodays: the verified answers counted by the evaluation,
 *   from the facts stored on their `answered` events (migration 0017), by the answering unit;
 * - ratings, rating_sum: citizens' ratings, by the case's (current) unit and the day of the rating;
 * - reviews: review requests, by the case's (current) unit: a case forwarded to another unit takes them along;
 * - reminders … commendations: the records against units, by kind.
 *
 * The evaluation counts the cases that received a letter, not the letters: a case forwarded twice to the same
 * unit counts once. `approval_repeats` holds the approved letters of every (case, unit) with more than one, so
 * the count is the letters' sum less the repeats within the period (a handful of rows).
 *
 * The triggers fire for any writer (the repositories, raw SQL, the data generator), so nothing in the code has
 * to remember them. `UNIT_DAY_FACTS_RECOUNT` computes the same rows from the sources: the backfill below, the
 * generator's (which loads without the triggers) and the tests' comparison.
 */

/** The Vietnamese calendar day of an ISO instant (NULL for a string that is not one). */
const day = (instant: string) => `date(${instant}, '+7 hours')`;

export const RECORD_KINDS = ['reminder', 'escalation', 'reprimand', 'correction', 'commendation'] as const;

export const COLUMNS = [
  'letters',
  'answers',
  'answers_on_time',
  'answers_timed',
  'answer_nanodays',
  'ratings',
  'rating_sum',
  'reviews',
  ...RECORD_KINDS.map((k) => `${k}s` as const),
] as const;
type Column = (typeof COLUMNS)[number];

/** The same sums kept per month too: a year is then 12 rows a unit, plus the days of a month it starts or ends in. */
const GRAINS = [
  { table: 'unit_day_facts', key: 'day', of: (d: string) => d },
  { table: 'unit_month_facts', key: 'month', of: (d: string) => `substr(${d}, 1, 7)` },
] as const;

/** Adds `deltas` to the rows of (`dayOf`, `unitOf`) when `when` holds; a NULL day or unit adds nothing. */
function bump(dayOf: string, unitOf: string, deltas: Partial<Record<Column, string>>, when: string): string {
  const columns = Object.keys(deltas) as Column[];
  return GRAINS.map(
    (g) => `INSERT INTO ${g.table} (${g.key}, unit_id, ${columns.join(', ')})
    SELECT ${g.of('d')}, u, ${columns.map((c) => deltas[c]).join(', ')} FROM (SELECT ${dayOf} AS d, ${unitOf} AS u)
    WHERE (${when}) AND d IS NOT NULL AND u IS NOT NULL
    ON CONFLICT (${g.key}, unit_id) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`,
  ).join('\n');
}

/** The reviews of one case's events, moved in (`sign` 1) or out (-1) of a unit's days and months. */
function bumpReviewsOfCase(caseId: string, unitOf: string, sign: 1 | -1): string {
  return GRAINS.map(
    (g) => `INSERT INTO ${g.table} (${g.key}, unit_id, reviews)
    SELECT ${g.of(day('e.at'))}, ${unitOf}, ${sign} * COUNT(*) FROM case_events AS e
    WHERE e.case_id = ${caseId} AND e.kind = 'review_requested' AND ${unitOf} IS NOT NULL AND ${day('e.at')} IS NOT NULL
    GROUP BY 1
    ON CONFLICT (${g.key}, unit_id) DO UPDATE SET reviews = reviews + excluded.reviews;`,
  ).join('\n');
}

/** A record against a unit (reminder, reprimand …), added or taken away. */
function recordFacts(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const deltas = Object.fromEntries(RECORD_KINDS.map((k) => [`${k}s`, `${s}(${row}.kind = '${k}')`])) as Partial<Record<Column, string>>;
  return bump(day(`${row}.at`), `${row}.unit_id`, deltas, '1');
}

const APPROVED = (l: string) => `${l}.status = 'approved' AND ${day(`${l}.decided_at`)} IS NOT NULL`;

/** Rewrites the repeats of one (case, unit): its approved letters when it has two or more, else none. */
function refreshRepeats(caseId: string, unitId: string): string {
  return `DELETE FROM approval_repeats WHERE case_id = ${caseId} AND unit_id = ${unitId};
    INSERT INTO approval_repeats (letter_id, unit_id, case_id, day)
      SELECT l.id, l.unit_id, l.case_id, ${day('l.decided_at')} FROM letters AS l
      WHERE l.case_id = ${caseId} AND l.unit_id = ${unitId} AND ${APPROVED('l')}
        AND (SELECT COUNT(*) FROM letters AS m WHERE m.case_id = ${caseId} AND m.unit_id = ${unitId} AND ${APPROVED('m')}) > 1;`;
}

const caseUnit = (caseId: string) => `(SELECT unit_id FROM cases WHERE id = ${caseId})`;

/** An event's part of the sums, added (`sign` 1, NEW) or taken away (-1, OLD). */
function eventFacts(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  return [
    bump(
      day(`${row}.at`),
      `${row}.answer_unit_id`,
      {
        answers: `${s}1`,
        answers_on_time: `${s}IFNULL(${row}.answer_on_time, 0)`,
        answers_timed: `${s}(${row}.answer_state = 2)`,
        answer_nanodays: `${s}IFNULL(${row}.answer_nanodays, 0)`,
      },
      `${row}.kind = 'answered' AND ${row}.answer_state > 0`,
    ),
    bump(day(`${row}.at`), caseUnit(`${row}.case_id`), { reviews: `${s}1` }, `${row}.kind = 'review_requested'`),
  ].join('\n');
}

/** A case's rating, added or taken away. */
function ratingFacts(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  return bump(day(`${row}.rated_at`), `${row}.unit_id`, { ratings: `${s}1`, rating_sum: `${s}${row}.rating_score` }, `${row}.rating_score IS NOT NULL`);
}

/** A letter's part of the sums, added or taken away. */
function letterFacts(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return bump(day(`${row}.decided_at`), `${row}.unit_id`, { letters: sign === 1 ? '1' : '-1' }, `${row}.status = 'approved'`);
}

const COUNTED_KINDS = `('answered', 'review_requested')`;

/**
 * Every (day, unit) row recomputed from the sources, zero rows left out: equal to `unit_day_facts` (without its
 * zero rows) at any time. Columns in the table's order.
 */
const ZERO_RECORDS = RECORD_KINDS.map(() => '0').join(', ');
const SUM_COLUMNS = COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ');

/**
 * Every (day, unit) row recomputed from the sources, zero rows left out: equal to `unit_day_facts` (without its
 * zero rows) at any time. Columns in the table's order.
 */
export const UNIT_DAY_FACTS_RECOUNT = `SELECT d AS day, u AS unit_id, ${SUM_COLUMNS}
  FROM (
    SELECT ${day('decided_at')} AS d, unit_id AS u, 1 AS letters, 0 AS answers, 0 AS answers_on_time, 0 AS answers_timed,
        0 AS answer_nanodays, 0 AS ratings, 0 AS rating_sum, 0 AS reviews, ${RECORD_KINDS.map((k) => `0 AS ${k}s`).join(', ')}
      FROM letters WHERE status = 'approved'
    UNION ALL
    SELECT ${day('at')}, answer_unit_id, 0, 1, IFNULL(answer_on_time, 0), answer_state = 2, IFNULL(answer_nanodays, 0), 0, 0, 0,
        ${ZERO_RECORDS}
      FROM case_events WHERE kind = 'answered' AND answer_state > 0
    UNION ALL
    SELECT ${day('rated_at')}, unit_id, 0, 0, 0, 0, 0, 1, rating_score, 0, ${ZERO_RECORDS}
      FROM cases WHERE rated_at IS NOT NULL AND rating_score IS NOT NULL
    UNION ALL
    SELECT ${day('e.at')}, c.unit_id, 0, 0, 0, 0, 0, 0, 0, 1, ${ZERO_RECORDS}
      FROM case_events AS e JOIN cases AS c ON c.id = e.case_id WHERE e.kind = 'review_requested'
    UNION ALL
    SELECT ${day('at')}, unit_id, 0, 0, 0, 0, 0, 0, 0, 0, ${RECORD_KINDS.map((k) => `kind = '${k}'`).join(', ')}
      FROM unit_records
  )
  WHERE d IS NOT NULL AND u IS NOT NULL
  GROUP BY d, u
  HAVING ${COLUMNS.map((c) => `SUM(${c}) != 0`).join(' OR ')}`;

/** The monthly rows, from the daily ones (recounted or stored). */
export const unitMonthFacts = (daily: string) =>
  `SELECT substr(day, 1, 7) AS month, unit_id, ${SUM_COLUMNS} FROM (${daily}) GROUP BY 1, 2 HAVING ${COLUMNS.map((c) => `SUM(${c}) != 0`).join(' OR ')}`;

/** The rows of `approval_repeats` recomputed from the letters. */
export const APPROVAL_REPEATS_RECOUNT = `SELECT l.id AS letter_id, l.unit_id, l.case_id, ${day('l.decided_at')} AS day
  FROM letters AS l JOIN (
    SELECT case_id, unit_id FROM letters AS m WHERE ${APPROVED('m')} GROUP BY case_id, unit_id HAVING COUNT(*) > 1
  ) AS pair ON pair.case_id = l.case_id AND pair.unit_id = l.unit_id
  WHERE ${APPROVED('l')}`;

/** The triggers (named unit_day_facts_*): the generator drops them while it loads and fills the tables instead. */
const UNIT_DAY_FACTS_TRIGGERS: readonly string[] = [
  `CREATE TRIGGER unit_day_facts_event_insert AFTER INSERT ON case_events WHEN NEW.kind IN ${COUNTED_KINDS} BEGIN
    ${eventFacts('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_event_update
    AFTER UPDATE OF kind, at, case_id, answer_state, answer_unit_id, answer_on_time, answer_nanodays ON case_events
    WHEN OLD.kind IN ${COUNTED_KINDS} OR NEW.kind IN ${COUNTED_KINDS} BEGIN
    ${eventFacts('OLD', -1)}
    ${eventFacts('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_event_delete AFTER DELETE ON case_events WHEN OLD.kind IN ${COUNTED_KINDS} BEGIN
    ${eventFacts('OLD', -1)}
  END`,
  `CREATE TRIGGER unit_day_facts_case_insert AFTER INSERT ON cases BEGIN
    ${ratingFacts('NEW', 1)}
    ${bumpReviewsOfCase('NEW.id', 'NEW.unit_id', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_case_rating AFTER UPDATE OF unit_id, rated_at, rating_score ON cases
    WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.rated_at IS NOT NEW.rated_at OR OLD.rating_score IS NOT NEW.rating_score BEGIN
    ${ratingFacts('OLD', -1)}
    ${ratingFacts('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_case_unit AFTER UPDATE OF unit_id ON cases WHEN OLD.unit_id IS NOT NEW.unit_id BEGIN
    ${bumpReviewsOfCase('NEW.id', 'OLD.unit_id', -1)}
    ${bumpReviewsOfCase('NEW.id', 'NEW.unit_id', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_case_delete AFTER DELETE ON cases BEGIN
    ${ratingFacts('OLD', -1)}
    ${bumpReviewsOfCase('OLD.id', 'OLD.unit_id', -1)}
  END`,
  `CREATE TRIGGER unit_day_facts_record_insert AFTER INSERT ON unit_records BEGIN
    ${recordFacts('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_record_update AFTER UPDATE OF unit_id, kind, at ON unit_records BEGIN
    ${recordFacts('OLD', -1)}
    ${recordFacts('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_record_delete AFTER DELETE ON unit_records BEGIN
    ${recordFacts('OLD', -1)}
  END`,
  `CREATE TRIGGER unit_day_facts_letter_insert AFTER INSERT ON letters WHEN NEW.status = 'approved' BEGIN
    ${letterFacts('NEW', 1)}
    ${refreshRepeats('NEW.case_id', 'NEW.unit_id')}
  END`,
  `CREATE TRIGGER unit_day_facts_letter_update AFTER UPDATE OF status, decided_at, unit_id, case_id ON letters
    WHEN OLD.status = 'approved' OR NEW.status = 'approved' BEGIN
    ${letterFacts('OLD', -1)}
    ${letterFacts('NEW', 1)}
    ${refreshRepeats('OLD.case_id', 'OLD.unit_id')}
    ${refreshRepeats('NEW.case_id', 'NEW.unit_id')}
  END`,
  `CREATE TRIGGER unit_day_facts_letter_delete AFTER DELETE ON letters WHEN OLD.status = 'approved' BEGIN
    ${letterFacts('OLD', -1)}
    ${refreshRepeats('OLD.case_id', 'OLD.unit_id')}
  END`,
];

/** Fills the three tables from the sources (the backfill of existing rows, and the generator's after its load). */
export const UNIT_DAY_FACTS_FILL: readonly string[] = [
  `DELETE FROM unit_day_facts`,
  `DELETE FROM approval_repeats`,
  `DELETE FROM unit_month_facts`,
  `INSERT INTO unit_day_facts (day, unit_id, ${COLUMNS.join(', ')}) ${UNIT_DAY_FACTS_RECOUNT}`,
  `INSERT INTO unit_month_facts (month, unit_id, ${COLUMNS.join(', ')}) ${unitMonthFacts('SELECT * FROM unit_day_facts')}`,
  `INSERT INTO approval_repeats (letter_id, unit_id, case_id, day) ${APPROVAL_REPEATS_RECOUNT}`,
];

/**
 * The search index again, with prefix indexes of 2 and 3 letters (ADR 0015). A word prefix of two letters ("ho",
 * "so") matches hundreds of words, whose lists FTS5 merged at every query: 0.5 s for "hồ sơ" at a million cases.
 * A prefix index holds that merged list, so the newest matches are read lazily. The rows keep their ids.
 */
const SEARCH_PREFIXES = [
  `CREATE VIRTUAL TABLE case_search_prefixed USING fts5(
    body, notes, identity, hidden_identity,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  )`,
  `INSERT INTO case_search_prefixed (rowid, body, notes, identity, hidden_identity)
    SELECT rowid, body, notes, identity, hidden_identity FROM case_search`,
  `DROP TABLE case_search`,
  `ALTER TABLE case_search_prefixed RENAME TO case_search`,
  `INSERT INTO case_search (case_search) VALUES ('optimize')`,
];

export const unitDayFacts: Migration = {
  version: 19,
  name: 'unit-day-facts-and-search-prefixes',
  statements: [
    ...SEARCH_PREFIXES,
    `CREATE TABLE unit_day_facts (
      day TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      ${COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (day, unit_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE unit_month_facts (
      month TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      ${COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (month, unit_id)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE approval_repeats (
      letter_id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL,
      case_id TEXT NOT NULL,
      day TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX approval_repeats_pair ON approval_repeats(case_id, unit_id)`,
    `CREATE INDEX approval_repeats_day ON approval_repeats(day, unit_id, case_id)`,
    ...UNIT_DAY_FACTS_FILL,
    ...UNIT_DAY_FACTS_TRIGGERS,
  ],
};
