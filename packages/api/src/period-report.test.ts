import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareCaseDayFacts } from '@pakn/db';
import { NO_CITIZEN_LIMITS } from './citizen-policy.ts';
import { formatError } from './errors.ts';
import { exportPeriodReportCsv, exportPeriodReportXlsx } from './report-exports.ts';
import { createCaller } from './router.ts';
import { createFixture, exportText, PASSWORD, STAFF, type Fixture, type StaffKey } from './test-fixture.ts';

/**
 * Issue 12: a period report's figures against a fixture computed by hand. Q1 2026 under Decree 09's cut-off runs
 * from 15 December 2025 to 14 March 2026 (Vietnamese days); Tết 2026 is 16-20 February on the default calendar.
 *
 *   P  received 14 Dec 23:30 (VN): the period before            in scope, untouched
 *   T  received 15 Dec 00:30 (VN): forwarded to ward A on 2 Feb, answered 25 Feb: 12 working days with Tết
 *      off (17 without), so on time
 *   D  a duplicate of T, merged into it                          merged
 *   O  out of the Centre's remit, referred                       referred
 *   R  forwarded to ward A, answered on time, reopened by the citizen's review request
 *   Q  forwarded to ward B, paused three weeks for the citizen, answered on time
 *   X  forwarded to ward A (category harassment), 5 days' extension approved, answered on time (18 working days)
 *   Y  forwarded to ward B on 5 Jan, answered 13 Feb: late
 *   L  received 14 Mar 23:59 (VN): the last day of the period
 *   N  received 15 Mar 00:01 (VN): the next period
 *   A reprimand to ward B, a commendation to ward A; ward C has no case at all.
 */
