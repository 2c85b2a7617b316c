import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { defaultTetDays, statutoryHolidays } from './holidays.ts';
import { OFFICE_HOURS_WITH_SATURDAY_MORNING, STANDARD_OFFICE_HOURS } from './office-hours.ts';
import { YearScheduleSchema, type YearSchedule } from './year-schedule.ts';
import { buildCalendar, calendarDay, isWorkingDay, listSpecialDays, type CalendarDay } from './working-calendar.ts';

const published = buildCalendar();
const statutoryOnly = buildCalendar({ schedules: [] });
const saturdayUnit = buildCalendar({ officeHours: OFFICE_HOURS_WITH_SATURDAY_MORNING, schedules: [] });

const summary = (days: CalendarDay[]) => days.map((day) => `${day.date} ${day.kind}${day.holiday ? ` ${day.holiday}` : ''}`);

describe('statutory holidays', () => {
  it('lists the eleven days of the Labour Code for 2025 with the default choices', () => {
    expect(statutoryHolidays(2025).map((h) => `${h.date} ${h.holiday}`)).toEqual([
      '2025-01-01 new_year',
      '2025-01-28 tet',
      '2025-01-29 tet',
      '2025-01-30 tet',
      '2025-01-31 tet',
      '2025-02-01 tet',
      '2025-04-07 hung_kings',
      '2025-04-30 reunification_day',
      '2025-05-01 labour_day',
      '2025-09-02 national_day',
      '2025-09-03 national_day',
    ]);
  });

  it('starts Tết on the last day of the lunar year, the 29th or the 30th', () => {
    expect(defaultTetDays(2025)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    expect(defaultTetDays(2024)).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']);
    expect(defaultTetDays(2026)[0]).toBe('2026-02-16');
    expect(defaultTetDays(2027)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
  });

  it('takes 1 September as the National Day companion when the schedule says so', () => {
    const days = statutoryHolidays(2025, { nationalDayCompanion: '2025-09-01' }).filter((h) => h.holiday === 'national_day');
    expect(days.map((h) => h.date)).toEqual(['2025-09-01', '2025-09-02']);
    expect(() => statutoryHolidays(2025, { nationalDayCompanion: '2025-09-05' })).toThrow(DomainError);
  });
});

describe('the published schedules', () => {
  it('gives the 2025 days off and swap Saturdays', () => {
    expect(summary(listSpecialDays(published, 2025))).toEqual([
      '2025-01-01 public_holiday new_year',
      '2025-01-27 extra_day_off',
      '2025-01-28 public_holiday tet',
      '2025-01-29 public_holiday tet',
      '2025-01-30 public_holiday tet',
      '2025-01-31 public_holiday tet',
      '2025-02-01 public_holiday tet',
      '2025-02-08 swap_working_day',
      '2025-04-07 public_holiday hung_kings',
      '2025-04-26 swap_working_day',
      '2025-04-30 public_holiday reunification_day',
      '2025-05-01 public_holiday labour_day',
      '2025-05-02 extra_day_off',
      '2025-09-01 public_holiday national_day',
      '2025-09-02 public_holiday national_day',
    ]);
  });

  it('gives the 2026 days off, with Monday 27 April in compensation for the Hùng Kings day on a Sunday', () => {
    expect(summary(listSpecialDays(published, 2026))).toEqual([
      '2026-01-01 public_holiday new_year',
      '2026-01-02 extra_day_off',
      '2026-01-10 swap_working_day',
      '2026-02-16 public_holiday tet',
      '2026-02-17 public_holiday tet',
      '2026-02-18 public_holiday tet',
      '2026-02-19 public_holiday tet',
      '2026-02-20 public_holiday tet',
      '2026-04-26 public_holiday hung_kings',
      '2026-04-27 compensatory_day_off hung_kings',
      '2026-04-30 public_holiday reunification_day',
      '2026-05-01 public_holiday labour_day',
      '2026-09-02 public_holiday national_day',
      '2026-09-03 public_holiday national_day',
    ]);
  });

  it('makes the 2026 Tết block nine days off in a row, 14 to 22 February', () => {
    const block = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];
    expect(block.map((date) => isWorkingDay(published, date))).toEqual(block.map(() => false));
    expect(isWorkingDay(published, '2026-02-13')).toBe(true);
    expect(isWorkingDay(published, '2026-02-23')).toBe(true);
  });

  it('describes a swap Saturday as a full working day', () => {
    expect(calendarDay(published, '2025-04-26')).toEqual({
      date: '2025-04-26',
      weekday: 'saturday',
      kind: 'swap_working_day',
      working: true,
      periods: STANDARD_OFFICE_HOURS.swapDay,
      name: 'Làm bù cho thứ Sáu 02/05/2025',
      holiday: null,
    });
  });
});

describe('compensatory days off', () => {
  it('moves National Day on a Sunday (2029) past its Monday companion to Tuesday', () => {
    expect(calendarDay(statutoryOnly, '2029-09-02').weekday).toBe('sunday');
    expect(summary(listSpecialDays(statutoryOnly, 2029)).filter((line) => line.startsWith('2029-09'))).toEqual([
      '2029-09-02 public_holiday national_day',
      '2029-09-03 public_holiday national_day',
      '2029-09-04 compensatory_day_off national_day',
    ]);
    expect(calendarDay(statutoryOnly, '2029-09-04').name).toBe('Nghỉ bù Quốc khánh (02/09/2029)');
  });

  it('gives two compensatory days when both National Day days fall on a weekend (2028)', () => {
    expect(summary(listSpecialDays(statutoryOnly, 2028)).filter((line) => line.startsWith('2028-09'))).toEqual([
      '2028-09-02 public_holiday national_day',
      '2028-09-03 public_holiday national_day',
      '2028-09-04 compensatory_day_off national_day',
      '2028-09-05 compensatory_day_off national_day',
    ]);
  });

  it('skips a holiday when looking for the compensatory day (30 April 2028 is a Sunday, 1 May a holiday)', () => {
    expect(calendarDay(statutoryOnly, '2028-05-02').kind).toBe('compensatory_day_off');
    expect(calendarDay(statutoryOnly, '2028-05-02').holiday).toBe('reunification_day');
    expect(calendarDay(statutoryOnly, '2028-01-03').kind).toBe('compensatory_day_off');
  });

  it('does not compensate Tết days on a weekend (Tết 2027 starts on a Saturday)', () => {
    expect(isWorkingDay(statutoryOnly, '2027-02-09')).toBe(false);
    expect(calendarDay(statutoryOnly, '2027-02-10').kind).toBe('working');
  });

  it('does not compensate a Saturday holiday for a unit that works Saturday mornings', () => {
    expect(calendarDay(saturdayUnit, '2028-01-01').kind).toBe('public_holiday');
    expect(calendarDay(saturdayUnit, '2028-01-03').kind).toBe('working');
    // Its Sunday is still a weekly day off: 30 April 2028 is compensated after the 1 May holiday.
    expect(calendarDay(saturdayUnit, '2028-05-02').kind).toBe('compensatory_day_off');
  });

  it('lets a schedule remove a computed compensatory day and set another', () => {
    const schedule: YearSchedule = {
      year: 2029,
      extraDaysOff: [{ date: '2029-08-31', name: 'Nghỉ bù Quốc khánh (theo lịch Chính phủ)' }],
      workingDays: [],
      removedDays: ['2029-09-04'],
    };
    const calendar = buildCalendar({ schedules: [schedule] });
    expect(isWorkingDay(calendar, '2029-09-04')).toBe(true);
    expect(calendarDay(calendar, '2029-08-31').kind).toBe('extra_day_off');
  });
});

describe('yearly schedule data', () => {
  it('lets a schedule set the Tết days', () => {
    const calendar = buildCalendar({
      schedules: [{ year: 2027, tet: ['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'], extraDaysOff: [], workingDays: [] }],
    });
    expect(isWorkingDay(calendar, '2027-02-04')).toBe(false);
    expect(isWorkingDay(calendar, '2027-02-09')).toBe(true);
  });

  it('fills defaults for omitted lists and validates dates', () => {
    expect(YearScheduleSchema.parse({ year: 2027 })).toEqual({ year: 2027, extraDaysOff: [], workingDays: [] });
    expect(YearScheduleSchema.safeParse({ year: 2027, extraDaysOff: [{ date: '2027-02-30', name: 'x' }] }).success).toBe(false);
    expect(YearScheduleSchema.safeParse({ year: 2027, nationalDayCompanion: '2027-09-04' }).success).toBe(false);
    expect(YearScheduleSchema.safeParse({ year: 2027, tet: ['2027-05-01'] }).success).toBe(false);
    expect(
      YearScheduleSchema.safeParse({
        year: 2027,
        extraDaysOff: [{ date: '2027-02-12', name: 'x' }],
        workingDays: [{ date: '2027-02-12', name: 'y' }],
      }).success,
    ).toBe(false);
    expect(YearScheduleSchema.safeParse({ year: 2027, extraDaysOff: [{ date: '2029-01-01', name: 'x' }] }).success).toBe(false);
  });

  it('refuses invalid schedules and office hours when building a calendar', () => {
    expect(() => buildCalendar({ schedules: [{ year: 2027, nationalDayCompanion: '2027-09-04', extraDaysOff: [], workingDays: [] }] })).toThrow(DomainError);
    const twoTet: YearSchedule = { year: 2027, tet: ['2027-02-05'], extraDaysOff: [], workingDays: [] };
    expect(() => buildCalendar({ schedules: [twoTet, twoTet] })).toThrow(DomainError);
    expect(() =>
      buildCalendar({
        officeHours: {
          ...STANDARD_OFFICE_HOURS,
          weekly: {
            ...STANDARD_OFFICE_HOURS.weekly,
            monday: [
              { start: '08:00', end: '12:00' },
              { start: '11:00', end: '17:00' },
            ],
          },
        },
      }),
    ).toThrow(DomainError);
    const noWeekday = Object.fromEntries(Object.keys(STANDARD_OFFICE_HOURS.weekly).map((name) => [name, []]));
    expect(() => buildCalendar({ officeHours: { weekly: noWeekday as never, swapDay: [] } })).toThrow(DomainError);
  });

  it('refuses dates outside the years it covers', () => {
    expect(() => isWorkingDay(published, '1850-01-02')).toThrow(DomainError);
    expect(() => isWorkingDay(published, '2200-01-02')).toThrow(DomainError);
  });
});
