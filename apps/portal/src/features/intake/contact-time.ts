/** Hanoi is UTC+7 all year (no daylight saving). */
const HANOI_OFFSET_MS = 7 * 3_600_000;

/** The value a `datetime-local` input shows for an instant, in Hanoi time: "2026-11-28T14:05". */
export function hanoiLocalInput(date: Date): string {
  return new Date(date.getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * An instant from a `datetime-local` value read as Hanoi time, whatever the computer's own time zone:
 * "2026-11-28T14:05" → "2026-11-28T14:05:00+07:00". Null when the value is not a date and time.
 */
export function hanoiInputToIso(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[1]}:${match[2] ?? '00'}+07:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
