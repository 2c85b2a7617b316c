/**
 * Public holidays of the Labour Code 2019, art. 112(1), for state offices (11 days a year):
 *   a) Tết Dương lịch, 1 January (1 day);
 *   b) Tết Âm lịch, 5 days whose exact dates the Prime Minister sets each year (art. 112(3));
 *   c) Ngày Chiến thắng, 30 April; d) Ngày Quốc tế lao động, 1 May;
 *   đ) Quốc khánh, 2 September and one day before or after it, chosen each year (art. 112(3));
 *   e) Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month.
 *
 * The defaults where the law leaves a choice: Tết is the last day of the lunar year (the 29th or 30th of
 * the 12th month) and the 1st to 4th days of the 1st month; the National Day companion is 3 September.
 * A yearly schedule overrides both (2025 chose 1 September).
 */
import { DomainError } from '../errors.ts';
import type { Text } from '../i18n.ts';
import { dateOfDayNumber, dayNumberOfDate, formatIsoDate, type IsoDate } from './civil-date.ts';
import { lastDayOfLunarYear, lunarToSolar } from './lunar.ts';

export const StatutoryHoliday = {
  new_year: 'new_year',
  tet: 'tet',
  hung_kings: 'hung_kings',
  reunification_day: 'reunification_day',
  labour_day: 'labour_day',
  national_day: 'national_day',
} as const;
export type StatutoryHoliday = (typeof StatutoryHoliday)[keyof typeof StatutoryHoliday];

export const STATUTORY_HOLIDAY_LABELS: Readonly<Record<StatutoryHoliday, Text>> = {
  new_year: { vi: 'Tết Dương lịch', en: 'New Year' },
  tet: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  hung_kings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  reunification_day: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labour_day: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  national_day: { vi: 'Quốc khánh', en: 'National Day' },
};

export interface HolidayDate {
  readonly date: IsoDate;
  readonly holiday: StatutoryHoliday;
  /** Vietnamese name, as shown to staff; translate `holiday` for other languages. */
  readonly name: string;
}

/** How a yearly schedule narrows the choices the Labour Code leaves to the government. */
export interface StatutoryChoices {
  /** The Tết holiday days, replacing the default five. */
  readonly tet?: readonly IsoDate[] | undefined;
  /** The day before or after 2 September that is also off: `YYYY-09-01` or `YYYY-09-03`. */
  readonly nationalDayCompanion?: IsoDate | undefined;
}

/** The default five Tết days of Gregorian year `year`: the last day of the previous lunar year and 1-4 Giêng. */
export function defaultTetDays(year: number): IsoDate[] {
  const eve = dayNumberOfDate(lastDayOfLunarYear(year - 1));
  return [0, 1, 2, 3, 4].map((offset) => dateOfDayNumber(eve + offset));
}

/** Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month (never the leap month). */
export function hungKingsDay(year: number): IsoDate {
  return lunarToSolar({ day: 10, month: 3, year });
}

function nationalDayCompanionChoices(year: number): readonly [IsoDate, IsoDate] {
  return [formatIsoDate(year, 9, 1), formatIsoDate(year, 9, 3)];
}

/** The statutory holidays of a Gregorian year, sorted by date. */
export function statutoryHolidays(year: number, choices: StatutoryChoices = {}): HolidayDate[] {
  const label = (holiday: StatutoryHoliday) => STATUTORY_HOLIDAY_LABELS[holiday].vi;
  const companion = choices.nationalDayCompanion ?? formatIsoDate(year, 9, 3);
  if (!nationalDayCompanionChoices(year).includes(companion)) {
    throw new DomainError('invalid', `The National Day companion of ${year} is 1 or 3 September, not ${companion}`);
  }
  const tet = choices.tet ?? defaultTetDays(year);
  const days: HolidayDate[] = [
    { date: formatIsoDate(year, 1, 1), holiday: 'new_year', name: label('new_year') },
    ...tet.map((date) => ({ date, holiday: 'tet' as const, name: label('tet') })),
    { date: hungKingsDay(year), holiday: 'hung_kings', name: label('hung_kings') },
    { date: formatIsoDate(year, 4, 30), holiday: 'reunification_day', name: label('reunification_day') },
    { date: formatIsoDate(year, 5, 1), holiday: 'labour_day', name: label('labour_day') },
    { date: formatIsoDate(year, 9, 2), holiday: 'national_day', name: label('national_day') },
    { date: companion, holiday: 'national_day', name: label('national_day') },
  ];
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
