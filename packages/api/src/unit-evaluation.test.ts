import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareUnitDayFacts } from '@pakn/db';
import { createCaller } from './router.ts';
import { exportUnitEvaluation, exportUnitEvaluationXlsx } from './evaluation-exports.ts';
import { createFixture, exportText, PASSWORD, STAFF, type Fixture } from './test-fixture.ts';

/**
 * Issue 12: every figure of the evaluation against a history computed by hand. All moves happen at 09:00 in
 * Hanoi (02:00Z), so working days are whole. The working calendar is 2026's: Tết Bính Ngọ is 14–22 February.
 *
 * Ward A:
 * - T, forwarded Fri 13 Feb, answered Wed 25 Feb: Tết lies between, so 3 working days (13→23→24→25). Đúng.
 * - P, forwarded Mon 2 Mar, info asked Wed 4 Mar (2 days used), the citizen replied Mon 9 Mar (paused), answered
 *   Wed 11 Mar: 2 + 2 = 4 working days. Đúng một phần. Rated 4. A duplicate of P was merged into it (never counted).
 * - E, forwarded Mon 2 Mar, 5 more days approved, answered Wed 25 Mar: 17 working days, on time only thanks to
 *   the extension (15 + 5). Không đúng. Rated 2.
 * - X, declined by ward B, forwarded to ward A Wed 4 Mar and never answered: overdue on 10 April.
 *   Received 4, in scope 4, answered 3, all on time (100 %), average 8.0, 90th percentile 17 (nearest rank 3 of 3).
 *   A reminder and a commendation.
 * Ward B: R forwarded Mon 2 Mar, answered Thu 5 Mar (3 days, đúng), rated 2, review asked Fri 6 Mar, the Centre
 *   kept the answer (a reopened case); X received and declined. Received 2, in scope 1. A reprimand.
 * Ward C: no case at all; listed with zeros.
 * O is out of scope (referred): it counts nowhere.
 */

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const PERIOD = { from: '2026-02-01', to: '2026-03-31' };

