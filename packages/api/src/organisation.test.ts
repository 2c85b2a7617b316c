import { TRPCError } from '@trpc/server';
import { setStaffEmail } from '@pakn/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverOutbox } from './notifications.ts';
import { createFixture, type Fixture } from './test-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(() => f.close());

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

async function forwardedCase() {
  const receipt = await f.submit();
  const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!;
  await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
  await f.forward(summary.id, 'ward-a');
  return { ...receipt, caseId: summary.id };
}

describe('follow-up records against units', () => {
  it('sends a reminder (đôn đốc) to the unit, records it on the case, and keeps it for the evaluation', async () => {
    await f.db.write((tx) => setStaffEmail(tx, 's-handler-a', 'xuly.a@pakn.example'));
    const { caseId } = await forwardedCase();
    await f.as('intake').unit.record({ unitId: 'ward-a', caseId, kind: 'reminder', note: 'Đề nghị phường trả lời trước ngày 10/3.' });
    const mails: { to: string; subject: string }[] = [];
    await deliverOutbox(f.db, { send: async (m) => void mails.push(m) }, f.now);
    expect(mails.map((m) => m.subject)).toContain(`[PAKN] Đôn đốc xử lý phản ánh ${(await f.as('intake').case.get({ caseId })).reference}`);
    expect((await f.as('intake').case.get({ caseId })).events.map((e) => e.kind)).toContain('reminder_sent');
    const records = await f.as('handlerA').unit.records({});
    expect(records.map((r) => [r.kind, r.caseId])).toEqual([['reminder', caseId]]);
    expect(await f.as('handlerB').unit.records({})).toEqual([]);
  });

  it('lets only the Director record reprimands and commendations, and flag a unit for inspection', async () => {
    const { caseId } = await forwardedCase();
    expect(await code(f.as('intake').unit.record({ unitId: 'ward-a', caseId, kind: 'reprimand', note: 'Chậm trả lời nhiều lần.' }))).toBe('FORBIDDEN');
    expect(await code(f.as('director').unit.record({ unitId: 'ward-a', caseId, kind: 'reprimand', note: 'Chậm trả lời nhiều lần.' }))).toBe('OK');
    expect(await code(f.as('director').unit.record({ unitId: 'ward-b', kind: 'commendation', note: 'Giải quyết nhanh, đúng hẹn.' }))).toBe('OK');
    expect(await code(f.as('handlerA').unit.record({ unitId: 'ward-a', kind: 'reminder', note: 'Tự nhắc.' }))).toBe('FORBIDDEN');
    expect(await code(f.as('intake').unit.setInspection({ unitId: 'ward-a', underInspection: true, reason: 'Nhiều phản ánh.' }))).toBe('FORBIDDEN');
    await f.as('director').unit.setInspection({ unitId: 'ward-a', underInspection: true, reason: 'Nhiều phản ánh quá hạn.' });
    expect((await f.as('intake').unit.list()).find((u) => u.id === 'ward-a')?.underInspection).toBe(true);
  });
});

describe('merging duplicates', () => {
  it('closes the duplicate, keeps its contacts on the primary case, and points its citizen there', async () => {
    const primary = await forwardedCase();
    const dupReceipt = await f.submit();
    const dup = (await f.as('intake').case.inbox({})).items.find((c) => c.reference === dupReceipt.reference)!;
    const merged = await f.as('intake').case.merge({ primaryId: primary.caseId, duplicateId: dup.id });
    expect(merged.events.at(-1)?.note).toContain(dupReceipt.reference);
    const tracked = await f.citizen().case.track(dupReceipt);
    expect(tracked).toMatchObject({ status: 'merged', mergedInto: primary.reference });
    expect(await code(f.as('intake').case.merge({ primaryId: primary.caseId, duplicateId: dup.id }))).toBe('CONFLICT');
    expect(await code(f.as('intake').case.merge({ primaryId: primary.caseId, duplicateId: primary.caseId }))).toBe('BAD_REQUEST');
    expect(await code(f.as('handlerA').case.merge({ primaryId: primary.caseId, duplicateId: dup.id }))).toBe('FORBIDDEN');
  });
});

describe('the directory of competent authorities', () => {
  const police = {
    id: 'cong-an-tp',
    outOfScopeClass: 'crime_report' as const,
    name: { vi: 'Công an Thành phố Hà Nội', en: 'Hanoi City Police' },
    referral: { vi: 'Đề nghị Ông/Bà liên hệ Công an Thành phố Hà Nội, số 87 Trần Hưng Đạo.', en: 'Please contact Hanoi City Police, 87 Tran Hung Dao.' },
  };

  it('is edited by admins and read by every staff member', async () => {
    expect(await code(f.as('intake').authority.save(police))).toBe('FORBIDDEN');
    await f.as('admin').authority.save(police);
    expect((await f.as('handlerA').authority.list()).map((a) => a.name.vi)).toEqual(['Công an Thành phố Hà Nội']);
    await f.as('admin').authority.remove({ id: police.id });
    expect(await f.as('intake').authority.list()).toEqual([]);
  });
});

describe('the audit trail for inspectors', () => {
  it('is readable by inspectors and the Director only, and verifies', async () => {
    await forwardedCase();
    expect(await code(f.as('handlerA').audit.list({}))).toBe('FORBIDDEN');
    expect(await code(f.as('intake').audit.verify())).toBe('FORBIDDEN');
    expect((await f.as('inspector').audit.list({ entityType: 'case' })).items.length).toBeGreaterThanOrEqual(3);
    expect(await f.as('inspector').audit.verify()).toMatchObject({ ok: true });
  });
});
