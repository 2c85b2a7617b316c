/**
 * The range of every date a person types (issue 9, defect 5: a contact dated in the year 1200 took the Centre's
 * lists down). Schemas check what needs no clock: a real calendar date, not before the Centre's records begin,
 * not beyond the working calendar. What depends on today ("not in the future") takes `today` as an argument,
 * since the domain never reads the clock: the server passes its own.
 */
import * as z from 'zod/mini';

/**
 * The first day any date typed into PAKN may name. The Hanoi Centre's case records, and the dossiers citizens
 * complain about, begin well after it; it is deliberately a little early, so that no real date is ever refused,
 * while a typo (1200, 0201, 1926) is. Change it here only: every schema and message reads it.
 */
export const CENTRE_FOUNDED_ON = '2010-01-01';
/** The last day the working-day calendar can place (its range ends in 2199): no deadline exists beyond it. */
export const LATEST_INPUT_DATE = '2199-12-31';
/**
 * Slack for "not after today": a citizen a time zone ahead of Hanoi may already live on tomorrow's date, and the
 * widget's date picker stops at the citizen's own today.
 */
const TODAY_SLACK_DAYS = 1;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for `YYYY-MM-DD` naming a day that exists (no 2026-02-30, no 0000-00-00). */
export function isRealDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC maps years 0-99 to 1900-1999: setUTCFullYear keeps the year as typed.
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date as the date input gives it, real and within the Centre's range. */
export const InputDateSchema = z.string().check(
  z.regex(DATE_PATTERN, { error: 'date_format' }),
  z.refine(isRealDate, { error: 'date_format' }),
  z.refine((value) => value >= CENTRE_FOUNDED_ON, { error: 'date_too_early' }),
  z.refine((value) => value <= LATEST_INPUT_DATE, { error: 'date_too_late' }),
);

/** An instant with its offset (`2026-03-02T09:00:00+07:00`), within the Centre's range. */
export const InputDateTimeSchema = z.iso.datetime({ offset: true }).check(
  z.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'date_format', abort: true }),
  z.refine((value) => Date.parse(value) >= Date.parse(`${CENTRE_FOUNDED_ON}T00:00:00+07:00`), { error: 'date_too_early' }),
  z.refine((value) => Date.parse(value) < Date.parse(`${LATEST_INPUT_DATE}T00:00:00+07:00`) + MS_PER_DAY, { error: 'date_too_late' }),
);

/** The day `days` after a date (negative: before). Both real dates. */
export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Field codes for dates that cannot lie after today (Vietnam's date, from the server's clock): a dossier's
 * appointment and the day its result came, as the widget's date pickers already stop at today. Empty when fine.
 */
export function reportDateErrors(input: { appointmentDate?: string | undefined; returnedDate?: string | undefined }, today: string): Record<string, string> {
  const latest = addDaysToDate(today, TODAY_SLACK_DAYS);
  const errors: Record<string, string> = {};
  if (input.appointmentDate && input.appointmentDate > latest) errors.appointmentDate = 'date_in_future';
  if (input.returnedDate && input.returnedDate > latest) errors.returnedDate = 'date_in_future';
  return errors;
}
