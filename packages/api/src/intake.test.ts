import type { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from './test-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
  f.now = new Date('2026-03-02T09:00:00Z'); // Monday 16:00 in Hanoi
});
afterEach(() => f.close());

const summary = 'Công dân phản ánh hồ sơ cấp phiếu lý lịch tư pháp trả muộn 5 ngày.';

describe('intake from the hotline, Zalo and Viber', () => {
  it('logs a call as a case the caller can track, and recognises the caller next time', async () => {
    const first = await f.as('intake').intake.logContact({ channel: 'hotline', summary, contact: { name: 'Trần Văn Cường', phone: '0912 345 678' } });
    expect(first).toMatchObject({ followUp: false, repeatCaller: { phoneMasked: '0912 *** 678', earlierContacts: 0, cases: [] } });
    expect(first.accessKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect((await f.citizen().case.track({ reference: first.reference, accessKey: first.accessKey! })).status).toBe('received');

    const again = await f
      .as('intake')
      .intake.logContact({ channel: 'zalo', existingCaseId: first.caseId, summary: 'Gọi lại hỏi tiến độ xử lý hồ sơ.', contact: { phone: '+84912345678' } });
    expect(again).toMatchObject({
      caseId: first.caseId,
      followUp: true,
      accessKey: null,
      repeatCaller: { earlierContacts: 1, cases: [{ reference: first.reference }] },
    });
    const history = await f.as('intake').intake.callerHistory({ phone: '0912-345-678' });
    expect(history.contacts.map((c) => [c.channel, c.followUp])).toEqual([
      ['zalo', true],
      ['hotline', false],
    ]);
    const view = await f.as('intake').case.get({ caseId: first.caseId });
    expect(view.channel).toBe('hotline');
    expect(view.events.map((e) => e.kind)).toEqual(['submitted', 'contact_logged']);
  });

  it('counts a day the way the Centre reports it: 121 calls from 73 numbers, 95 Zalo, 4 Viber', async () => {
    const cases: string[] = [];
    for (let i = 0; i < 73; i++) {
      const phone = `09${String(10_000_000 + i).padStart(8, '0')}`;
      cases.push((await f.as('intake').intake.logContact({ channel: 'hotline', summary, contact: { phone } })).caseId);
    }
    for (let i = 0; i < 48; i++) {
      const phone = `09${String(10_000_000 + (i % 73)).padStart(8, '0')}`;
      await f
        .as('intake')
        .intake.logContact({ channel: 'hotline', existingCaseId: cases[i % 73]!, summary: 'Gọi lại hỏi tiến độ giải quyết.', contact: { phone } });
    }
    for (let i = 0; i < 95; i++) await f.as('intake').intake.logContact({ channel: 'zalo', summary });
    for (let i = 0; i < 4; i++) await f.as('intake').intake.logContact({ channel: 'viber', summary });
    await f.submit();
    expect(await f.as('director').intake.dailyStats({ date: '2026-03-02' })).toEqual({
      date: '2026-03-02',
      calls: 121,
      distinctCallers: 73,
      zalo: 95,
      viber: 4,
      walkIn: 0,
      email: 0,
      webWidget: 1,
      followUps: 48,
    });
    expect((await f.as('director').intake.dailyStats({ date: '2026-03-03' })).calls).toBe(0);
  });

  it('lets only intake officers and the Director log contacts', async () => {
    for (const who of ['handlerA', 'inspector', 'admin'] as const) {
      const error = await f
        .as(who)
        .intake.logContact({ channel: 'hotline', summary })
        .catch((e: TRPCError) => e);
      expect((error as TRPCError).code, who).toBe('FORBIDDEN');
    }
  });

  it('explains a bad number beside the field', async () => {
    const error = await f
      .as('intake')
      .intake.logContact({ channel: 'hotline', summary, contact: { phone: '12345678' } })
      .catch((e: TRPCError) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });
});
