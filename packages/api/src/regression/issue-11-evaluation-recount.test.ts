import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareCaseDayFacts, compareUnitDayFacts, evaluationFacts, listCases, listUnits } from '@pakn/db';
import {
  DEFAULT_SCORING,
  evaluateUnits,
  scoreUnits,
  periodInstants,
  totalAnswers,
  type AnsweredCaseFacts,
  type AnswerTotals,
  type EvaluationPeriod,
  type Extension,
  type Pause,
} from '@pakn/domain';
import { NO_CITIZEN_LIMITS } from '../citizen-policy.ts';
import { deadlineOf } from '../deadlines.ts';
import { createFixture, type Fixture } from '../test-fixture.ts';
import { seededRandom as random } from '@pakn/db/testing';

/**
 * Issue 11: the unit evaluation read every answered event with a correlated subquery and computed each handling
 * case's deadline in JavaScript. It now reads timings stored on write (migration 0017) and the cases' stored list
 * keys. This test replays random histories through the API (forwarding, pauses for the citizen, extensions,
 * returned answers, reviews and new forwardings, calendar changes) and checks that a full recount with the old
 * algorithm gives the same figures as the stored ones. The letters, ratings and reviews are summed per unit and
 * day by triggers (migration 0019): the same histories (with ratings, and cases forwarded again, to the same unit
 * or another) check them against the old queries and the stored rows against a recount from their sources.
 * Issue 12 (migration 0021): declines, and a redone answer with another outcome, which moves the outcome of the
 * case's earlier verified answers, are in the same histories.
 */

const HANDLING = ['forwarded', 'in_progress', 'info_requested'] as const;
const HANDLER = { 'ward-a': 'handlerA', 'ward-b': 'handlerB' } as const;
type UnitId = keyof typeof HANDLER;

interface Tracked {
  readonly caseId: string;
  readonly reference: string;
  readonly accessKey: string;
  unitId: UnitId;
  /** Answered and left alone: no more moves are tried on it. */
  settled?: boolean;
}

