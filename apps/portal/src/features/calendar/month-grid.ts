/**
 * Civil-date arithmetic for the month view, on `YYYY-MM-DD` strings. Dates are calendar days (no time,
 * no zone): UTC arithmetic on them can never shift a day, whatever the browser's zone.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The weeks of a month, Monday first, as rows of seven cells: the month's dates, and null before its
 * first day and after its last.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = isoDate(year, month, 1);
  const length = daysInMonth(year, month);
  const cells: (string | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let day = 1; day <= length; day += 1) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
