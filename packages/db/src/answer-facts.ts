import { answerTiming, type Extension, type Pause, type WorkingCalendar } from '@pakn/domain';
import type { Row } from '@libsql/client';
import type { Db, Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';

/**
 * What the evaluation counts of each verified answer (migration 0017), stored on its `answered` event and kept
 * by every write that changes what it depends on (the case's unit, forwarding, pauses, extension, its events):
 * those writes refresh the case's list key, and refreshCaseQueue refreshes these facts with it.
 */

/** The calendars in force (WorkingCalendars): a unit's answer is counted on its own, or on the Centre's. */
export interface AnswerCalendars {
  readonly centre: WorkingCalendar;
  readonly units: ReadonlyMap<string, WorkingCalendar>;
}

export const AnswerState = { notCounted: 0, untimed: 1, timed: 2 } as const;

/** Working days are stored in billionths, the clock's own precision (caseClock rounds to 1e-9). */
export const NANODAYS_PER_DAY = 1_000_000_000;

export interface AnswerFact {
  readonly state: number;
  readonly unitId: string | null;
  readonly onTime: number | null;
  readonly nanodays: number | null;
}

/** What an answer's fact depends on: the case's unit, forwarding, pauses and extension, and when the unit answered. */
export interface AnswerFactInput {
  readonly unitId: string | null;
  readonly forwardedAt: string | null;
  /** The last answer the unit sent before the verification; the forwarding when none is recorded. */
  readonly submittedAt: string | null;
  readonly pauses: readonly Pause[];
  readonly extension: Extension | null;
}

/** The unit's answer is the last one it sent before the Centre verified it (a returned answer is redone). */
const FACT_SOURCE = `SELECT e.id, c.unit_id, c.forwarded_at, c.pauses, c.extension_status, c.extension_days,
    e.answer_state, e.answer_unit_id, e.answer_on_time, e.answer_nanodays,
    (SELECT MAX(s.at) FROM case_events AS s WHERE s.case_id = e.case_id AND s.kind = 'answer_submitted' AND s.at <= e.at) AS submitted_at
  FROM case_events AS e JOIN cases AS c ON c.id = e.case_id`;

/** The stored fact of one verified answer; pure, so bulk writers (the generator) store exactly what a recount would. */
export function answerFact(input: AnswerFactInput, calendars: AnswerCalendars): AnswerFact {
  const { unitId, forwardedAt } = input;
  if (unitId === null || forwardedAt === null) return { state: AnswerState.notCounted, unitId: null, onTime: null, nanodays: null };
  const timing = answerTiming(calendars.units.get(unitId) ?? calendars.centre, {
    forwardedAt,
    submittedAt: input.submittedAt ?? forwardedAt,
    pauses: input.pauses,
    extension: input.extension,
  });
  if (!timing) return { state: AnswerState.untimed, unitId, onTime: null, nanodays: null };
  return { state: AnswerState.timed, unitId, onTime: timing.onTime ? 1 : 0, nanodays: Math.round(timing.workingDays * NANODAYS_PER_DAY) };
}

function factOf(row: Row, calendars: AnswerCalendars): AnswerFact {
  const extension: Extension | null = row.extension_status
    ? { status: str(row, 'extension_status') as Extension['status'], days: num(row, 'extension_days'), reason: '' }
    : null;
  return answerFact(
    {
      unitId: strOrNull(row, 'unit_id'),
      forwardedAt: strOrNull(row, 'forwarded_at'),
      submittedAt: strOrNull(row, 'submitted_at'),
      pauses: JSON.parse(str(row, 'pauses')) as Pause[],
      extension,
    },
    calendars,
  );
}

const sameFact = (row: Row, fact: AnswerFact) =>
  row.answer_state !== null &&
  Number(row.answer_state) === fact.state &&
  (row.answer_unit_id ?? null) === fact.unitId &&
  (row.answer_on_time === null ? null : Number(row.answer_on_time)) === fact.onTime &&
  (row.answer_nanodays === null ? null : Number(row.answer_nanodays)) === fact.nanodays;

/** Rows per UPDATE: five parameters each, well under SQLite's limit of bound parameters. */
const UPDATE_CHUNK = 1000;

/** Recomputes the answer facts of these cases' `answered` events and stores the ones that changed. */
export async function refreshAnswerFacts(tx: Executor, calendars: AnswerCalendars, caseIds: readonly string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const rows = await tx.execute({
    sql: `${FACT_SOURCE} WHERE e.case_id IN (${caseIds.map(() => '?').join(', ')}) AND e.kind = 'answered'`,
    args: [...caseIds],
  });
  const changed: (string | number | null)[][] = [];
  for (const row of rows.rows) {
    const fact = factOf(row, calendars);
    if (!sameFact(row, fact)) changed.push([num(row, 'id'), fact.state, fact.unitId, fact.onTime, fact.nanodays]);
  }
  // One statement per chunk, not one per event: a backfill writes tens of thousands of rows.
  for (let i = 0; i < changed.length; i += UPDATE_CHUNK) {
    const chunk = changed.slice(i, i + UPDATE_CHUNK);
    await tx.execute({
      sql: `UPDATE case_events SET answer_state = v.column2, answer_unit_id = v.column3, answer_on_time = v.column4, answer_nanodays = v.column5
            FROM (VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}) AS v WHERE case_events.id = v.column1`,
      args: chunk.flat(),
    });
  }
  return changed.length;
}

/**
 * Recomputes the answer facts never computed (`missing`: after migration 0017, or rows written by bulk tools), or
 * those of answers verified since an instant (after the working calendar of a year changed: an answer verified
 * before the year began was sent before it too, so no day of that year counts in its timing). In batches of cases.
 */
export async function recountAnswerFacts(db: Db, calendars: AnswerCalendars, which: 'missing' | { readonly since: string }, batchSize = 500): Promise<number> {
  const found =
    which === 'missing'
      ? await db.execute(`SELECT DISTINCT case_id FROM case_events INDEXED BY case_events_answer_missing WHERE kind = 'answered' AND answer_state IS NULL`)
      : await db.execute({ sql: `SELECT DISTINCT case_id FROM case_events WHERE kind = 'answered' AND at >= ?`, args: [which.since] });
  const ids = found.rows.map((r) => str(r, 'case_id'));
  let changed = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    changed += await db.write((tx) => refreshAnswerFacts(tx, calendars, batch));
  }
  return changed;
}