describe('issue 12: the unit evaluation against a hand-computed history', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture('embedded');
  });
  afterEach(() => f.close());

  async function newCase(day: string) {
    f.now = new Date(`${day}T01:00:00Z`);
    const receipt = await f.submit();
    const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference);
    if (!summary) throw new Error('The new case is not in the inbox');
    return { ...receipt, caseId: summary.id };
  }

  async function forwarded(day: string, unitId: string) {
    const c = await newCase(day);
    f.now = at(day);
    await f.as('intake').case.classify({ caseId: c.caseId, scope: 'in', category: 'late_result' });
    await f.forward(c.caseId, unitId);
    return c;
  }

  async function answer(caseId: string, day: string, outcome: 'substantiated' | 'partly_substantiated' | 'not_substantiated', unit: 'handlerA' | 'handlerB') {
    f.now = at(day);
    await f.as(unit).case.submitAnswer({ caseId, outcome, answer: 'Đơn vị đã giải quyết và trả lời công dân.' });
    await f.as('intake').case.verifyAnswer({ caseId });
  }

  async function history() {
    await f.as('admin').admin.saveUnit({ id: 'ward-c', kind: 'ward', name: 'UBND phường C', isNew: true });
    const t = await forwarded('2026-02-13', 'ward-a');
    await f.as('handlerA').case.acknowledge({ caseId: t.caseId });
    await answer(t.caseId, '2026-02-25', 'substantiated', 'handlerA');

    const p = await forwarded('2026-03-02', 'ward-a');
    const e = await forwarded('2026-03-02', 'ward-a');
    const r = await forwarded('2026-03-02', 'ward-b');
    const x = await forwarded('2026-03-02', 'ward-b');
    const duplicate = await newCase('2026-03-02');
    await f.as('intake').case.merge({ primaryId: p.caseId, duplicateId: duplicate.caseId });
    const out = await newCase('2026-03-02');
    await f.as('intake').case.classify({ caseId: out.caseId, scope: 'out', outOfScopeClass: 'crime_report', referral: 'Đề nghị liên hệ Công an phường.' });
    for (const [c, unit] of [
      [p, 'handlerA'],
      [e, 'handlerA'],
      [r, 'handlerB'],
    ] as const)
      await f.as(unit).case.acknowledge({ caseId: c.caseId });
    await f.as('handlerA').case.requestExtension({ caseId: e.caseId, days: 5, reason: 'Cần phối hợp với cơ quan thuế.' });
    await f.as('director').case.decideExtension({ caseId: e.caseId, approve: true });

    f.now = at('2026-03-03');
    await f.as('handlerB').case.decline({ caseId: x.caseId, comment: 'Không thuộc thẩm quyền của phường B.' });
    await f.as('intake').unit.record({ unitId: 'ward-a', kind: 'reminder', note: 'Đề nghị phường khẩn trương trả lời.' });
    await f.as('director').unit.record({ unitId: 'ward-b', kind: 'reprimand', note: 'Chậm trả lời phản ánh.' });
    await f.as('director').unit.record({ unitId: 'ward-a', kind: 'commendation', note: 'Giải quyết đúng hẹn.' });
    f.now = at('2026-03-04');
    await f.forward(x.caseId, 'ward-a');
    await f.as('handlerA').case.requestInfo({ caseId: p.caseId, question: 'Đề nghị gửi ảnh giấy hẹn trả kết quả.' });

    await answer(r.caseId, '2026-03-05', 'substantiated', 'handlerB');
    await f.citizen().case.rate({ reference: r.reference, accessKey: r.accessKey, score: 2 });
    f.now = at('2026-03-06');
    await f.citizen().case.requestReview({ reference: r.reference, accessKey: r.accessKey, reason: 'Phường chưa giải thích lý do chậm trễ.' });
    f.now = at('2026-03-09');
    await f.as('intake').case.confirmAnswer({ caseId: r.caseId, comment: 'Kết quả đã đúng quy định, giữ nguyên.' });
    await f.citizen().case.provideInfo({ reference: p.reference, accessKey: p.accessKey, message: 'Tôi gửi bổ sung ảnh giấy hẹn.' });
    await answer(p.caseId, '2026-03-11', 'partly_substantiated', 'handlerA');
    await f.citizen().case.rate({ reference: p.reference, accessKey: p.accessKey, score: 4 });
    await answer(e.caseId, '2026-03-25', 'not_substantiated', 'handlerA');
    await f.citizen().case.rate({ reference: e.reference, accessKey: e.accessKey, score: 2 });
    f.now = at('2026-04-10');
  }

  const zeros = { received: 0, inScope: 0, answered: 0, answeredOnTime: 0, onTimeRate: null, averageWorkingDaysToAnswer: null };

  it('counts every figure of every unit, scores and ranks them, and reproduces a saved evaluation after the weights change', async () => {
    await history();
    const stored = await compareUnitDayFacts(f.db);
    expect(stored.stored).toEqual(stored.recounted);
    await f.as('admin').unit.setEvaluationScoring({ weights: { onTime: 40, answered: 20, satisfaction: 20, reviews: 10, reprimands: 10 }, minimumCases: 2 });
    const { rows } = await f.as('inspector').unit.evaluation(PERIOD);
    expect(rows.map((r) => r.unitId)).toEqual(['ward-a', 'ward-b', 'ward-c']);
    expect(rows[0]).toEqual({
      unitId: 'ward-a',
      unitName: 'UBND phường A',
      received: 4,
      inScope: 4,
      answered: 3,
      answeredOnTime: 3,
      onTimeRate: 1,
      overdueNow: 1,
      averageWorkingDaysToAnswer: 8,
      p90WorkingDaysToAnswer: 17,
      substantiated: 1,
      partlySubstantiated: 1,
      notSubstantiated: 1,
      reminders: 1,
      escalations: 0,
      reprimands: 0,
      corrections: 0,
      commendations: 1,
      averageRating: 3,
      ratings: 2,
      ratingDistribution: [0, 1, 0, 1, 0],
      reviewsRequested: 0,
      // 40·1 + 20·0.75 + 20·0.5 + 10·1 + 10·1 = 85 of 100.
      score: 85,
      rank: 1,
      enoughData: true,
    });
    expect(rows[1]).toMatchObject({
      received: 2,
      inScope: 1,
      answered: 1,
      answeredOnTime: 1,
      onTimeRate: 1,
      averageWorkingDaysToAnswer: 3,
      p90WorkingDaysToAnswer: 3,
      substantiated: 1,
      averageRating: 2,
      ratingDistribution: [0, 1, 0, 0, 0],
      reviewsRequested: 1,
      reprimands: 1,
      overdueNow: 0,
      // 40·1 + 20·1 + 20·0.25 + 10·0 + 10·0.5 = 70.
      score: 70,
      rank: 2,
    });
    expect(rows[2]).toMatchObject({ ...zeros, unitName: 'UBND phường C', score: null, rank: null, enoughData: false, ratingDistribution: [0, 0, 0, 0, 0] });

    // Signed with these weights; the weights change; the saved evaluation reads as signed.
    const { id } = await f.as('director').unit.saveEvaluation({ period: PERIOD, title: 'Đánh giá quý I năm 2026' });
    await f.as('admin').unit.setEvaluationScoring({ weights: { onTime: 0, answered: 0, satisfaction: 100, reviews: 0, reprimands: 0 }, minimumCases: 10 });
    expect((await f.as('inspector').unit.evaluation(PERIOD)).rows.every((r) => r.rank === null)).toBe(true);
    const saved = await f.as('inspector').unit.savedEvaluation({ id });
    expect(saved).toMatchObject({ title: 'Đánh giá quý I năm 2026', period: PERIOD, signedBy: 'Director', scoring: { minimumCases: 2 } });
    expect(saved.rows).toEqual(rows);
    expect(await f.as('inspector').unit.savedEvaluations()).toMatchObject([{ id, title: 'Đánh giá quý I năm 2026' }]);
  });

  it('says on which day the admin cuts the reporting periods, for the page to offer them (Decree 09: the 15th)', async () => {
    expect((await f.as('inspector').unit.evaluation(PERIOD)).cutOffDay).toBe(15);
    await f.as('admin').admin.saveReportSettings({ cutOffDay: 1 });
    expect((await f.as('inspector').unit.evaluation(PERIOD)).cutOffDay).toBe(1);
  });

  it('exports the evaluation as CSV and XLSX (formats, frozen header, two sheets), audited', async () => {
    await history();
    const request = f.request();
    await createCaller({ services: f.services, request, staff: null }).auth.login({ username: STAFF.inspector.username, password: PASSWORD });
    const session = f.request({ sessionToken: request.cookies[0] ?? null });
    const book = await exportUnitEvaluationXlsx(f.services, session, PERIOD);
    expect(book.filename).toBe('pakn-danh-gia-don-vi-2026-02-01_2026-03-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Đơn vị', 'Cách tính điểm']);
    const units = workbook.worksheets[0];
    if (!units) throw new Error('No units sheet');
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (units.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Hạng', 'Đơn vị', 'Điểm']);
    const column = (label: string) => header.indexOf(label) + 1;
    const wardA = units.getRow(2);
    expect(wardA.getCell(column('Đơn vị')).value).toBe('UBND phường A');
    expect(wardA.getCell(column('Tỷ lệ trả lời đúng hạn')).value).toBe(1);
    expect(wardA.getCell(column('Tỷ lệ trả lời đúng hạn')).numFmt).toBe('0.0%');
    expect(wardA.getCell(column('Số ngày làm việc trung bình để trả lời')).numFmt).toBe('0.0');
    expect(wardA.getCell(column('Số ngày làm việc (phân vị 90)')).value).toBe(17);
    expect(units.getRow(4).getCell(column('Hạng')).value).toBe('chưa đủ số liệu');
    expect(units.rowCount).toBe(4);
    const csv = await exportText(await exportUnitEvaluation(f.services, session, PERIOD));
    expect(csv.content.split('\r\n')[3]).toBe('chưa đủ số liệu,UBND phường C,,0,0,0,0,,,,0,0,0,,0,0,0,0,0,0,0,0,0,0,0,0,0');
    const audit = (await f.as('inspector').audit.list({ action: 'export.unit_evaluation' })).items;
    expect(audit.map((a) => a.after)).toEqual([
      { period: PERIOD, format: 'xlsx', rows: 3 },
      { period: PERIOD, format: 'csv', rows: 3 },
    ]);
  });
});
