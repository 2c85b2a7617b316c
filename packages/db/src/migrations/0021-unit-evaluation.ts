import type { Migration } from './migration.ts';

/**
 * Issue 12: the evaluation that can be signed. Beside the sums of migration 0019 it needs, per unit and day (and
 * month), kept by triggers for any writer, so that a year for all units is still a few thousand rows:
 *
 * - `unit_day_scores`: the cases a unit declined as not its own (by the declining staff member's unit: the case
 *   leaves the unit with the move), the outcome of its verified answers (the case's recorded outcome, đúng / đúng
 *   một phần / không đúng, by the answering unit and day of verification; a later change of the outcome moves
 *   every verified answer of the case), and the citizens' ratings by score (1–5);
 * - `unit_day_answer_days`: how many verified, timed answers took each whole number of working days (begun
 *   days: 2.1 counts as 3; 60 or more as 60), one column per number (`d0` … `d60`), so the 90th percentile is
 *   read from a histogram, never from a year of answers. Columns, not a row per number: a year for all units
 *   is then a few thousand rows to sum, not tens of thousands to group (140 ms at 100,000 cases that way).
 *
 * The trigger names start with `unit_day_facts_`, so the data generator drops and refills them with 0019's. The
 * tables for saved evaluations (`evaluation_settings`, `evaluation_snapshots`) keep the admin's scoring and each
 * signed evaluation with the weights it was scored with, so an old report reproduces after the weights change.
 */

const day = (instant: string) => `date(${instant}, '+7 hours')`;

const OUTCOME_COLUMNS = ['substantiated', 'partly_substantiated', 'not_substantiated'] as const;
const RATING_COLUMNS = ['rated_1', 'rated_2', 'rated_3', 'rated_4', 'rated_5'] as const;
export const SCORE_COLUMNS = ['declines', ...OUTCOME_COLUMNS, ...RATING_COLUMNS] as const;
type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** The largest histogram bucket: an answer of 60 working days or more (four times the allowance) counts there. */
const MAX_ANSWER_DAYS = 60;
export const ANSWER_DAY_COLUMNS = Array.from({ length: MAX_ANSWER_DAYS + 1 }, (_, i) => `d${i}`);
const NANODAYS = 1_000_000_000;
const bucketOf = (nanodays: string) => `MIN(${MAX_ANSWER_DAYS}, (${nanodays} + ${NANODAYS - 1}) / ${NANODAYS})`;

const GRAINS = [
  { suffix: 'day', key: 'day', of: (d: string) => d },
  { suffix: 'month', key: 'month', of: (d: string) => `substr(${d}, 1, 7)` },
] as const;

/** Adds `deltas` to the score rows of (`dayOf`, `unitOf`) when `when` holds; a NULL day or unit adds nothing. */
function bumpScores(dayOf: string, unitOf: string, deltas: Partial<Record<ScoreColumn, string>>, when: string): string {
  const columns = Object.keys(deltas) as ScoreColumn[];
  return GRAINS.map(
    (g) => `INSERT INTO unit_${g.suffix}_scores (${g.key}, unit_id, ${columns.join(', ')})
    SELECT ${g.of('d')}, u, ${columns.map((c) => deltas[c]).join(', ')} FROM (SELECT ${dayOf} AS d, ${unitOf} AS u)
    WHERE (${when}) AND d IS NOT NULL AND u IS NOT NULL
    ON CONFLICT (${g.key}, unit_id) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`,
  ).join('\n');
}

const outcomeDeltas = (outcome: string, s: string) =>
  Object.fromEntries(OUTCOME_COLUMNS.map((c) => [c, `${s}(${outcome} IS '${c}')`])) as Partial<Record<ScoreColumn, string>>;

/** An event's part: a decline, or a verified answer's outcome and working days. */
function eventScores(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const answered = `${row}.kind = 'answered' AND ${row}.answer_state > 0`;
  const outcome = `(SELECT answer_outcome FROM cases WHERE id = ${row}.case_id)`;
  return [
    bumpScores(day(`${row}.at`), `(SELECT unit_id FROM staff WHERE id = ${row}.actor_staff_id)`, { declines: `${s}1` }, `${row}.kind = 'declined'`),
    bumpScores(day(`${row}.at`), `${row}.answer_unit_id`, outcomeDeltas(outcome, s), `${answered} AND ${outcome} IS NOT NULL`),
    ...GRAINS.map(
      (g) => `INSERT INTO unit_${g.suffix}_answer_days (${g.key}, unit_id, ${ANSWER_DAY_COLUMNS.join(', ')})
    SELECT ${g.of('d')}, u, ${ANSWER_DAY_COLUMNS.map((_, i) => `${sign} * (b = ${i})`).join(', ')}
    FROM (SELECT ${day(`${row}.at`)} AS d, ${row}.answer_unit_id AS u, ${bucketOf(`${row}.answer_nanodays`)} AS b)
    WHERE ${row}.kind = 'answered' AND ${row}.answer_state = 2 AND d IS NOT NULL AND u IS NOT NULL AND b IS NOT NULL
    ON CONFLICT (${g.key}, unit_id) DO UPDATE SET ${ANSWER_DAY_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`,
    ),
  ].join('\n');
}