describe('issue 11: the stored evaluation equals a full recount', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture('embedded', { limits: NO_CITIZEN_LIMITS });
  });
  afterEach(() => f.close());

  /** The answers of a period and the cases overdue now, as the evaluation computed them before issue 11. */
  async function recount(period: EvaluationPeriod) {
    const { start, end } = periodInstants(period);
    const rows = await f.db.execute({
      sql: `SELECT c.unit_id, c.forwarded_at, c.pauses, c.extension_status, c.extension_days, c.extension_reason,
              (SELECT MAX(s.at) FROM case_events AS s WHERE s.case_id = c.id AND s.kind = 'answer_submitted' AND s.at <= e.at) AS submitted_at
            FROM case_events AS e JOIN cases AS c ON c.id = e.case_id
            WHERE e.kind = 'answered' AND e.at >= ? AND e.at < ? AND c.unit_id IS NOT NULL AND c.forwarded_at IS NOT NULL`,
      args: [start.toISOString(), end.toISOString()],
    });
    const answered: AnsweredCaseFacts[] = rows.rows.map((row) => ({
      unitId: String(row.unit_id),
      forwardedAt: String(row.forwarded_at),
      submittedAt: typeof row.submitted_at === 'string' ? row.submitted_at : String(row.forwarded_at),
      pauses: JSON.parse(String(row.pauses)) as Pause[],
      extension: row.extension_status
        ? { status: row.extension_status as Extension['status'], days: Number(row.extension_days), reason: String(row.extension_reason) }
        : null,
    }));
    const calendars = await f.services.calendars.all();
    const answers = totalAnswers(answered, (unitId) => calendars.units.get(unitId) ?? calendars.centre);
    const overdueNow = Object.create(null) as Record<string, number>;
    for (const record of await listCases(f.db, { statuses: HANDLING, limit: 100_000 })) {
      if (!record.unitId) continue;
      if ((await deadlineOf(f.services, record, f.now))?.overdue) overdueNow[record.unitId] = (overdueNow[record.unitId] ?? 0) + 1;
    }
    const byUnit = async (sql: string, args: string[]) => {
      const counted = Object.create(null) as Record<string, number>;
      for (const row of (await f.db.execute({ sql, args })).rows) counted[String(row.unit_id)] = Number(row.n);
      return counted;
    };
    const range = [start.toISOString(), end.toISOString()];
    // The queries of the evaluation before migration 0019.
    const received = await byUnit(
      `SELECT unit_id, COUNT(DISTINCT case_id) AS n FROM letters WHERE status = 'approved' AND decided_at >= ? AND decided_at < ? GROUP BY unit_id`,
      range,
    );
    const reviewsRequested = await byUnit(
      `SELECT c.unit_id, COUNT(*) AS n FROM case_events AS e JOIN cases AS c ON c.id = e.case_id
       WHERE e.kind = 'review_requested' AND e.at >= ? AND e.at < ? AND c.unit_id IS NOT NULL GROUP BY c.unit_id`,
      range,
    );
    const ratingRows = await f.db.execute({
      sql: `SELECT unit_id, SUM(rating_score) AS total, COUNT(*) AS n FROM cases
            WHERE rated_at >= ? AND rated_at < ? AND unit_id IS NOT NULL AND rating_score IS NOT NULL GROUP BY unit_id`,
      args: range,
    });
    const ratings = Object.create(null) as Record<string, { sum: number; count: number }>;
    for (const row of ratingRows.rows) ratings[String(row.unit_id)] = { sum: Number(row.total), count: Number(row.n) };
    const records = Object.create(null) as Record<string, Record<string, number>>;
    const recordRows = await f.db.execute({
      sql: 'SELECT unit_id, kind, COUNT(*) AS n FROM unit_records WHERE at >= ? AND at < ? GROUP BY unit_id, kind',
      args: range,
    });
    for (const row of recordRows.rows) (records[String(row.unit_id)] ??= {})[String(row.kind)] = Number(row.n);
    return { answers, overdueNow, received, reviewsRequested, ratings, records, answeredCount: answered.length };
  }

  async function expectStoredEqualsRecount(period: EvaluationPeriod): Promise<number> {
    await f.services.calendarRecount.idle(); // a calendar change is counted again in the background
    const stored = await evaluationFacts(f.db, period, f.now.toISOString());
    const recounted = await recount(period);
    expect(stored.overdueNow).toEqual(recounted.overdueNow);
    expect(stored.received).toEqual(recounted.received);
    expect(stored.reviewsRequested).toEqual(recounted.reviewsRequested);
    expect(stored.ratings).toEqual(recounted.ratings);
    expect(stored.records).toEqual(recounted.records);
    const sums = await compareUnitDayFacts(f.db);
    expect(sums.stored).toEqual(sums.recounted);
    // Issue 12: the reports' counts of received cases by day and month (migration 0022), through the same histories.
    const intake = await compareCaseDayFacts(f.db);
    expect(intake.stored).toEqual(intake.recounted);
    expect(Object.keys(stored.answers).sort()).toEqual(Object.keys(recounted.answers).sort());
    for (const [unitId, totals] of Object.entries(recounted.answers)) {
      const mine: AnswerTotals | undefined = stored.answers[unitId];
      expect(mine).toMatchObject({ count: totals.count, onTime: totals.onTime, timed: totals.timed });
      expect(mine?.days).toBeCloseTo(totals.days, 6);
    }
    // The whole evaluation, as the API serves it, equals the one built on the recount.
    const units = await listUnits(f.db);
    // The score columns and working-day histograms are checked against their recount by compareUnitDayFacts above.
    const expected = evaluateUnits({ units, ...recounted, scores: stored.scores, answerDays: stored.answerDays });
    expect((await f.as('director').unit.evaluation(period)).rows).toEqual(scoreUnits(expected, DEFAULT_SCORING));
    return recounted.answeredCount;
  }

  /** A rating; a review needs a low one, within days of the answer: most citizens here ask for it at once. */
  async function rateAndReview(tracked: { reference: string; accessKey: string }, score: number): Promise<void> {
    await f.citizen().case.rate({ ...tracked, score });
    if (score === 1) await f.citizen().case.requestReview({ ...tracked, reason: 'Phường chưa giải thích lý do chậm trễ.' });
  }

  /** Tries one random move; a move the case's state does not allow is refused by the API, and skipped. */
  async function step(r: () => number, cases: Tracked[]): Promise<void> {
    const open = cases.filter((c) => !c.settled);
    const pick = open[Math.floor(r() * open.length)];
    const roll = r();
    if (!pick || roll < 0.15) {
      const receipt = await f.submit();
      const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference);
      if (!summary) throw new Error('The new case is not in the inbox');
      await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
      const unitId: UnitId = r() < 0.5 ? 'ward-a' : 'ward-b';
      await f.forward(summary.id, unitId);
      cases.push({ caseId: summary.id, reference: receipt.reference, accessKey: receipt.accessKey, unitId });
      return;
    }
    const handler = f.as(HANDLER[pick.unitId]);
    const caseId = pick.caseId;
    const tracked = { reference: pick.reference, accessKey: pick.accessKey };
    const current = await f.as('intake').case.get({ caseId });
    const forward = async () => {
      // A new forwarding after a review or a decline, possibly to the other unit.
      const unitId: UnitId = r() < 0.5 ? 'ward-a' : 'ward-b';
      await f.forward(caseId, unitId);
      pick.unitId = unitId;
    };
    const calendarChange = async () => {
      // A day off added to the calendar, in the past or the near future: stored timings must follow it.
      const { schedule } = await f.as('admin').calendar.year({ year: 2026 });
      if (!schedule) throw new Error('No 2026 schedule');
      const day = new Date(Date.parse('2026-03-02T00:00:00Z') + Math.floor(r() * 150) * 86_400_000).toISOString().slice(0, 10);
      if (schedule.extraDaysOff.some((d) => d.date === day) || schedule.workingDays.some((d) => d.date === day)) return;
      await f.as('admin').calendar.save({
        ...schedule,
        tet: schedule.tet ? [...schedule.tet] : undefined,
        removedDays: schedule.removedDays ? [...schedule.removedDays] : undefined,
        workingDays: [...schedule.workingDays],
        extraDaysOff: [...schedule.extraDaysOff, { date: day, name: 'Nghỉ (giả định để kiểm thử)' }],
      });
    };
    const extension = () =>
      current.extension?.status === 'requested'
        ? f.as('director').case.decideExtension({ caseId, approve: r() < 0.7 })
        : handler.case.requestExtension({ caseId, days: 1 + Math.floor(r() * 10), reason: 'Cần phối hợp với cơ quan thuế.' });
    // The moves each status allows, more or less likely; a move the API refuses is skipped.
    const byStatus: Record<string, (() => Promise<unknown>)[]> = {
      forwarded: [
        () => handler.case.acknowledge({ caseId }),
        () => handler.case.acknowledge({ caseId }),
        extension,
        () => handler.case.decline({ caseId, comment: 'Không thuộc thẩm quyền của phường.' }),
      ],
      in_progress: [
        () => handler.case.submitAnswer({ caseId, outcome: 'substantiated', answer: 'Phường đã trả kết quả cho ông/bà.' }),
        () => handler.case.submitAnswer({ caseId, outcome: r() < 0.5 ? 'partly_substantiated' : 'not_substantiated', answer: 'Phường đã trả lời lại.' }),
        () => handler.case.requestInfo({ caseId, question: 'Đề nghị ông/bà gửi ảnh giấy hẹn trả kết quả.' }),
        extension,
        extension,
      ],
      info_requested: [() => f.citizen().case.provideInfo({ ...tracked, message: 'Tôi gửi bổ sung thông tin như yêu cầu.' })],
      awaiting_verification: [
        () => f.as('intake').case.verifyAnswer({ caseId }),
        () => f.as('intake').case.verifyAnswer({ caseId }),
        () => f.as('intake').case.returnAnswer({ caseId, comment: 'Đề nghị phường trả lời rõ thời hạn.' }),
      ],
      answered: [
        () => rateAndReview(tracked, r() < 0.7 ? 1 : 5),
        async () => {
          pick.settled = true;
        },
      ],
      reopened: [forward],
      accepted: [forward],
    };
    const moves = [...(byStatus[current.status] ?? []), ...(r() < 0.08 ? [calendarChange] : [])];
    const move = r() < 0.08 ? calendarChange : moves[Math.floor(r() * moves.length)];
    try {
      await move?.();
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
    }
  }

  it.each([1, 2, 3, 4])('over a random history of forwardings, pauses, extensions, returned answers and calendar changes (seed %i)', async (seed) => {
    const r = random(seed);
    const cases: Tracked[] = [];
    // Records against units (the Director's reminders, reprimands, commendations), from their own sequence.
    const other = random(seed + 100);
    const recordKinds = ['reminder', 'escalation', 'reprimand', 'correction', 'commendation'] as const;
    for (let i = 0; i < 140; i++) {
      const recorded = cases[Math.floor(other() * cases.length)];
      if (recorded && i % 10 === 5) {
        const kind = recordKinds[Math.floor(other() * recordKinds.length)] ?? 'reminder';
        await f.as('director').unit.record({ unitId: recorded.unitId, caseId: recorded.caseId, kind, note: 'Ghi nhận để kiểm thử.' });
      }
      // Between moves: up to a day and a half, so that answers come early, on the day and late.
      f.now = new Date(f.now.getTime() + Math.floor(r() * 1.5 * 86_400_000));
      await step(r, cases);
      // Midway too: a later calendar change recounts every answer, which would hide a write that forgot to.
      if (i % 35 === 34) await expectStoredEqualsRecount({ from: '2026-03-01', to: '2026-12-31' });
    }
    const kinds = await f.db.execute(`SELECT kind, COUNT(*) AS n FROM case_events GROUP BY kind`);
    const count = (kind: string) => Number(kinds.rows.find((row) => row.kind === kind)?.n ?? 0);
    // The history holds what the stored figures must follow, or the comparison proves nothing.
    for (const kind of ['answered', 'answer_returned', 'info_requested', 'extension_approved', 'review_requested'])
      expect(count(kind), kind).toBeGreaterThan(0);
    const some = async (sql: string) => (await f.db.execute(sql)).rows.length > 0;
    expect(await some('SELECT 1 FROM cases WHERE rated_at IS NOT NULL'), 'a rating').toBe(true);
    expect(await some('SELECT 1 FROM unit_records'), 'a record against a unit').toBe(true);
    // A case forwarded again to the same unit: it counts once among the cases the unit received.
    expect(await some(`SELECT 1 FROM approval_repeats`), 'a unit forwarded the same case twice').toBe(true);
    expect(await f.db.execute(`SELECT 1 FROM audit_log WHERE action = 'calendar.save'`).then((x) => x.rows.length)).toBeGreaterThan(0);

    const whole = await expectStoredEqualsRecount({ from: '2026-03-01', to: '2026-12-31' });
    expect(whole).toBeGreaterThan(3);
    await expectStoredEqualsRecount({ from: '2026-03-15', to: '2026-05-10' });
  });
});
