import type { PaknClient } from '@pakn/api-client';

/** A year as the API describes it: the schedule in force and the special days it produces. */
export type CalendarYear = Awaited<ReturnType<PaknClient['calendar']['year']['query']>>;
export type SpecialDay = CalendarYear['days'][number];

/** Years the API accepts (calendar.year). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function parseYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** The Tết days the calendar uses for a year (the schedule's, or the lunar default five). */
export function tetDaysOf(year: CalendarYear): string[] {
  return year.days.filter((d) => d.holiday === 'tet' && d.kind === 'public_holiday').map((d) => d.date);
}

/**
 * What the editor did, for the calendar page: `preview` (show `year` as the draft would make it), `saved`
 * (`year` is now in force), `discarded` (back to the year in force).
 */
export class CalendarEditedEvent extends Event {
  static readonly type = 'pakn-calendar-edited';
  readonly action: 'preview' | 'saved' | 'discarded';
  readonly year: CalendarYear | null;
  constructor(action: 'preview' | 'saved' | 'discarded', year: CalendarYear | null) {
    // Within the calendar page only: not composed.
    super(CalendarEditedEvent.type, { bubbles: true });
    this.action = action;
    this.year = year;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pakn-calendar-edited': CalendarEditedEvent;
  }
}
