import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_CITIZEN_LIMITS } from '../citizen-policy.ts';
import { createFixture, type Fixture } from '../test-fixture.ts';

/**
 * Issue 12: the dashboard's figures against a small history computed by hand. The first quarter of 2026 holds a
 * case forwarded before Tết and answered after it (then rated and reopened by a review request), a hotline call
 * paused for the citizen, a second call merged into it as a duplicate, a Zalo message referred out of scope and a
 * Zalo message from the first caller with an approved extension. Ward B has no case. The last quarter of 2025
 * holds one hotline call, the previous period's.
 */
const Q1 = { from: '2026-01-01', to: '2026-03-31' } as const;
const CALLER = '0912345678';

describe('issue 12: the dashboard figures of a hand-computed history', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture('embedded', { limits: NO_CITIZEN_LIMITS });
  });
  afterEach(() => f.close());

  async function logged(at: string, channel: 'hotline' | 'zalo', phone: string) {
    f.now = new Date(at);
    return f.as('intake').intake.logContact({ channel, summary: 'Công dân phản ánh cán bộ hẹn trả hồ sơ nhiều lần.', contact: { phone } });
  }

  async function forwarded(caseId: string) {
    await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' });
    await f.forward(caseId, 'ward-a');
  }

  async function history() {
    f.now = new Date('2025-12-10T02:00:00Z');
    await logged('2025-12-10T02:00:00Z', 'hotline', '0900000001');
    // A: submitted on Friday 13 February, the working day before the Tết holiday, and answered on the 25th.
    f.now = new Date('2026-02-13T02:00:00Z');
    const receipt = await f.submit();
    const a = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference);
    if (!a) throw new Error('The submitted case is not listed');
    await forwarded(a.id);
    f.now = new Date('2026-02-25T02:00:00Z');
    await f.answer(a.id, 'Phường đã trả kết quả cho công dân ngày 24/02/2026.');
    const tracked = { reference: receipt.reference, accessKey: receipt.accessKey };
    await f.citizen().case.rate({ ...tracked, score: 2 });
    await f.citizen().case.requestReview({ ...tracked, reason: 'Phường chưa giải thích lý do chậm trễ.' });
    // B: a hotline call at 08:30 on Tuesday 24 February, paused for the citizen; C: the same caller again, merged.
    const b = await logged('2026-02-24T01:30:00Z', 'hotline', CALLER);
    await forwarded(b.caseId);
    await f.as('handlerA').case.acknowledge({ caseId: b.caseId });
    await f.as('handlerA').case.requestInfo({ caseId: b.caseId, question: 'Đề nghị ông/bà gửi ảnh giấy hẹn trả kết quả.' });
    const c = await logged('2026-02-24T03:00:00Z', 'hotline', CALLER);
    await f.as('intake').case.merge({ primaryId: b.caseId, duplicateId: c.caseId });
    // D: out of scope; E: the first caller on Zalo, forwarded, with an approved extension of 10 working days.
    const d = await logged('2026-03-02T02:00:00Z', 'zalo', '0987654321');
    await f.as('intake').case.classify({ caseId: d.caseId, scope: 'out', outOfScopeClass: 'other', referral: 'Đề nghị liên hệ Công an phường.' });
    const e = await logged('2026-03-02T04:00:00Z', 'zalo', CALLER);
    await forwarded(e.caseId);
    await f.as('handlerA').case.acknowledge({ caseId: e.caseId });
    await f.as('handlerA').case.requestExtension({ caseId: e.caseId, days: 10, reason: 'Cần phối hợp với cơ quan thuế.' });
    await f.as('director').case.decideExtension({ caseId: e.caseId, approve: true });
    f.now = new Date('2026-03-03T02:00:00Z');
    await f.as('director').unit.record({ unitId: 'ward-a', kind: 'reprimand', note: 'Trả lời chậm, thiếu căn cứ.' });
    await f.as('director').unit.record({ unitId: 'ward-a', kind: 'commendation', note: 'Giải quyết dứt điểm hồ sơ tồn đọng.' });
  }

  it('counts each figure of the city, a group, a unit and the unit with no cases', async () => {
    await history();
    f.now = new Date('2026-03-26T02:00:00Z');
    const city = await f.as('director').dashboard.figures(Q1);
    expect(city.previous).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    // The merged duplicate C is not counted; A, B, D, E are.
    expect(city.current.channels).toEqual({ web_widget: 1, hotline: 1, zalo: 2 });
    expect(city.before.channels).toEqual({ hotline: 1 });
    // Distinct callers: B's on the hotline; D's and the same caller's (E) on Zalo.
    expect(city.current.contacts).toMatchObject({ hotline: 1, zalo: 2 });
    expect(city.current.scope).toEqual({ in: 3, out: 1 });
    expect(city.current.categories).toEqual({ late_result: 3, '': 1 });
    expect(city.current.units).toEqual({ 'ward-a': 3, '': 1 });
    expect(city.current.weekdayHours['2:08:hotline']).toBe(1);
    expect(city.current.days.filter((d) => d.day === '2026-03-02')).toEqual([{ day: '2026-03-02', channel: 'zalo', cases: 2 }]);
    // A's answer: on time; from Friday 13 February to Wednesday 25 February are 2 to 3 working days with the
    // Tết holiday left out (7 to 8 without it).
    expect(city.current.answers).toMatchObject({ count: 1, onTime: 1, timed: 1 });
    expect(city.current.answers.days).toBeGreaterThan(1.5);
    expect(city.current.answers.days).toBeLessThan(3.5);
    expect(city.current.ratings).toEqual({ count: 1, sum: 2 });
    expect(city.current).toMatchObject({ reprimands: 1, commendations: 1 });
    // Late on 26 March: E has its extension (without it, its 15 days ended on 23 March); B waits for the citizen.
    expect(city.overdueNow).toBe(0);

    const wards = await f.as('inspector').dashboard.figures({ ...Q1, group: 'wards' });
    expect(wards.current.channels).toEqual({ web_widget: 1, hotline: 1, zalo: 1 });
    const wardB = await f.as('director').dashboard.figures({ ...Q1, unitId: 'ward-b' });
    expect(wardB.current.channels).toEqual({});
    expect(wardB.current.answers).toMatchObject({ count: 0 });
    expect(wardB.overdueNow).toBe(0);
    // A unit's member sees their own unit, whatever they ask for.
    const own = await f.as('handlerA').dashboard.figures(Q1);
    expect(own.holder).toEqual({ kind: 'unit', unitId: 'ward-a' });
    expect(own.current.channels).toEqual({ web_widget: 1, hotline: 1, zalo: 1 });

    // After the extended deadline, E is overdue; B still waits for the citizen.
    f.now = new Date('2026-04-20T02:00:00Z');
    expect((await f.as('director').dashboard.figures(Q1)).overdueNow).toBe(1);
  });

  it('lists the cases behind a figure in the inbox', async () => {
    await history();
    const zalo = await f.as('intake').case.inbox({ status: 'all', ...Q1, channel: 'zalo' });
    expect(zalo.items).toHaveLength(2);
    expect(zalo.items.every((c) => c.channel === 'zalo')).toBe(true);
    const out = await f.as('intake').case.inbox({ status: 'all', ...Q1, scope: 'out' });
    expect(out.items.map((c) => c.status)).toEqual(['referred']);
    expect((await f.as('intake').case.inbox({ status: 'all', ...Q1, category: '-' })).items).toHaveLength(1);
    expect((await f.as('intake').case.inbox({ status: 'all', ...Q1, group: 'wards' })).items).toHaveLength(3);
    expect((await f.as('intake').case.inbox({ status: 'all', from: '2025-10-01', to: '2025-12-31' })).items).toHaveLength(1);
  });
});