describe('issue 12: the period report', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture('embedded', { limits: NO_CITIZEN_LIMITS });
  });
  afterEach(() => f.close());

  async function receive(at: string, category?: string) {
    f.now = new Date(at);
    const receipt = await f.submit();
    const id = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)?.id;
    if (!id) throw new Error('the case is not in the inbox');
    if (category) await f.as('intake').case.classify({ caseId: id, scope: 'in', category });
    return { id, ...receipt };
  }

  async function answerAt(at: string, caseId: string, unit: 'handlerA' | 'handlerB', acknowledged = false) {
    f.now = new Date(at);
    if (!acknowledged) await f.as(unit).case.acknowledge({ caseId });
    await f.as(unit).case.submitAnswer({ caseId, outcome: 'substantiated', answer: 'Đơn vị đã giải quyết xong hồ sơ cho công dân.' });
    await f.as('intake').case.verifyAnswer({ caseId });
  }

  async function forwardAt(at: string, caseId: string, unitId: string) {
    f.now = new Date(at);
    await f.forward(caseId, unitId);
  }

  async function buildFixture() {
    await f.db.execute("INSERT INTO units (id, kind, name, parent_id, created_at) VALUES ('ward-c', 'ward', 'UBND phường C', NULL, '2025-01-01T00:00:00Z')");
    await receive('2025-12-14T16:30:00Z', 'late_result'); // P
    const t = await receive('2025-12-14T17:30:00Z', 'late_result');
    const d = await receive('2026-01-05T02:00:00Z');
    await f.as('intake').case.merge({ primaryId: t.id, duplicateId: d.id });
    const o = await receive('2026-01-06T02:00:00Z');
    await f.as('intake').case.classify({ caseId: o.id, scope: 'out', outOfScopeClass: 'other_province', referral: 'Đề nghị gửi UBND tỉnh Bắc Ninh.' });
    const r = await receive('2026-01-07T02:00:00Z', 'late_result');
    await forwardAt('2026-01-08T02:00:00Z', r.id, 'ward-a');
    await answerAt('2026-01-12T02:00:00Z', r.id, 'handlerA');
    f.now = new Date('2026-01-13T02:00:00Z');
    await f.citizen().case.rate({ reference: r.reference, accessKey: r.accessKey, score: 1 });
    await f.citizen().case.requestReview({ reference: r.reference, accessKey: r.accessKey, reason: 'Phường chưa giải thích lý do chậm trễ.' });
    const y = await receive('2026-01-02T02:00:00Z', 'late_result');
    await forwardAt('2026-01-05T02:00:00Z', y.id, 'ward-b');
    const q = await receive('2026-01-19T02:00:00Z', 'late_result');
    await forwardAt('2026-01-20T02:00:00Z', q.id, 'ward-b');
    f.now = new Date('2026-01-21T02:00:00Z');
    await f.as('handlerB').case.acknowledge({ caseId: q.id });
    await f.as('handlerB').case.requestInfo({ caseId: q.id, question: 'Đề nghị gửi ảnh giấy hẹn trả kết quả.' });
    f.now = new Date('2026-02-09T02:00:00Z');
    await f.citizen().case.provideInfo({ reference: q.reference, accessKey: q.accessKey, message: 'Tôi gửi kèm giấy hẹn.' });
    await forwardAt('2026-02-02T02:00:00Z', t.id, 'ward-a');
    const x = await receive('2026-02-02T03:00:00Z', 'harassment');
    await forwardAt('2026-02-03T02:00:00Z', x.id, 'ward-a');
    f.now = new Date('2026-02-04T02:00:00Z');
    await f.as('handlerA').case.acknowledge({ caseId: x.id });
    await f.as('handlerA').case.requestExtension({ caseId: x.id, days: 5, reason: 'Cần phối hợp với Sở Tư pháp.' });
    await f.as('director').case.decideExtension({ caseId: x.id, approve: true });
    await answerAt('2026-02-13T02:00:00Z', y.id, 'handlerB');
    await answerAt('2026-02-25T02:00:00Z', t.id, 'handlerA');
    await answerAt('2026-02-26T02:00:00Z', q.id, 'handlerB', true);
    f.now = new Date('2026-02-27T02:00:00Z');
    await f.as('director').unit.record({ unitId: 'ward-b', kind: 'reprimand', note: 'Trả lời quá hạn phản ánh.' });
    f.now = new Date('2026-03-05T02:00:00Z');
    await f.as('director').unit.record({ unitId: 'ward-a', kind: 'commendation', note: 'Trả lời đúng hạn, đầy đủ.' });
    await answerAt('2026-03-06T02:00:00Z', x.id, 'handlerA', true);
    await receive('2026-03-14T16:59:00Z'); // L
    await receive('2026-03-14T17:01:00Z'); // N
    f.now = new Date('2026-03-16T02:00:00Z');
  }

  it('counts a quarter from the 15th to the 14th: received by scope, channel and category, results, units, records, comparison', async () => {
    await buildFixture();
    const report = await f.as('director').report.period({ kind: 'quarter', year: 2026, index: 1 });
    expect(report.range).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(report.previousRange).toEqual({ from: '2025-09-15', to: '2025-12-14' });
    expect(report.cutOffDay).toBe(15);
    const { figures } = report;
    // T, D, O, R, Q, X, Y, L: P is the period before, N the next.
    expect(figures.received).toEqual({ total: 8, in_scope: 6, out_of_scope: 0, referred: 1, merged: 1 });
    expect(figures.byChannel.find((c) => c.channel === 'web_widget')).toMatchObject({ total: 8, in_scope: 6 });
    expect(figures.byChannel.find((c) => c.channel === 'hotline')).toMatchObject({ total: 0 });
    // The merged duplicate is not a category's case twice.
    expect(figures.byCategory).toEqual([
      { category: 'late_result', cases: 6 },
      { category: 'harassment', cases: 1 },
    ]);
    expect(report.categoryLabels.harassment?.vi).toBeTruthy();
    // R, Y, T (Tết), Q (paused), X (extension): only Y late. Nothing overdue on 16 March.
    expect(figures).toMatchObject({ answered: 5, answeredOnTime: 4, answeredLate: 1, overdueNow: 0, reprimands: 1, commendations: 1 });
    expect(figures.records).toEqual([
      { unitName: 'UBND phường A', reprimands: 0, commendations: 1 },
      { unitName: 'UBND phường B', reprimands: 1, commendations: 0 },
    ]);
    // The per-unit table: ward C, with no case, has nothing but zeros (whether the evaluation lists it or not).
    const column = (key: string) => report.units.columns.findIndex((c) => c.key === key);
    expect(report.units.columns.map((c) => c.key)).not.toContain('unitId');
    const rows = report.units.rows.map((r) => [
      r[column('unitName')],
      r[column('received')],
      r[column('answered')],
      r[column('answeredOnTime')],
      r[column('reviewsRequested')],
    ]);
    expect(rows.filter((r) => r[0] !== 'UBND phường C')).toEqual([
      ['UBND phường A', 3, 3, 3, 1],
      ['UBND phường B', 2, 2, 1, 0],
    ]);
    for (const row of rows.filter((r) => r[0] === 'UBND phường C')) expect(row).toEqual(['UBND phường C', 0, 0, 0, 0]);
    const compared = Object.fromEntries(report.comparison.map((c) => [c.key, [c.current, c.previous, c.change, c.changePercent]]));
    expect(compared.received).toEqual([8, 1, 7, 700]);
    expect(compared.answered).toEqual([5, 0, 5, null]);
    // Nothing of a citizen in a report: no reference, no name, no text.
    expect(JSON.stringify(report)).not.toMatch(/PA-|Nguyễn|giấy hẹn|@/);
    const sums = await compareCaseDayFacts(f.db);
    expect(sums.stored).toEqual(sums.recounted);
    expect(sums.stored.length).toBeGreaterThan(0);
  });

  it('moves the periods when the admin sets the cut-off day, audited, and refuses a day that is not 1-28', async () => {
    await buildFixture();
    const december = { kind: 'month', year: 2025, index: 12 } as const;
    // 15 Nov - 14 Dec: P only.
    expect((await f.as('director').report.period(december)).figures.received.total).toBe(1);
    expect(await f.as('admin').admin.reportSettings()).toEqual({ cutOffDay: 15, defaultCutOffDay: 15 });
    await f.as('admin').admin.saveReportSettings({ cutOffDay: 1 });
    const calendar = await f.as('director').report.period(december);
    expect(calendar.range).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(calendar.figures.received.total).toBe(2); // P and T
    const audit = await f.db.execute("SELECT action, entity_id FROM audit_log WHERE action = 'settings.update'");
    expect(audit.rows.map((r) => [r.action, r.entity_id])).toEqual([['settings.update', 'report_cut_off_day']]);
    for (const cutOffDay of [0, 29, 15.5]) {
      const refused = await f
        .as('admin')
        .admin.saveReportSettings({ cutOffDay })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(refused, String(cutOffDay)).toBeInstanceOf(TRPCError);
      expect(formatError(refused as TRPCError, 'vi').data.fieldErrors?.cutOffDay, String(cutOffDay)).toMatch(/từ 1 đến 28 \(15 theo Nghị định 09/);
      expect(formatError(refused as TRPCError, 'en').data.fieldErrors?.cutOffDay, String(cutOffDay)).toMatch(/from 1 to 28/);
    }
    expect((await f.as('admin').admin.reportSettings()).cutOffDay).toBe(1);
  });

  it('draws the current reporting period when none is given: 20 December is in next year’s first quarter', async () => {
    f.now = new Date('2026-12-20T02:00:00Z');
    const report = await f.as('inspector').report.period({ kind: 'quarter' });
    expect(report.period).toEqual({ kind: 'quarter', year: 2027, index: 1 });
    expect(report.range).toEqual({ from: '2026-12-15', to: '2027-03-14' });
    expect(report.signerName).toBeTruthy();
  });

  async function session(key: StaffKey) {
    const request = f.request();
    await createCaller({ services: f.services, request, staff: null }).auth.login({ username: STAFF[key].username, password: PASSWORD });
    const token = request.cookies[0];
    if (!token) throw new Error('no session');
    return f.request({ sessionToken: token });
  }

  it('exports the tables as an XLSX (a sheet each, frozen header, number formats) and a CSV safe against formulas', async () => {
    await buildFixture();
    // An admin may name a unit anything: a name that looks like a formula stays text in both files.
    await f.db.execute("UPDATE units SET name = '=HYPERLINK(\"http://evil.test\")' WHERE id = 'ward-b'");
    const query = { kind: 'quarter', year: '2026', index: '1' };
    const file = await exportPeriodReportXlsx(f.services, await session('inspector'), query);
    expect(file.filename).toBe('pakn-bao-cao-quarter-2026-1_2025-12-15_2026-03-14.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tiếp nhận', 'Kết quả xử lý', 'Lĩnh vực', 'Đơn vị', 'Nhắc nhở, biểu dương', 'So sánh kỳ trước']);
    const received = book.getWorksheet('Tiếp nhận');
    expect(received?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(received?.getRow(3).getCell(1).value).toBe('Kênh tiếp nhận');
    const totals = received?.getRow(3 + 6 + 1);
    expect(totals?.getCell(1).value).toBe('Tổng cộng');
    expect(totals?.getCell(6).value).toBe(8);
    expect(totals?.getCell(6).numFmt).toBe('#,##0');
    const results = book.getWorksheet('Kết quả xử lý');
    expect(results?.getRow(5).getCell(2).value).toBe(4); // on time
    expect(results?.getRow(5).getCell(3).value).toBeCloseTo(0.8, 6);
    expect(results?.getRow(5).getCell(3).numFmt).toBe('0.0%');
    const units = book.getWorksheet('Đơn vị');
    const ward = units?.getRow(4).getCell(1); // sorted before ward A by name
    expect(ward?.value).toBe('=HYPERLINK("http://evil.test")');
    expect(ward?.type).toBe(ExcelJS.ValueType.String);
    const csv = await exportText(await exportPeriodReportCsv(f.services, await session('director'), query));
    expect(csv.content).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(csv.content).not.toMatch(/(^|,)=HYPERLINK/m);
    const audit = await f.db.execute("SELECT actor_id, after_json FROM audit_log WHERE action = 'export.period_report' ORDER BY seq");
    expect(audit.rows.map((r) => [r.actor_id, (JSON.parse(String(r.after_json)) as { format: string }).format])).toEqual([
      [STAFF.inspector.id, 'xlsx'],
      [STAFF.director.id, 'csv'],
    ]);
  });
});
