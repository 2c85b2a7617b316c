import { TRPCError } from '@trpc/server';
import { DomainError } from '@pakn/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCases } from './exports.ts';
import { exportUnitEvaluation } from './evaluation-exports.ts';
import { createCaller } from './router.ts';
import { createFixture, exportText, PASSWORD, STAFF, type DbMode, type Fixture, type StaffKey } from './test-fixture.ts';

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const CITIZEN = { name: 'Nguyễn Văn An', phone: '0912345678', email: 'an.nguyen@example.vn' };

describe.each<DbMode>(['embedded', 'remote'])('assignment, audit names and exports (%s database)', (mode) => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture(mode);
  });
  afterEach(() => f.close());

  async function forwardedCase(unitId = 'ward-a', overrides: Record<string, unknown> = {}) {
    const receipt = await f.submit(overrides);
    const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!;
    await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
    await f.forward(summary.id, unitId);
    return { ...receipt, caseId: summary.id };
  }

  /** A real session, as the HTTP export routes read it from the cookie. */
  async function session(key: StaffKey) {
    const request = f.request();
    await createCaller({ services: f.services, request, staff: null }).auth.login({ username: STAFF[key].username, password: PASSWORD });
    return f.request({ sessionToken: request.cookies[0]! });
  }

  describe('unit.staff', () => {
    it('lets a unit head list their own unit, and refuses another unit, a handler and a member without a unit', async () => {
      expect(await f.as('headA').unit.staff({ unitId: 'ward-a' })).toEqual([
        { id: 's-handler-a', displayName: 'Handler A', role: 'unit_handler' },
        { id: 's-head-a', displayName: 'Head A', role: 'unit_head' },
      ]);
      expect(await code(f.as('headA').unit.staff({ unitId: 'ward-b' }))).toBe('FORBIDDEN');
      expect(await code(f.as('handlerA').unit.staff({ unitId: 'ward-a' }))).toBe('FORBIDDEN');
      expect(await code(f.as('handlerB').unit.staff({ unitId: 'ward-a' }))).toBe('FORBIDDEN');
      expect(await code(f.as('handlerNoUnit').unit.staff({ unitId: 'ward-a' }))).toBe('FORBIDDEN');
    });

    it('lets the Centre, the inspector and the administrator list any unit', async () => {
      for (const key of ['intake', 'director', 'inspector', 'admin'] as const) {
        expect((await f.as(key).unit.staff({ unitId: 'ward-b' })).map((m) => m.displayName)).toEqual(['Handler B']);
      }
      expect(await code(f.as('intake').unit.staff({ unitId: 'no-such-unit' }))).toBe('NOT_FOUND');
      expect(await code(f.anonymous().unit.staff({ unitId: 'ward-a' }))).toBe('UNAUTHORIZED');
    });
  });

  describe('case.assign', () => {
    it('hands the case to a member of the unit, whose name the case and the inbox then show', async () => {
      const { caseId } = await forwardedCase();
      const assigned = await f.as('headA').case.assign({ caseId, staffId: 's-handler-a' });
      expect(assigned.assignee).toEqual({ id: 's-handler-a', displayName: 'Handler A', role: 'unit_handler' });
      expect((await f.as('handlerA').case.inbox({ assignedToMe: true })).items.map((c) => c.id)).toEqual([caseId]);
      expect((await f.as('headA').case.inbox({ assignedToMe: true })).items).toEqual([]);
      expect((await f.as('intake').case.inbox({})).items.find((c) => c.id === caseId)?.assignee?.displayName).toBe('Handler A');
    });

    it('refuses someone outside the unit, and anyone but the unit head', async () => {
      const { caseId } = await forwardedCase();
      try {
        await f.as('headA').case.assign({ caseId, staffId: 's-handler-b' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe('BAD_REQUEST');
        expect((error as TRPCError).cause).toMatchObject({ fields: { staffId: 'invalid' } });
      }
      expect(await code(f.as('headA').case.assign({ caseId, staffId: 's-intake' }))).toBe('BAD_REQUEST');
      expect(await code(f.as('handlerA').case.assign({ caseId, staffId: 's-handler-a' }))).toBe('FORBIDDEN');
      expect(await code(f.as('director').case.assign({ caseId, staffId: 's-handler-a' }))).toBe('FORBIDDEN');
      expect((await f.as('intake').case.get({ caseId })).assignee).toBeNull();
    });
  });

  describe('audit.list', () => {
    it('names the staff actor and their role, keeps the id, and filters by action, actor, day and entity', async () => {
      const { caseId } = await forwardedCase();
      const entries = (await f.as('inspector').audit.list({ entityType: 'case', entityId: caseId })).items;
      const approval = entries.find((e) => e.action === 'case.forwarded')!;
      expect(approval).toMatchObject({ actorId: 's-director', actorName: 'Director', actorRole: 'director' });
      expect(entries.find((e) => e.action === 'case.submitted')).toMatchObject({ actorKind: 'citizen', actorName: null });
      expect((await f.as('inspector').audit.list({ action: 'case.forward' })).items.map((e) => e.action)).toEqual([
        'case.forwarding_drafted',
        'case.forwarded',
      ]);
      expect((await f.as('inspector').audit.list({ actor: 'director' })).items.every((e) => e.actorId === 's-director')).toBe(true);
      expect((await f.as('inspector').audit.list({ actor: 'Intak' })).items.map((e) => e.action)).toEqual([
        'case.classified_in_scope',
        'case.forwarding_drafted',
      ]);
      // The fixture's clock is 2 March 2026, 09:00 in Hanoi.
      expect((await f.as('inspector').audit.list({ from: '2026-03-03' })).items).toEqual([]);
      expect((await f.as('inspector').audit.list({ from: '2026-03-02', to: '2026-03-02' })).items.length).toBe(entries.length);
      expect((await f.as('inspector').audit.list({ to: '2026-03-01' })).items).toEqual([]);
      const firstTwo = await f.as('inspector').audit.list({ limit: 2 });
      const next = await f.as('inspector').audit.list({ limit: 2, cursor: firstTwo.next! });
      expect(next.items[0]!.seq).toBeGreaterThan(firstTwo.items[1]!.seq);
      expect(await code(f.as('inspector').audit.list({ from: '2026-02-30' }))).toBe('BAD_REQUEST');
    });
  });

  describe('case export', () => {
    it('gives a unit only its own cases, without the identity of a citizen who asked for confidentiality', async () => {
      const secret = await forwardedCase('ward-a', { contact: CITIZEN, consent: true, confidential: true });
      const open = await forwardedCase('ward-a', { contact: { name: 'Trần Thị Bình', phone: '0987654321' }, consent: true, confidential: false });
      const other = await forwardedCase('ward-b');
      const csv = await exportText(await exportCases(f.services, await session('handlerA'), { status: 'all' }));
      expect(csv.rows).toBe(2);
      expect(csv.content).toContain(secret.reference);
      expect(csv.content).toContain(open.reference);
      expect(csv.content).not.toContain(other.reference);
      for (const part of ['Nguyễn', 'An', '0912', '678', 'an.nguyen', 'example.vn']) expect(csv.content).not.toContain(part);
      // The other citizen's identity appears as on screen: masked.
      expect(csv.content).not.toContain('0987654321');
      expect(csv.content).toContain('0987 *** 321');
      const centre = await exportText(await exportCases(f.services, await session('intake'), { status: 'all' }));
      expect(centre.rows).toBe(3);
      expect(centre.content).toContain('0912 *** 678');
      expect(centre.content).not.toContain('0912345678');
      expect(centre.content).not.toContain(CITIZEN.name);
    });

    it('applies the inbox filters, refuses the administrator and an anonymous caller, and audits who exported what', async () => {
      const { caseId, reference } = await forwardedCase();
      await forwardedCase();
      await f.as('headA').case.assign({ caseId, staffId: 's-handler-a' });
      const mine = await exportText(await exportCases(f.services, await session('handlerA'), { assignedToMe: '1' }));
      expect(mine.rows).toBe(1);
      expect(mine.content).toContain(reference);
      expect(mine.content).toContain('Handler A');
      expect(await code(exportCases(f.services, await session('admin'), {}))).toBe('forbidden');
      expect(await code(exportCases(f.services, f.request(), {}))).toBe('unauthenticated');
      expect(await code(exportCases(f.services, await session('handlerA'), { status: 'nonsense' }))).toBe('invalid');
      const audit = (await f.as('inspector').audit.list({ action: 'export.' })).items;
      expect(audit).toMatchObject([{ actorId: 's-handler-a', actorName: 'Handler A', after: { filter: { assignedToMe: true }, rows: 1 } }]);
    });
  });

  describe('unit evaluation', () => {
    it('counts on the working-day clock what each unit received, answered (on time or not), and what was recorded against it', async () => {
      // Monday 2 March 2026, 09:00 in Hanoi: three cases forwarded to ward A. The answer is due 15 working days later (23 March).
      const early = await forwardedCase();
      const late = await forwardedCase();
      await forwardedCase();
      f.now = new Date('2026-03-05T02:00:00Z'); // three working days later
      await f.answer(early.caseId, 'Phường đã trả kết quả và xin lỗi ông/bà.');
      await f.citizen().case.rate({ reference: early.reference, accessKey: early.accessKey, score: 5 });
      await f.as('intake').unit.record({ unitId: 'ward-a', kind: 'reminder', note: 'Đề nghị phường khẩn trương trả lời.' });
      await f.as('intake').unit.record({ unitId: 'ward-a', kind: 'escalation', note: 'Phường chậm trả lời nhiều phản ánh.' });
      await f.as('director').unit.record({ unitId: 'ward-a', kind: 'reprimand', note: 'Chậm trả lời phản ánh.' });
      await f.as('director').unit.record({ unitId: 'ward-b', kind: 'commendation', note: 'Giải quyết nhanh, đúng hẹn.' });
      f.now = new Date('2026-03-30T02:00:00Z'); // 20 working days after forwarding: late
      await f.answer(late.caseId, 'Phường đã trả kết quả cho ông/bà.');
      await f.citizen().case.rate({ reference: late.reference, accessKey: late.accessKey, score: 2 });
      await f.citizen().case.requestReview({ reference: late.reference, accessKey: late.accessKey, reason: 'Phường chưa giải thích lý do chậm trễ.' });

      const march = (await f.as('inspector').unit.evaluation({ from: '2026-03-01', to: '2026-03-31' })).rows;
      expect(march).toEqual([
        expect.objectContaining({
          unitId: 'ward-a',
          unitName: 'UBND phường A',
          received: 3,
          answered: 2,
          answeredOnTime: 1,
          overdueNow: 1,
          averageWorkingDaysToAnswer: 11.5,
          reminders: 1,
          escalations: 1,
          reprimands: 1,
          corrections: 0,
          commendations: 0,
          averageRating: 3.5,
          reviewsRequested: 1,
        }),
        expect.objectContaining({ unitId: 'ward-b', received: 0, commendations: 1, overdueNow: 0 }),
      ]);
      // Another period: only what is overdue now remains.
      expect((await f.as('director').unit.evaluation({ from: '2026-04-01', to: '2026-04-30' })).rows).toEqual([
        expect.objectContaining({ unitId: 'ward-a', received: 0, answered: 0, overdueNow: 1, averageWorkingDaysToAnswer: null, averageRating: null }),
        expect.objectContaining({ unitId: 'ward-b', received: 0, answered: 0, overdueNow: 0 }),
      ]);
      const csv = await exportText(await exportUnitEvaluation(f.services, await session('inspector'), { from: '2026-03-01', to: '2026-03-31' }));
      expect(csv.content.split('\r\n')[1]).toBe('chưa đủ số liệu,UBND phường A,,3,3,2,1,0.5,11.5,20,2,0,0,3.5,2,0,1,0,0,1,1,1,1,1,0,0,1');
    });

    it('is for the Centre and inspectors, over a valid period', async () => {
      expect(await code(f.as('handlerA').unit.evaluation({ from: '2026-03-01', to: '2026-03-31' }))).toBe('FORBIDDEN');
      expect(await code(f.as('headA').unit.evaluation({ from: '2026-03-01', to: '2026-03-31' }))).toBe('FORBIDDEN');
      expect(await code(f.as('intake').unit.evaluation({ from: '2026-03-31', to: '2026-03-01' }))).toBe('BAD_REQUEST');
      expect(await code(f.as('intake').unit.evaluation({ from: '2025-01-01', to: '2026-03-01' }))).toBe('BAD_REQUEST');
      expect(await code(exportUnitEvaluation(f.services, await session('handlerA'), { from: '2026-03-01', to: '2026-03-31' }))).toBe('forbidden');
      expect(await code(exportUnitEvaluation(f.services, await session('intake'), { from: '2026-3-1', to: '2026-03-31' }))).toBe('invalid');
    });
  });
});
