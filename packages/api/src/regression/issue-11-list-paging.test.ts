import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { insertCase, loadWorkingCalendars, nextReference, recountCaseQueues } from '@pakn/db';
import { formatError } from '../errors.ts';
import { createFixture, DESCRIPTION, type Fixture } from '../test-fixture.ts';

/**
 * Issue 11: the inbox loaded the 500 oldest cases and sorted those by deadline, so at scale newer cases never
 * appeared, however urgent; the follow-up page took the 5,000 oldest open cases the same way. The lists now page
 * through a stored key (the current stage's deadline, kept on every write): the most urgent first, and every
 * case reachable by following `next`.
 */
describe('issue 11: the lists page through every case, the most urgent first', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(() => f.close());

  /** Cases written straight into the database (as an import would), then keyed as migration 0014 does. */
  async function bulk(count: number, createdAt: string, status: 'received' | 'accepted'): Promise<void> {
    const at = new Date(createdAt);
    await f.db.write(async (tx) => {
      for (let i = 0; i < count; i++) {
        const id = randomUUID();
        const reference = await nextReference(tx, at.getUTCFullYear());
        await insertCase(
          tx,
          {
            id,
            reference,
            accessKeyHash: 'x',
            channel: 'hotline',
            siteKey: null,
            reportedCategory: null,
            concernedUnitId: null,
            description: DESCRIPTION,
            contact: undefined,
            confidential: false,
            consentAt: null,
            lang: 'vi',
          },
          at,
        );
        if (status !== 'received') await tx.execute({ sql: 'UPDATE cases SET status = ? WHERE id = ?', args: [status, id] });
      }
    });
    await recountCaseQueues(f.db, await loadWorkingCalendars(f.db), 'missing');
    await recountCaseQueues(f.db, await loadWorkingCalendars(f.db), 'all');
  }

  const logCall = () =>
    f.as('intake').intake.logContact({ channel: 'hotline', summary: 'Công dân gọi về hồ sơ cấp giấy phép xây dựng bị chậm.', confidential: false });

  it('shows the newest, most urgent cases first and reaches every case by paging', async () => {
    // 520 older cases, accepted on Thursday 12 March: due to be forwarded by Thursday 19 March.
    await bulk(520, '2026-03-12T02:00:00.000Z', 'accepted');
    // 30 calls on Monday 16 March, more recent than all of them but due to be classified by Tuesday 17.
    f.now = new Date('2026-03-16T02:00:00Z');
    const urgent = new Set<string>();
    for (let i = 0; i < 30; i++) urgent.add((await logCall()).caseId);

    const first = await f.as('intake').case.inbox({});
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(550);
    expect(new Set(first.items.slice(0, 30).map((c) => c.id))).toEqual(urgent);

    const seen: string[] = [];
    const dues: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<Fixture['as']>['case']['inbox']>> = await f.as('intake').case.inbox(cursor ? { cursor } : {});
      seen.push(...page.items.map((c) => c.id));
      dues.push(...page.items.map((c) => c.deadline?.dueAt ?? ''));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(550);
    expect(new Set(seen).size).toBe(550);
    expect(dues).toEqual([...dues].sort());
  });

  it('pages the follow-up lists: every overdue and at-risk case, and none that is neither', async () => {
    await bulk(60, '2026-03-10T02:00:00.000Z', 'received'); // due by Wednesday 11 March: overdue
    await bulk(230, '2026-03-12T02:00:00.000Z', 'accepted'); // due by Thursday 19 March: at risk
    await bulk(10, '2026-03-17T02:00:00.000Z', 'accepted'); // due by Tuesday 24 March: not yet at risk
    f.now = new Date('2026-03-18T03:00:00Z');

    const overdue: string[] = [];
    const atRisk: string[] = [];
    let overdueCursor: string | null | undefined;
    let atRiskCursor: string | null | undefined;
    let total: number | undefined;
    do {
      const page = await f.as('director').case.followUp({ limit: 25, ...(overdueCursor ? { overdueCursor } : {}) });
      total = page.overdue.total;
      overdue.push(...page.overdue.items.map((c) => c.id));
      expect(page.overdue.items.every((c) => c.deadline?.overdue)).toBe(true);
      overdueCursor = page.overdue.next;
    } while (overdueCursor);
    do {
      const page = await f.as('director').case.followUp({ limit: 40, ...(atRiskCursor ? { atRiskCursor } : {}) });
      atRisk.push(...page.atRisk.items.map((c) => c.id));
      expect(page.atRisk.items.every((c) => c.deadline?.atRisk && !c.deadline.overdue)).toBe(true);
      atRiskCursor = page.atRisk.next;
    } while (atRiskCursor);
    expect(total).toBe(60);
    expect(new Set(overdue).size).toBe(60);
    expect(new Set(atRisk).size).toBe(230);
    expect(atRisk).toHaveLength(230);
  });

  it('pages search results without repeating or losing a match', async () => {
    await bulk(70, '2026-03-02T01:00:00.000Z', 'received');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<Fixture['as']>['case']['inbox']>> = await f
        .as('intake')
        .case.inbox({ q: 'khai sinh', limit: 30, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBeNull();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(70);
    expect(new Set(seen).size).toBe(70);
  });

  it('keeps the stored keys equal to a full recount through a case’s whole life', async () => {
    const recount = async () => recountCaseQueues(f.db, await loadWorkingCalendars(f.db), 'all');
    const receipt = await f.submit();
    expect(await recount()).toBe(0);
    // A call logged by intake: its key also goes in with its INSERT.
    await logCall();
    expect(await recount()).toBe(0);
    const { id } = (await f.as('intake').case.findByReference({ reference: receipt.reference })) as { id: string };
    await f.as('intake').case.classify({ caseId: id, scope: 'in', category: 'late_result' });
    expect(await recount()).toBe(0);
    await f.forward(id, 'ward-a');
    expect(await recount()).toBe(0);
    await f.as('handlerA').case.acknowledge({ caseId: id });
    f.now = new Date('2026-03-04T02:00:00Z');
    await f.as('handlerA').case.requestInfo({ caseId: id, question: 'Đề nghị cung cấp số biên nhận hồ sơ.' });
    expect(await recount()).toBe(0);
    f.now = new Date('2026-03-09T02:00:00Z');
    await f.citizen().case.provideInfo({ reference: receipt.reference, accessKey: receipt.accessKey, message: 'Số biên nhận: 000.00.12.H26-0302.' });
    expect(await recount()).toBe(0);
    await f.as('handlerA').case.requestExtension({ caseId: id, days: 5, reason: 'Cần xác minh với cơ quan thuế.' });
    await f.as('director').case.decideExtension({ caseId: id, approve: true });
    expect(await recount()).toBe(0);
    await f.as('handlerA').case.submitAnswer({ caseId: id, outcome: 'substantiated', answer: 'Đã giải quyết hồ sơ cho công dân.' });
    await f.as('intake').case.verifyAnswer({ caseId: id });
    expect(await recount()).toBe(0);
    const stored = await f.db.execute({ sql: 'SELECT queue_rank FROM cases WHERE id = ?', args: [id] });
    expect(Number(stored.rows[0]?.queue_rank)).toBe(4);
  });

  it('moves a stored deadline when the working calendar changes', async () => {
    f.now = new Date('2026-03-02T02:00:00Z');
    const { caseId } = await logCall(); // due Tuesday 3 March
    const before = await f.as('intake').case.get({ caseId });
    const { schedule } = await f.as('admin').calendar.year({ year: 2026 });
    expect(schedule).not.toBeNull();
    if (!schedule) return;
    await f.as('admin').calendar.save({
      year: 2026,
      extraDaysOff: [...schedule.extraDaysOff, { date: '2026-03-03', name: 'Nghỉ (giả định để kiểm thử)' }],
      workingDays: [...schedule.workingDays],
      ...(schedule.tet ? { tet: [...schedule.tet] } : {}),
      ...(schedule.nationalDayCompanion ? { nationalDayCompanion: schedule.nationalDayCompanion } : {}),
    });
    await f.services.calendarRecount.idle(); // the stored keys are counted again in the background
    const after = await f.as('intake').case.get({ caseId });
    expect(after.deadline?.dueAt).not.toBe(before.deadline?.dueAt);
    const stored = await f.db.execute({ sql: 'SELECT queue_at FROM cases WHERE id = ?', args: [caseId] });
    expect(stored.rows[0]?.queue_at).toBe(after.deadline?.dueAt);
  });

  it('lists a case waiting for the citizen as at risk when little was left, after the running ones in the inbox', async () => {
    f.now = new Date('2026-03-02T02:00:00Z');
    const receipt = await f.submit();
    const { id } = await f.as('intake').case.findByReference({ reference: receipt.reference });
    await f.as('intake').case.classify({ caseId: id, scope: 'in', category: 'late_result' });
    await f.forward(id, 'ward-a'); // the answer is due Monday 23 March
    await f.as('handlerA').case.acknowledge({ caseId: id });
    f.now = new Date('2026-03-20T02:00:00Z'); // Friday: one working day left, then the clock stops
    await f.as('handlerA').case.requestInfo({ caseId: id, question: 'Đề nghị cung cấp số biên nhận hồ sơ.' });
    const running = (await logCall()).caseId; // due Monday 23 March, running
    f.now = new Date('2026-03-27T02:00:00Z'); // a week later, still waiting: the deadline moved with the wait
    const followUp = await f.as('director').case.followUp();
    expect(followUp.atRisk.items.map((c) => c.id)).toEqual([id]);
    expect(followUp.overdue.items.map((c) => c.id)).toEqual([running]);
    expect((await f.as('intake').case.inbox({})).items.map((c) => c.id)).toEqual([running, id]);
  });

  it('refuses a malformed cursor with a message in the user’s language', async () => {
    for (const call of [
      f.as('intake').case.inbox({ cursor: 'not a cursor' }),
      f.as('intake').case.inbox({ cursor: Buffer.from('{"k":"s","n":-1}').toString('base64url') }),
      f.as('intake').case.inbox({ q: 'khai sinh', cursor: Buffer.from('{"k":"q","r":1,"a":"x","i":"y"}').toString('base64url') }),
      f.as('director').case.followUp({ overdueCursor: 'e30' }),
    ]) {
      const error = await call.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      const words = 'Liên kết tới trang danh sách này không hợp lệ hoặc đã cũ. Vui lòng mở lại trang đầu.';
      expect(formatError(error as TRPCError, 'vi').data).toMatchObject({ reason: 'cursor_invalid', fieldErrors: { cursor: words } });
      expect(formatError(error as TRPCError, 'vi').message).toBe(words);
    }
  });
});
