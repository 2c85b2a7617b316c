import { CASE_STATUS_LABELS, CASE_STATUSES, pickLang, type CaseStatus, type Lang, type Text } from '@pakn/domain';

export type { Lang, Text };

/**
 * The language of the page. The shell sets `<html lang>` from the language switch; a feature mounted on
 * another page follows that page's `<html lang>` unless it has a `lang` attribute of its own.
 */
export function pageLang(): Lang {
  return pickLang(document.documentElement.lang);
}

/** The language an element renders in: its own `lang` attribute first, then the page's. */
export function elementLang(ownLang: string | null | undefined): Lang {
  return ownLang ? pickLang(ownLang) : pageLang();
}

/** Fills a message's `{name}` placeholders; a placeholder without a value stays as it is, so a gap shows. */
export function fill(text: string, values: Readonly<Record<string, string | number | null>>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = values[key];
    return value === undefined || value === null ? match : String(value);
  });
}

/** A case status in words (a status this portal does not know yet, from a newer server, is shown as it is). */
export function caseStatusLabel(status: string, lang: Lang): string {
  return (CASE_STATUSES as readonly string[]).includes(status) ? CASE_STATUS_LABELS[status as CaseStatus][lang] : status;
}

/** Strings a feature may need that are not about its own subject. */
export const COMMON = {
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  notSet: { vi: 'Chưa xác định', en: 'Not set' },
} as const satisfies Record<string, Text>;

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A date and time in Hanoi, written the way Vietnamese offices write it (dd/mm/yyyy hh:mm) in both UI
 * languages: the day-first order is unambiguous to everyone reading the portal.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = partsFormatter.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** Shortens free text for a table cell, cutting at a word boundary. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** A civil date (`YYYY-MM-DD`) written day first (dd/mm/yyyy), as Vietnamese offices write dates. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}
