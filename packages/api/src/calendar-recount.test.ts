import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pendingCalendarRecounts, saveYearSchedule } from '@pakn/db';
import { CalendarRecounter } from './calendar-recount.ts';
import { CalendarStore } from './calendar-store.ts';
import { createFixture, STAFF, type Fixture } from './test-fixture.ts';

/**
 * A calendar save no longer counts every open case's deadline inside the request (minutes at a million cases):
 * the recount runs in the background, says so, survives a restart, and a save during a run is not lost.
 */
describe('deadlines counted again after a calendar save, in the background', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(() => f.close());

  const storedDue = async (caseId: string) => (await f.db.execute({ sql: 'SELECT queue_at FROM cases WHERE id = ?', args: [caseId] })).rows[0]?.queue_at;

  /** A call logged on Monday 2 March 2026: due to be classified by Tuesday 3 March. */
  async function openCase(): Promise<string> {
    f.now = new Date('2026-03-02T02:00:00Z');
    const { caseId } = await f
      .as('intake')
      .intake.logContact({ channel: 'hotline', summary: 'Công dân phản ánh hồ sơ đất đai bị trả chậm.', confidential: false });
    return caseId;
  }

  async function schedule2026(extra: { date: string; name: string }[]) {
    const { schedule } = await f.as('admin').calendar.year({ year: 2026 });
    if (!schedule) throw new Error('No 2026 schedule in the fixture');
    return {
      ...schedule,
      tet: schedule.tet ? [...schedule.tet] : undefined,
      removedDays: schedule.removedDays ? [...schedule.removedDays] : undefined,
      workingDays: [...schedule.workingDays],
      extraDaysOff: [...schedule.extraDaysOff, ...extra],
    };
  }

  it('answers the save at once, says it is recounting, and the stored deadline follows when it is done', async () => {
    const caseId = await openCase();
    const before = await storedDue(caseId);
    const saved = await f.as('admin').calendar.save(await schedule2026([{ date: '2026-03-03', name: 'Nghỉ (kiểm thử)' }]));
    expect(saved.recounting).toBe(true);
    await f.services.calendarRecount.idle();
    const after = await f.as('intake').case.get({ caseId });
    expect(after.deadline?.dueAt).not.toBe(before);
    expect(await storedDue(caseId)).toBe(after.deadline?.dueAt);
    expect((await f.as('admin').calendar.year({ year: 2026 })).recounting).toBe(false);
    expect(await pendingCalendarRecounts(f.db)).toEqual([]);
  });

  it('resumes after a restart a recount that a save left pending', async () => {
    const caseId = await openCase();
    const before = await storedDue(caseId);
    // The save committed, then the process stopped before its recount ran.
    const schedule = await schedule2026([{ date: '2026-03-03', name: 'Nghỉ (kiểm thử)' }]);
    await f.db.write((tx) => saveYearSchedule(tx, schedule, STAFF.admin.id, f.now));
    f.services.calendars.invalidate(); // what the restarted process reads
    expect(await pendingCalendarRecounts(f.db)).toHaveLength(1);
    expect((await f.as('admin').calendar.year({ year: 2026 })).recounting).toBe(true);

    const errors: unknown[] = [];
    const restarted = new CalendarRecounter(f.db, new CalendarStore(f.db), (error) => errors.push(error));
    restarted.start();
    await restarted.idle();
    expect(errors).toEqual([]);
    expect(await storedDue(caseId)).not.toBe(before);
    expect(await storedDue(caseId)).toBe((await f.as('intake').case.get({ caseId })).deadline?.dueAt);
    expect(await pendingCalendarRecounts(f.db)).toEqual([]);
  });

  it('counts again a save that lands while a recount runs, with the calendar it saved', async () => {
    const caseId = await openCase();
    await f.as('admin').calendar.save(await schedule2026([{ date: '2026-03-03', name: 'Nghỉ (kiểm thử)' }]));
    // Before the first run ends, a second save: 4 March off as well.
    await f.as('admin').calendar.save(await schedule2026([{ date: '2026-03-04', name: 'Nghỉ (kiểm thử, lần hai)' }]));
    await f.services.calendarRecount.idle();
    const view = await f.as('intake').case.get({ caseId });
    expect(view.deadline?.dueAt).toBe('2026-03-05T02:00:00.000Z'); // 3 and 4 March off: due Thursday 5 March
    expect(await storedDue(caseId)).toBe(view.deadline?.dueAt);
    expect(await pendingCalendarRecounts(f.db)).toEqual([]);
  });

  it('keeps a failed recount pending and reports it; the next start finishes it', async () => {
    const caseId = await openCase();
    const schedule = await schedule2026([{ date: '2026-03-03', name: 'Nghỉ (kiểm thử)' }]);
    await f.db.write((tx) => saveYearSchedule(tx, schedule, STAFF.admin.id, f.now));
    f.services.calendars.invalidate(); // what the restarted process reads
    const errors: unknown[] = [];
    const broken = new CalendarStore(f.db);
    broken.all = () => Promise.reject(new Error('calendar unreadable'));
    const failing = new CalendarRecounter(f.db, broken, (error) => errors.push(error));
    failing.start();
    await failing.idle();
    expect(errors).toHaveLength(1);
    expect(await pendingCalendarRecounts(f.db)).toHaveLength(1);

    const healthy = new CalendarRecounter(f.db, new CalendarStore(f.db), (error) => errors.push(error));
    healthy.start();
    await healthy.idle();
    expect(errors).toHaveLength(1);
    expect(await storedDue(caseId)).toBe((await f.as('intake').case.get({ caseId })).deadline?.dueAt);
    expect(await pendingCalendarRecounts(f.db)).toEqual([]);
  });
});