/** The outcomes of one case's verified answers, under the case's outcome `outcome`, added or taken away. */
function caseOutcomes(caseId: string, outcome: string, sign: 1 | -1): string {
  return GRAINS.map(
    (g) => `INSERT INTO unit_${g.suffix}_scores (${g.key}, unit_id, ${OUTCOME_COLUMNS.join(', ')})
    SELECT ${g.of(day('e.at'))}, e.answer_unit_id, ${OUTCOME_COLUMNS.map((c) => `${sign} * SUM(${outcome} IS '${c}')`).join(', ')}
    FROM case_events AS e
    WHERE e.case_id = ${caseId} AND e.kind = 'answered' AND e.answer_state > 0 AND e.answer_unit_id IS NOT NULL
      AND ${day('e.at')} IS NOT NULL AND ${outcome} IS NOT NULL
    GROUP BY 1, 2
    ON CONFLICT (${g.key}, unit_id) DO UPDATE SET ${OUTCOME_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`,
  ).join('\n');
}

/** A case's rating by score, added or taken away. */
function ratingScores(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const deltas = Object.fromEntries(RATING_COLUMNS.map((c, i) => [c, `${s}(${row}.rating_score = ${i + 1})`])) as Partial<Record<ScoreColumn, string>>;
  return bumpScores(day(`${row}.rated_at`), `${row}.unit_id`, deltas, `${row}.rating_score IS NOT NULL`);
}

const ZEROS = (n: number) => Array.from({ length: n }, () => '0').join(', ');
const SUMS = SCORE_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ');
const NON_ZERO = SCORE_COLUMNS.map((c) => `SUM(${c}) != 0`).join(' OR ');

/** Every (day, unit) row of `unit_day_scores` recomputed from the sources, zero rows left out, in the table's column order. */
export const UNIT_DAY_SCORES_RECOUNT = `SELECT d AS day, u AS unit_id, ${SUMS}
  FROM (
    SELECT ${day('e.at')} AS d, s.unit_id AS u, 1 AS declines, ${[...OUTCOME_COLUMNS, ...RATING_COLUMNS].map((c) => `0 AS ${c}`).join(', ')}
      FROM case_events AS e JOIN staff AS s ON s.id = e.actor_staff_id WHERE e.kind = 'declined'
    UNION ALL
    SELECT ${day('e.at')}, e.answer_unit_id, 0, ${OUTCOME_COLUMNS.map((c) => `c.answer_outcome = '${c}'`).join(', ')}, ${ZEROS(5)}
      FROM case_events AS e JOIN cases AS c ON c.id = e.case_id
      WHERE e.kind = 'answered' AND e.answer_state > 0 AND c.answer_outcome IS NOT NULL
    UNION ALL
    SELECT ${day('rated_at')}, unit_id, 0, ${ZEROS(3)}, ${RATING_COLUMNS.map((_, i) => `rating_score = ${i + 1}`).join(', ')}
      FROM cases WHERE rated_at IS NOT NULL AND rating_score IS NOT NULL
  )
  WHERE d IS NOT NULL AND u IS NOT NULL
  GROUP BY d, u
  HAVING ${NON_ZERO}`;

/** The monthly score rows, from daily ones (recounted or stored). */
export const unitMonthScores = (daily: string) => `SELECT substr(day, 1, 7) AS month, unit_id, ${SUMS} FROM (${daily}) GROUP BY 1, 2 HAVING ${NON_ZERO}`;

const DAY_SUMS = ANSWER_DAY_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ');
const DAYS_NON_ZERO = ANSWER_DAY_COLUMNS.map((c) => `SUM(${c}) != 0`).join(' OR ');

/** Every (day, unit) row of `unit_day_answer_days` recomputed from the answers' stored facts, zero rows left out. */
export const UNIT_DAY_ANSWER_DAYS_RECOUNT = `SELECT day, unit_id, ${ANSWER_DAY_COLUMNS.map((c, i) => `SUM(b = ${i}) AS ${c}`).join(', ')}
  FROM (
    SELECT ${day('at')} AS day, answer_unit_id AS unit_id, ${bucketOf('answer_nanodays')} AS b FROM case_events
    WHERE kind = 'answered' AND answer_state = 2 AND answer_nanodays IS NOT NULL AND answer_unit_id IS NOT NULL AND ${day('at')} IS NOT NULL
  )
  GROUP BY 1, 2`;

