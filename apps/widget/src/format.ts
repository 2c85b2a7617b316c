import type { WidgetText } from './text/index.ts';

const HANOI = 'Asia/Ho_Chi_Minh';

/**
 * An instant as people in Hanoi read it, whatever the device's time zone: "30/11/2026 07:30", or with the
 * weekday, "thứ Hai, 30/11/2026 lúc 07:30".
 */
export function hanoiTime(iso: string, t: WidgetText, withWeekday = false): string {
  const date = new Date(iso);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(t.locale, { timeZone: HANOI, ...options }).format(date);
  const day = part({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (!withWeekday) return `${day} ${time}`;
  const weekday = part({ weekday: 'long' });
  return `${t.lang === 'vi' ? weekday.toLowerCase().replace(/^thứ (\S)/, (_, c: string) => `thứ ${c.toUpperCase()}`) : weekday}, ${day} ${t.at} ${time}`;
}

/** Today's date in Hanoi as YYYY-MM-DD, for the date inputs' `max`. */
export function hanoiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: HANOI }).format(new Date());
}
