/**
 * Case references are read over the phone: PAKN-2026-000123. The number is sequential per year; it is
 * not a secret (the access key is), so it may be short and easy to say.
 */
const REFERENCE_PATTERN = /^PAKN-(\d{4})-(\d{6,})$/;

export function formatReference(year: number, sequence: number): string {
  return `PAKN-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Accepts what people type: lower case, spaces, missing dashes. Returns null when it is not a reference. */
export function normalizeReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s_–—-]+/g, '');
  const match = /^PAKN(\d{4})(\d{6,})$/.exec(compact);
  if (!match) return null;
  const normalized = `PAKN-${match[1]}-${match[2]}`;
  return REFERENCE_PATTERN.test(normalized) ? normalized : null;
}

/**
 * Access keys are 20 Crockford base32 characters (100 bits), shown as five groups of four. Crockford's
 * alphabet has no I, L, O or U, so what is misheard is mapped back: O→0, I/L→1.
 */
export const ACCESS_KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ACCESS_KEY_LENGTH = 20;

export function formatAccessKey(raw: string): string {
  return raw.match(/.{1,4}/g)?.join('-') ?? raw;
}

export function normalizeAccessKey(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s_–—-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== ACCESS_KEY_LENGTH) return null;
  for (const ch of compact) if (!ACCESS_KEY_ALPHABET.includes(ch)) return null;
  return compact;
}
