import { TRPCError } from '@trpc/server';
import { setUnitOfficeHours } from '@pakn/db';
import { OFFICE_HOURS_WITH_SATURDAY_MORNING } from '@pakn/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from './test-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(() => f.close());

const schedule2027 = {
  year: 2027,
  extraDaysOff: [{ date: '2027-04-30', name: 'Nghỉ bù (giả định để kiểm thử)' }],
  workingDays: [{ date: '2027-05-08', name: 'Làm bù cho thứ Sáu 30/4 (giả định)' }],
  tet: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'],
  source: 'Kiểm thử',
};

describe('the calendar admins keep', () => {
  it('shows every staff member a year with its holidays and the published swap days', async () => {
    const year = await f.as('handlerA').calendar.year({ year: 2025 });
    const byDate = new Map(year.days.map((d) => [d.date, d]));
    expect(byDate.get('2025-01-29')?.kind).toBe('public_holiday'); // Tết
    expect(byDate.get('2025-04-26')?.working).toBe(true); // the Saturday worked for the 30 April bridge
    expect(byDate.get('2025-05-02')?.working).toBe(false);
  });

  it('lets an admin preview and save a new year, and deadlines use it from then on', async () => {
    const preview = await f.as('admin').calendar.preview(schedule2027);
    expect(preview.days.find((d) => d.date === '2027-04-30')?.working).toBe(false);
    // Not saved yet: 30 April 2027 is a statutory holiday anyway, but 8 May (a Saturday) is not worked.
    expect((await f.as('admin').calendar.year({ year: 2027 })).days.some((d) => d.date === '2027-05-08')).toBe(false);

    await f.as('admin').calendar.save(schedule2027);
    const saved = await f.as('intake').calendar.year({ year: 2027 });
    expect(saved.schedule?.source).toBe('Kiểm thử');
    expect(saved.days.find((d) => d.date === '2027-05-08')?.working).toBe(true);

    // A case received on Friday 7 May 2027 at 10:00 is classified by the next working day: Saturday 8 May.
    f.now = new Date('2027-05-07T03:00:00Z');
    const receipt = await f.submit();
    const view = await f.citizen().case.track(receipt);
    expect(view.deadline?.dueAt).toBe('2027-05-08T03:00:00.000Z');
  });

  it('refuses a schedule that is not consistent', async () => {
    const bad = { ...schedule2027, workingDays: [{ date: '2027-04-30', name: 'Mâu thuẫn' }] };
    const error = await f
      .as('admin')
      .calendar.save(bad)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('lets only admins change the calendar', async () => {
    for (const who of ['intake', 'director', 'inspector', 'handlerA'] as const) {
      const error = await f
        .as(who)
        .calendar.save(schedule2027)
        .catch((e: TRPCError) => e);
      expect((error as TRPCError).code, who).toBe('FORBIDDEN');
    }
  });
});

describe('deadlines on the staff side', () => {
  async function forwardedCase(unitId = 'ward-a') {
    const receipt = await f.submit();
    const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!;
    await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
    await f.forward(summary.id, unitId);
    return summary.id;
  }

  it('gives the unit 15 working days from forwarding, counted on its own office hours', async () => {
    // Monday 2 March 2026, 09:00 in Hanoi.
    f.now = new Date('2026-03-02T02:00:00Z');
    const standard = await forwardedCase('ward-a');
    expect((await f.as('intake').case.get({ caseId: standard })).deadline).toMatchObject({
      stage: 'answer',
      dueAt: '2026-03-23T02:00:00.000Z', // 15 working days later: Monday 23 March
      overdue: false,
    });
    await f.db.write((tx) => setUnitOfficeHours(tx, 'ward-b', OFFICE_HOURS_WITH_SATURDAY_MORNING));
    f.services.calendars.invalidate();
    const saturday = await forwardedCase('ward-b');
    const due = (await f.as('intake').case.get({ caseId: saturday })).deadline!.dueAt;
    expect(due < '2026-03-23T02:00:00.000Z').toBe(true); // three Saturday mornings count
  });

  it('lists at-risk and overdue cases, and orders the inbox by deadline', async () => {
    f.now = new Date('2026-03-02T02:00:00Z');
    const first = await forwardedCase();
    f.now = new Date('2026-03-09T02:00:00Z');
    const second = await forwardedCase();
    f.now = new Date('2026-03-20T02:00:00Z'); // Friday: the first is due Monday 23, the second on 30 March
    let followUp = await f.as('director').case.followUp();
    expect(followUp.atRisk.items.map((c) => c.id)).toEqual([first]);
    expect(followUp.overdue.items).toEqual([]);
    f.now = new Date('2026-03-24T02:00:00Z');
    followUp = await f.as('director').case.followUp();
    expect(followUp.overdue.items.map((c) => c.id)).toEqual([first]);
    expect(followUp.overdue.items[0]?.deadline?.overdueWorkingDays).toBe(1);
    const inbox = (await f.as('handlerA').case.inbox({})).items;
    expect(inbox.map((c) => c.id)).toEqual([first, second]);
    expect((await f.as('handlerB').case.followUp()).overdue.items).toEqual([]);
  });
});
