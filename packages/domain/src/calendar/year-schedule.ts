/**
 * The holiday schedule the government publishes each year for civil servants, as data an administrator
 * can enter: the exact Tết days, the National Day companion day, bridge days off and the weekend days
 * worked in exchange (swap days). A holiday the law adds later is entered here too, as an extra day off,
 * until the statutory rules in holidays.ts learn it.
 */
import * as z from 'zod/mini';
import { isIsoDate, type IsoDate } from './civil-date.ts';

export interface ScheduleDay {
  readonly date: IsoDate;
  /** What staff see, in Vietnamese. */
  readonly name: string;
}

export interface YearSchedule {
  readonly year: number;
  /**
   * Days off on top of the statutory holidays: bridge days swapped with a worked weekend day, or a one-off
   * day off. They are never compensated when they fall on a weekly day off.
   */
  readonly extraDaysOff: readonly ScheduleDay[];
  /** Weekend days worked in exchange for a bridge day off. They are worked with `OfficeHours.swapDay`. */
  readonly workingDays: readonly ScheduleDay[];
  /** The Tết holiday days as the government set them; replaces the default five days. */
  readonly tet?: readonly IsoDate[] | undefined;
  /** The day paired with 2 September: `YYYY-09-01` or `YYYY-09-03` (default 3 September). */
  readonly nationalDayCompanion?: IsoDate | undefined;
  /** Statutory holidays or computed compensatory days off that this schedule cancels. */
  readonly removedDays?: readonly IsoDate[] | undefined;
  /** Where the schedule was published. */
  readonly source?: string | undefined;
}

export const CALENDAR_MIN_YEAR = 1901;
export const CALENDAR_MAX_YEAR = 2199;

const IsoDateSchema = z.string().check(z.refine((value) => isIsoDate(value), { error: 'date_format' }));

export const ScheduleDaySchema = z.object({
  date: IsoDateSchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

/** A schedule's dates lie in its year, or in the last days of December / first days of January around it. */
function isNearYear(date: string, year: number): boolean {
  return date >= `${year - 1}-12-01` && date <= `${year + 1}-01-31`;
}

export const YearScheduleSchema = z
  .object({
    year: z.number().check(z.int(), z.gte(CALENDAR_MIN_YEAR), z.lte(CALENDAR_MAX_YEAR)),
    extraDaysOff: z._default(z.array(ScheduleDaySchema), []),
    workingDays: z._default(z.array(ScheduleDaySchema), []),
    tet: z.optional(z.array(IsoDateSchema).check(z.minLength(1), z.maxLength(10))),
    nationalDayCompanion: z.optional(IsoDateSchema),
    removedDays: z.optional(z.array(IsoDateSchema)),
    source: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  })
  .check(
    z.refine(
      (schedule) =>
        [...schedule.extraDaysOff, ...schedule.workingDays].every((day) => isNearYear(day.date, schedule.year)) &&
        (schedule.removedDays ?? []).every((date) => isNearYear(date, schedule.year)),
      { error: 'date_outside_year' },
    ),
    z.refine((schedule) => (schedule.tet ?? []).every((date) => date.startsWith(`${schedule.year}-0`) && date < `${schedule.year}-03-01`), {
      error: 'tet_outside_january_february',
      path: ['tet'],
    }),
    z.refine(
      (schedule) =>
        schedule.nationalDayCompanion === undefined ||
        schedule.nationalDayCompanion === `${schedule.year}-09-01` ||
        schedule.nationalDayCompanion === `${schedule.year}-09-03`,
      { error: 'national_day_companion_not_adjacent', path: ['nationalDayCompanion'] },
    ),
    z.refine(
      (schedule) => {
        const off = new Set(schedule.extraDaysOff.map((day) => day.date));
        return schedule.workingDays.every((day) => !off.has(day.date));
      },
      { error: 'day_both_worked_and_off', path: ['workingDays'] },
    ),
  );
export type YearScheduleInput = z.input<typeof YearScheduleSchema>;

/**
 * 2025, as published for civil servants (Ministry of Labour, Invalids and Social Affairs, on the Prime
 * Minister's approval):
 * - Tết Ất Tỵ: Saturday 25 January to Sunday 2 February (9 days). The five Tết days are the default
 *   (28 January, the 29th and last day of the lunar year, to 1 February); Monday 27 January is a bridge
 *   day worked back on Saturday 8 February.
 * - 30 April and 1 May: Wednesday 30 April to Sunday 4 May; Friday 2 May worked back on Saturday 26 April.
 * - Hùng Kings: Monday 7 April (statutory). National Day: Saturday 30 August to Tuesday 2 September, the
 *   companion day being Monday 1 September.
 */
export const YEAR_SCHEDULE_2025: YearSchedule = Object.freeze({
  year: 2025,
  extraDaysOff: [
    { date: '2025-01-27', name: 'Nghỉ hoán đổi dịp Tết Âm lịch (làm bù thứ Bảy 08/02/2025)' },
    { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 - 1/5 (làm bù thứ Bảy 26/04/2025)' },
  ],
  workingDays: [
    { date: '2025-02-08', name: 'Làm bù cho thứ Hai 27/01/2025' },
    { date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/05/2025' },
  ],
  nationalDayCompanion: '2025-09-01',
  source: 'Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức (Bộ Lao động - Thương binh và Xã hội)',
});

/**
 * 2026, as far as published when this was written:
 * - Tết Dương lịch: Thursday 1 to Sunday 4 January; Friday 2 January worked back on Saturday 10 January
 *   (Government Office letter 12729/VPCP-KGVX of 25 December 2025).
 * - Tết Bính Ngọ: Saturday 14 to Sunday 22 February (9 days): the default five Tết days (16-20 February)
 *   between two weekends, so nothing needs entering.
 * - Hùng Kings falls on Sunday 26 April: the statutory rule gives Monday 27 April off.
 * - National Day: the companion day was not yet published; the default (3 September) applies until an
 *   administrator enters it.
 */
export const YEAR_SCHEDULE_2026: YearSchedule = Object.freeze({
  year: 2026,
  extraDaysOff: [{ date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)' }],
  workingDays: [{ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01/2026' }],
  source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch); lịch nghỉ Tết Âm lịch 2026 của Bộ Nội vụ',
});

/** The schedules `buildCalendar` uses when it is given none. */
export const PUBLISHED_YEAR_SCHEDULES: readonly YearSchedule[] = Object.freeze([YEAR_SCHEDULE_2025, YEAR_SCHEDULE_2026]);
