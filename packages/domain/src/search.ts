import { maskEmail, maskName, maskPhone, normalizePhone } from './phone.ts';

/**
 * Text folding for full-text search. Vietnamese is typed with and without diacritics ("duong" for "Đường"),
 * so the index and every query hold the same folded form: decomposed (NFD), combining marks removed, đ/Đ
 * (a letter of its own, not a d with a mark) turned into d, lower case. SQLite's unicode61 tokenizer folds
 * tone marks but not đ, which is why this happens in code before indexing and before querying.
 */
export function foldForSearch(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      // U+00D0 (Ð, Icelandic eth) looks exactly like Đ and some keyboards and OCR produce it for Đ.
      .replace(/[đĐÐ]/g, 'd')
      .toLowerCase()
  );
}

/** More terms than anyone types into a search box; bounds the work a hostile query can ask for. */
export const SEARCH_MAX_TERMS = 8;
/** A longer "word" is not a word; cut, it still works as a prefix. */
export const SEARCH_MAX_TERM_LENGTH = 40;
export const SEARCH_QUERY_MAX = 200;

/**
 * The words of what a user typed, folded: runs of letters and digits. Everything else (quotes, `*`, `-`,
 * parentheses, `:`) separates words and never reaches the search engine as syntax. Words of the
 * engine's query language (AND, OR, NOT, NEAR) come out lower case, where they are plain words.
 */
export function searchTerms(input: string): string[] {
  // A phone number typed in groups ("0912 345 678", "+84 912.345.678") is one term, as it is indexed.
  const phone = input.replace(/[\s.()+-]/g, '');
  if (/^\d{9,12}$/.test(phone)) return [phone];
  const words = foldForSearch(input.slice(0, SEARCH_QUERY_MAX)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const term = word.slice(0, SEARCH_MAX_TERM_LENGTH);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === SEARCH_MAX_TERMS) break;
  }
  return terms;
}

/**
 * A phone number as identity search compares it: normalised (0912345678, +84 912 345 678 and 84912345678 are
 * one number), and a national number typed without its 0 (912345678) too. Null when it is not a whole number.
 */
export function phoneSearchValue(input: string): string | null {
  const normalised = normalizePhone(input);
  if (normalised) return normalised;
  const digits = input.replace(/[\s.()-]/g, '');
  return /^[1-9]\d{8,9}$/.test(digits) ? normalizePhone(`0${digits}`) : null;
}

/** An email as identity search compares it: trimmed, lower case. */
export function emailSearchValue(input: string): string {
  return input.trim().toLowerCase();
}

const EMAIL_IN_QUERY = /[^\s@]+@[^\s@]+/gu;

/** The words of a name as identity search compares them: folded, whole (never a prefix of a word). */
export function nameSearchWords(name: string): string[] {
  return [...new Set(foldForSearch(name).match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => /\p{L}/u.test(w)).slice(0, SEARCH_MAX_TERMS);
}

/**
 * What a search box's text asks of the identity columns (issue 9): whole values only. A whole phone number
 * (any usual form) or whole emails, else the whole words of a name (two at least). A part of a number or of an address matches
 * nothing, so a prefix cannot recover what a mask hides.
 */
export interface IdentitySearch {
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly names: readonly string[];
}

export function identitySearchTerms(input: string): IdentitySearch {
  const text = input.slice(0, SEARCH_QUERY_MAX);
  const wholePhone = phoneSearchValue(text.trim());
  if (wholePhone) return { phones: [wholePhone], emails: [], names: [] };
  const emails = [...new Set((text.match(EMAIL_IN_QUERY) ?? []).map(emailSearchValue))].slice(0, SEARCH_MAX_TERMS);
  const rest = text.replace(EMAIL_IN_QUERY, ' ');
  const phones: string[] = [];
  const words: string[] = [];
  for (const chunk of rest.split(/\s+/u)) {
    const phone = phoneSearchValue(chunk);
    if (phone) phones.push(phone);
    else words.push(chunk);
  }
  const names = nameSearchWords(words.join(' '));
  const contact = phones.length + emails.length > 0;
  // One word alone is a word ("Dương" is a street as often as a family name), not a person: a name is asked
  // for by two words or more, or alongside a number or an email.
  return { phones: [...new Set(phones)].slice(0, SEARCH_MAX_TERMS), emails, names: contact || names.length >= 2 ? names : [] };
}

export function isEmptyIdentitySearch(search: IdentitySearch): boolean {
  return search.phones.length + search.emails.length + search.names.length === 0;
}

/** Whether the text is plainly a number or an address (not words that might be a name). */
export function isContactShaped(search: IdentitySearch): boolean {
  return search.phones.length + search.emails.length > 0;
}

/** The terms of an identity search as the audit log keeps them: masked as on screen, never in clear. */
export function maskIdentitySearch(search: IdentitySearch): string[] {
  return [...search.phones.map(maskPhone), ...search.emails.map(maskEmail), ...search.names.map(maskName)];
}

/** A search box's text as an audit entry may keep it: each word cut to its first letter, as names are masked. */
export function maskSearchText(input: string): string {
  return maskName(
    foldForSearch(input.slice(0, SEARCH_QUERY_MAX))
      .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
      .trim() || '-',
  );
}
