/** The fields the XSS battery fills, the marks that tell them apart on screen, and the small text helpers of the seeding. */

/** The per-case fields, each ending with its own mark so that a view proves which field it shows. */
export const CASE_FIELDS = [
  'description',
  'summary edit',
  'return forwarding comment',
  'forwarding letter',
  'decline reason',
  'info request question',
  'citizen info reply',
  'extension reason',
  'extension decision comment',
  'answer',
  'internal note',
  'return answer comment',
  'rating comment',
  'review request reason',
  'confirm answer comment',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** The mark a field's text ends with on case number `k`. */
export function fieldMark(field: string, k: number): string {
  return `[${field} ${k}]`;
}

export function marked(text: string, field: string, k: number): string {
  return `${text}\n${fieldMark(field, k)}`;
}

/** Pads a piece to a field's minimum length without changing how it starts. */
export function atLeast(text: string, min: number): string {
  return text.length >= min ? text : `${text} — kiểm thử XSS`.padEnd(min, '.');
}

/** Braces are the letter template's syntax: `{{` writes `{`. */
export function templateLiteral(text: string): string {
  return text.replaceAll('{', '{{').replaceAll('}', '}}');
}

export const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
