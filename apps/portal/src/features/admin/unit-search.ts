import type { Unit } from '@pakn/domain';

/**
 * Text folded for matching: lower case, without tone marks, and đ as d (a letter of its own that Unicode
 * does not decompose), so that "hoan kiem" finds "Hoàn Kiếm" and "dong da" finds "Đống Đa".
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether every word of the query appears in the text, tone marks ignored (an empty query matches all). */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(' ')
    .every((word) => haystack.includes(word));
}

/** Whether every word of the query appears in the unit's name or id, tone marks ignored. */
export function unitMatches(unit: Pick<Unit, 'id' | 'name'>, query: string): boolean {
  return matchesQuery(`${unit.name} ${unit.id}`, query);
}

/**
 * The units a picker offers for a query. The unit already chosen stays in the list even when it does not
 * match, so that narrowing the list never changes the select's value behind the user's back.
 */
export function filterUnits<U extends Pick<Unit, 'id' | 'name'>>(units: readonly U[], query: string, keepId = ''): U[] {
  return units.filter((u) => u.id === keepId || unitMatches(u, query));
}
