/**
 * The Vietnamese lunar calendar, through @dqcai/vn-lunar.
 *
 * The library computes for Vietnam's meridian (UTC+7), so it gets the years in which Vietnam's lunar
 * calendar differs from China's (Tết 1985 on 21 January, Tết 2007 on 17 February). It does not reject
 * impossible dates: "30th of the 12th month" in a 29-day month silently becomes the next lunar new year.
 * Every conversion here is therefore checked by converting back, and the last day of a lunar year is
 * found as the day before the next lunar new year, never by guessing 29 or 30.
 */
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { DomainError } from '../errors.ts';
import { dateOfDayNumber, dayNumberOfDate, formatIsoDate, parseIsoDate, type IsoDate } from './civil-date.ts';

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  /** True in a leap (intercalary) month. */
  readonly leap: boolean;
}

/** Gregorian years the library covers in both directions (its tables span lunar years 1200 to 2199). */
export const LUNAR_MIN_YEAR = 1201;
export const LUNAR_MAX_YEAR = 2199;

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new DomainError('invalid', `Lunar conversions cover the years ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}, not ${year}`);
  }
}

/** The lunar date of a civil date. */
export function solarToLunar(date: IsoDate): LunarDate {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new DomainError('invalid', `Not a date (YYYY-MM-DD): ${date}`);
  assertSupportedYear(parsed.year);
  const lunar = getLunarDate(parsed.day, parsed.month, parsed.year);
  if (lunar.year === 0) throw new DomainError('invalid', `No lunar date for ${date}`);
  return { day: lunar.day, month: lunar.month, year: lunar.year, leap: lunar.leap };
}

/**
 * The civil date of a lunar date. Throws `invalid` when the lunar date does not exist (the 30th of a
 * 29-day month, a leap month the year does not have).
 */
export function lunarToSolar(lunar: { day: number; month: number; year: number; leap?: boolean }): IsoDate {
  const leap = lunar.leap ?? false;
  assertSupportedYear(lunar.year);
  if (!Number.isInteger(lunar.day) || !Number.isInteger(lunar.month) || lunar.month < 1 || lunar.month > 12 || lunar.day < 1 || lunar.day > 30) {
    throw new DomainError('invalid', `Not a lunar date: ${lunar.day}/${lunar.month}/${lunar.year}`);
  }
  const solar = getSolarDate(lunar.day, lunar.month, lunar.year, leap);
  if (solar.year === 0) throw new DomainError('invalid', `No civil date for lunar ${lunar.day}/${lunar.month}/${lunar.year}`);
  const date = formatIsoDate(solar.year, solar.month, solar.day);
  const back = solarToLunar(date);
  if (back.day !== lunar.day || back.month !== lunar.month || back.year !== lunar.year || back.leap !== leap) {
    const leapText = leap ? ' (leap month)' : '';
    throw new DomainError('invalid', `Lunar date ${lunar.day}/${lunar.month}/${lunar.year}${leapText} does not exist`);
  }
  return date;
}

/** Tết Nguyên Đán: the civil date of the 1st day of the 1st month of a lunar year. */
export function lunarNewYear(lunarYear: number): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year: lunarYear });
}

/**
 * The last day of a lunar year (the 29th or 30th of the 12th month), found as the day before the next
 * lunar new year and checked against the converter.
 */
export function lastDayOfLunarYear(lunarYear: number): IsoDate {
  const date = dateOfDayNumber(dayNumberOfDate(lunarNewYear(lunarYear + 1)) - 1);
  const lunar = solarToLunar(date);
  if (lunar.year !== lunarYear || lunar.month !== 12 || (lunar.day !== 29 && lunar.day !== 30)) {
    throw new DomainError('invalid', `Inconsistent lunar calendar: ${date} is ${lunar.day}/${lunar.month}/${lunar.year}`);
  }
  return date;
}

/** Number of days in the 12th month of a lunar year: 29 or 30. */
export function lengthOfLastLunarMonth(lunarYear: number): 29 | 30 {
  return solarToLunar(lastDayOfLunarYear(lunarYear)).day === 30 ? 30 : 29;
}
