import { saveYearSchedule } from '@pakn/db';
import { CENTRE_FOUNDED_ON, listSpecialDays, YearScheduleSchema, type CalendarDay } from '@pakn/domain';
import * as z from 'zod/mini';
import { auditStaff } from '../audit.ts';
import { requirePermission, router, staffMutation, staffQuery } from '../trpc.ts';

const YearInputSchema = z.object({ year: z.number().check(z.int(), z.gte(2000), z.lte(2100)) });

/** An admin keeps the calendar for the years the Centre works in: a schedule for 1950 is a typo. */
const ScheduleInputSchema = YearScheduleSchema.check(
  z.refine((schedule) => schedule.year >= Number(CENTRE_FOUNDED_ON.slice(0, 4)), { error: 'date_too_early', path: ['year'] }),
);

function specialDays(days: CalendarDay[]) {
  return days.map((d) => ({ date: d.date, kind: d.kind, working: d.working, name: d.name, holiday: d.holiday }));
}

/**
 * The working-day calendar as staff see it, and as admins keep it: each year the government publishes extra
 * days off and make-up working days; admins enter them, preview the year, and save. From then on every
 * deadline uses them.
 */
export const calendarRouter = router({
  /** A year's holidays, days off and make-up working days, with the schedule in force. */
  year: staffQuery.input(YearInputSchema).query(async ({ ctx, input }) => {
    const calendars = ctx.services.calendars;
    return {
      year: input.year,
      schedule: await calendars.schedule(input.year),
      days: specialDays(listSpecialDays(await calendars.centre(), input.year)),
      /** Deadlines are still being counted again after a save. */
      recounting: await ctx.services.calendarRecount.pending(),
    };
  }),

  /** What the year would look like with this schedule, without saving it. */
  preview: staffMutation.input(ScheduleInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'manageCalendar');
    const calendar = await ctx.services.calendars.preview(input);
    return {
      year: input.year,
      schedule: input,
      days: specialDays(listSpecialDays(calendar, input.year)),
      recounting: await ctx.services.calendarRecount.pending(),
    };
  }),

  save: staffMutation.input(ScheduleInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'manageCalendar');
    const { db, now, calendars } = ctx.services;
    // Building the calendar first refuses a schedule the clock cannot use, before anything is stored.
    await calendars.preview(input);
    const before = await calendars.schedule(input.year);
    await db.write(async (tx) => {
      await saveYearSchedule(tx, input, ctx.staff.id, now());
      await auditStaff(tx, ctx, { action: 'calendar.save', entityType: 'year_schedule', entityId: String(input.year), before, after: input });
    });
    calendars.invalidate();
    // The deadlines of open cases and the timings of answers move with the calendar: they are counted again in
    // the background (calendar-recount.ts), which the page says while it runs.
    ctx.services.calendarRecount.start();
    return {
      year: input.year,
      schedule: await calendars.schedule(input.year),
      days: specialDays(listSpecialDays(await calendars.centre(), input.year)),
      recounting: await ctx.services.calendarRecount.pending(),
    };
  }),
});
