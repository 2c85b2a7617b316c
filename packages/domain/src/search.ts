import { normalizePhone } from './phone.ts';

/**
 * Text folding for full-text search. Vietnamese is typed with and without diacritics ("duong" for "Đường"),
 * so the index and every query hold the same folded form: decomposed (NFD), combining marks removed, đ/Đ
 * (a letter of its own, not a d with a mark) turned into d, lower case. SQLite's unicode61 tokenizer folds
 * tone marks but not đ, which is why this happens in code before indexing and before querying.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // U+00D0 (Ð, Icelandic eth) looks exactly like Đ and some keyboards and OCR produce it for Đ.
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase();
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

/** Digits of a phone number as they are indexed: as stored, and without the leading 0 or with 84. */
export function phoneSearchForms(phone: string): string[] {
  const digits = normalizePhone(phone) ?? phone.replace(/\D/g, '');
  if (digits.length === 0) return [];
  if (!digits.startsWith('0')) return [digits];
  const national = digits.slice(1);
  return [digits, national, `84${national}`];
}