export const unitMonthAnswerDays = (daily: string) =>
  `SELECT substr(day, 1, 7) AS month, unit_id, ${DAY_SUMS} FROM (${daily}) GROUP BY 1, 2 HAVING ${DAYS_NON_ZERO}`;

const TRIGGERS: readonly string[] = [
  `CREATE TRIGGER unit_day_facts_scores_event_insert AFTER INSERT ON case_events WHEN NEW.kind IN ('answered', 'declined') BEGIN
    ${eventScores('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_scores_event_update
    AFTER UPDATE OF kind, at, case_id, actor_staff_id, answer_state, answer_unit_id, answer_nanodays ON case_events
    WHEN OLD.kind IN ('answered', 'declined') OR NEW.kind IN ('answered', 'declined') BEGIN
    ${eventScores('OLD', -1)}
    ${eventScores('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_scores_event_delete AFTER DELETE ON case_events WHEN OLD.kind IN ('answered', 'declined') BEGIN
    ${eventScores('OLD', -1)}
  END`,
  `CREATE TRIGGER unit_day_facts_scores_case_insert AFTER INSERT ON cases BEGIN
    ${ratingScores('NEW', 1)}
    ${caseOutcomes('NEW.id', 'NEW.answer_outcome', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_scores_case_rating AFTER UPDATE OF unit_id, rated_at, rating_score ON cases
    WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.rated_at IS NOT NEW.rated_at OR OLD.rating_score IS NOT NEW.rating_score BEGIN
    ${ratingScores('OLD', -1)}
    ${ratingScores('NEW', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_scores_case_outcome AFTER UPDATE OF answer_outcome ON cases
    WHEN OLD.answer_outcome IS NOT NEW.answer_outcome BEGIN
    ${caseOutcomes('NEW.id', 'OLD.answer_outcome', -1)}
    ${caseOutcomes('NEW.id', 'NEW.answer_outcome', 1)}
  END`,
  `CREATE TRIGGER unit_day_facts_scores_case_delete AFTER DELETE ON cases BEGIN
    ${ratingScores('OLD', -1)}
    ${caseOutcomes('OLD.id', 'OLD.answer_outcome', -1)}
  END`,
];

const scoreTable = (table: string, key: string) => `CREATE TABLE ${table} (
      ${key} TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      ${SCORE_COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (${key}, unit_id)
    ) STRICT, WITHOUT ROWID`;

const daysTable = (table: string, key: string) => `CREATE TABLE ${table} (
      ${key} TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      ${ANSWER_DAY_COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (${key}, unit_id)
    ) STRICT, WITHOUT ROWID`;

/** Fills the four tables from their sources: the backfill, and the generator's after its load. */
export const UNIT_SCORES_FILL: readonly string[] = [
  'DELETE FROM unit_day_scores',
  'DELETE FROM unit_month_scores',
  'DELETE FROM unit_day_answer_days',
  'DELETE FROM unit_month_answer_days',
  `INSERT INTO unit_day_scores (day, unit_id, ${SCORE_COLUMNS.join(', ')}) ${UNIT_DAY_SCORES_RECOUNT}`,
  `INSERT INTO unit_month_scores (month, unit_id, ${SCORE_COLUMNS.join(', ')}) ${unitMonthScores('SELECT * FROM unit_day_scores')}`,
  `INSERT INTO unit_day_answer_days (day, unit_id, ${ANSWER_DAY_COLUMNS.join(', ')}) ${UNIT_DAY_ANSWER_DAYS_RECOUNT}`,
  `INSERT INTO unit_month_answer_days (month, unit_id, ${ANSWER_DAY_COLUMNS.join(', ')}) ${unitMonthAnswerDays('SELECT * FROM unit_day_answer_days')}`,
];

export const unitEvaluation: Migration = {
  version: 21,
  name: 'unit-evaluation',
  statements: [
    scoreTable('unit_day_scores', 'day'),
    scoreTable('unit_month_scores', 'month'),
    daysTable('unit_day_answer_days', 'day'),
    daysTable('unit_month_answer_days', 'month'),
    // One row: the scoring in force (JSON weights per criterion, and the minimum of cases to be ranked).
    `CREATE TABLE evaluation_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      weights TEXT NOT NULL,
      minimum_cases INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES staff(id)
    ) STRICT`,
    `CREATE TABLE evaluation_snapshots (
      id TEXT PRIMARY KEY,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      weights TEXT NOT NULL,
      minimum_cases INTEGER NOT NULL,
      rows TEXT NOT NULL,
      title TEXT NOT NULL,
      signed_by TEXT NOT NULL REFERENCES staff(id),
      signed_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX evaluation_snapshots_signed ON evaluation_snapshots(signed_at DESC, id)',
    ...UNIT_SCORES_FILL,
    ...TRIGGERS,
  ],
};
