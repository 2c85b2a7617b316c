import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { TRPCError } from '@trpc/server';
import { loadWorkingCalendars, recountCaseQueues } from '@pakn/db';
import { formatError } from '../errors.ts';
import { exportCases } from '../exports.ts';
import { createCaller } from '../router.ts';
import { createFixture, exportText, PASSWORD, STAFF, type Fixture } from '../test-fixture.ts';

/**
 * Issue 9, defect 5: a contact dated in the year 1200 broke the Centre's inbox, the follow-up page and the CSV
 * export for everyone, and its case could no longer be opened (the working calendar covers 1901–2199 and its
 * refusal became a 400 for the whole list). Such rows already exist in real databases, so the test writes one
 * straight into the database: the lists must still answer, with the row flagged instead of the page refused.
 */
describe('issue 9: a case dated in the year 1200', () => {
  let f: Fixture;
  let ancientId: string;
  let ancientReference: string;
  let ancientKey: string;
  let healthyReference: string;
  let logged: MockInstance<typeof console.error>;

  beforeEach(async () => {
    f = await createFixture();
    const log = (summary: string) =>
      f.as('intake').intake.logContact({ channel: 'hotline', summary, contact: { name: 'Nguyễn Thị Hoa', phone: '0912345678' }, confidential: true });
    const ancient = await log('Công dân gọi về hồ sơ đất đai bị trả muộn so với giấy hẹn.');
    const healthy = await log('Công dân gọi về việc cấp giấy phép xây dựng bị chậm.');
    ancientId = ancient.caseId;
    ancientReference = ancient.reference;
    ancientKey = ancient.accessKey ?? '';
    healthyReference = healthy.reference;
    // The bad row, as an old import or a typo in an earlier version left it.
    const at = '1200-03-02T02:00:00.000Z';
    await f.db.execute({ sql: 'UPDATE cases SET created_at = ?, updated_at = ? WHERE id = ?', args: [at, at, ancientId] });
    await f.db.execute({ sql: 'UPDATE contacts SET at = ? WHERE case_id = ?', args: [at, ancientId] });
    await f.db.execute({ sql: 'UPDATE case_events SET at = ? WHERE case_id = ?', args: [at, ancientId] });
    // Such rows predate the stored list keys (issue 11): migration 0014 computes theirs, as this does.
    await recountCaseQueues(f.db, await loadWorkingCalendars(f.db), 'all');
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    logged.mockRestore();
    await f.close();
  });

  it('keeps the inbox up and lists the row with a warning instead of its deadline', async () => {
    const inbox = (await f.as('intake').case.inbox({})).items;
    const ancient = inbox.find((c) => c.reference === ancientReference);
    const healthy = inbox.find((c) => c.reference === healthyReference);
    expect(ancient).toMatchObject({ deadline: null, presentationWarning: 'deadline_unavailable' });
    expect(healthy?.deadline).not.toBeNull();
    expect(healthy?.presentationWarning).toBeNull();
  });

  it('keeps the follow-up page up, and lists the case to chase with its warning', async () => {
    const followUp = await f.as('director').case.followUp();
    const listed = followUp.overdue.items.find((c) => c.reference === ancientReference);
    expect(listed).toMatchObject({ deadline: null, presentationWarning: 'deadline_unavailable' });
    expect(followUp.atRisk.items.map((c) => c.reference)).not.toContain(ancientReference);
  });

  it('opens the case itself, flagged', async () => {
    const view = await f.as('intake').case.get({ caseId: ancientId });
    expect(view).toMatchObject({ reference: ancientReference, deadline: null, presentationWarning: 'deadline_unavailable' });
  });

  it('exports the CSV with the row and without its deadline', async () => {
    // Signed in through the session cookie, as the portal's download is.
    const request = f.request();
    await createCaller({ services: f.services, request, staff: null }).auth.login({ username: STAFF.intake.username, password: PASSWORD });
    const csv = await exportText(await exportCases(f.services, f.request({ sessionToken: request.cookies[0] ?? null }), {}));
    expect(csv.rows).toBe(2);
    expect(csv.content).toContain(ancientReference);
    expect(csv.content).toContain(healthyReference);
  });

  it('lets the citizen track the case', async () => {
    const tracked = await f.citizen().case.track({ reference: ancientReference, accessKey: ancientKey });
    expect(tracked).toMatchObject({ reference: ancientReference, deadline: null });
  });

  it('logs the failure once per row and without the citizen', async () => {
    await f.as('intake').case.inbox({});
    await f.as('director').case.inbox({ status: 'all' });
    await f.as('intake').case.get({ caseId: ancientId });
    const lines = logged.mock.calls.map((args) => args.map(String).join(' '));
    expect(lines.filter((l) => l.includes(ancientId))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/Nguyễn|0912345678/);
  });
});

describe('issue 9: the server refuses dates out of range, per field', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(() => f.close());

  const fieldsOf = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    const trpc = error as TRPCError;
    expect(trpc.code).toBe('BAD_REQUEST');
    return formatError(trpc, 'vi').data.fieldErrors;
  };

  it('refuses a contact in the year 1200 or in the future', async () => {
    const summary = 'Công dân gọi về hồ sơ đất đai bị trả muộn so với giấy hẹn.';
    expect(await fieldsOf(f.as('intake').intake.logContact({ channel: 'hotline', summary, at: '1200-03-02T09:00:00+07:00' }))).toEqual({
      at: 'Ngày không được trước ngày 01/01/2010.',
    });
    const tomorrow = new Date(f.now.getTime() + 86_400_000).toISOString();
    expect(await fieldsOf(f.as('intake').intake.logContact({ channel: 'hotline', summary, at: tomorrow }))).toEqual({ at: 'Ngày không được sau hôm nay.' });
  });

  it("refuses a report whose result came after today (the fixture's today is 2026-03-02)", async () => {
    expect(await fieldsOf(f.submit({ appointmentDate: '2026-02-20', returnedDate: '2026-05-01' }))).toEqual({ returnedDate: 'Ngày không được sau hôm nay.' });
    await expect(f.submit({ appointmentDate: '2026-02-20', returnedDate: '2026-03-02' })).resolves.toMatchObject({ reference: expect.any(String) });
  });

  it('answers 400, not a crash, for the daily statistics of 0000-00-00 or of the year 1200', async () => {
    expect(await fieldsOf(f.as('intake').intake.dailyStats({ date: '0000-00-00' }))).toEqual({ date: 'Ngày không hợp lệ.' });
    expect(await fieldsOf(f.as('intake').intake.dailyStats({ date: '1200-03-02' }))).toEqual({ date: 'Ngày không được trước ngày 01/01/2010.' });
    await expect(f.as('intake').intake.dailyStats({ date: '2026-03-02' })).resolves.toMatchObject({ date: '2026-03-02' });
  });
});
