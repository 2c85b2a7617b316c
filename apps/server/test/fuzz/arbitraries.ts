/**
 * Building blocks of the fuzz battery (issue 9): the odd values people and attackers send, and small
 * generators of values the schemas accept. Not a test file.
 */
import fc from 'fast-check';

/**
 * How many invalid inputs each procedure and route gets; valid ones are a fifth of it. The issue's numbers
 * (1,000 and 200) are the default in CI (`CI` set); a developer's `pnpm test` runs 100 and 20 unless FUZZ_RUNS
 * says otherwise. The test files pass their environment (only tests and env.ts read it).
 */
export function fuzzRuns(env: Readonly<Record<string, string | undefined>>): { readonly invalid: number; readonly valid: number } {
  const invalid = Math.max(1, Number(env.FUZZ_RUNS ?? (env.CI ? 1000 : 100)) || 1);
  return { invalid, valid: Math.max(1, Math.round(invalid / 5)) };
}

/** Strings that broke or could break something: prototype names, impossible dates, invisible and RTL marks, NFD. */
const WEIRD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u200b',
  '\u200c\u200d\u2060\ufeff',
  '\u202e\u202dabc\u202c',
  '\u061c\u200f',
  'Nguyễn Thị Hoa'.normalize('NFD'),
  'Đặng Đức Được'.normalize('NFD'),
  'phường Hoàn Kiếm'.normalize('NFKD'),
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\uffff',
  '𝓟𝓐𝓚𝓝',
  '👨‍👩‍👧‍👦',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '0000-00-00',
  '1200-03-02',
  '1200-03-02T09:00:00+07:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '%',
  '%E0%A4%A',
  '%00',
  '\\',
  '"',
  "'",
  '{',
  '[]',
  'null',
  'undefined',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'PAKN-2026-000001',
  'PAKN-9999-999999',
  '0912345678',
  'ａｄｍｉｎ',
  '＝1+1',
  'a'.repeat(65),
];

const HUGE_UNITS = ['x', 'ệ', 'ệ'.normalize('NFD'), '\u200b', '\u202e', '𝓟'];

/** Long strings: around the limits (64 KB bodies, 5,000-character descriptions) and well beyond. */
export const hugeString = fc.tuple(fc.constantFrom(...HUGE_UNITS), fc.constantFrom(201, 2001, 5001, 10_001, 70_000)).map(([unit, n]) => unit.repeat(n));

/** Odd strings of ordinary size; huge ones come separately (`hugeString`), in one field at a time, to keep runs short. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WEIRD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const junkScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: junkString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -1, 0, 0.5, 1e-300) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const junkKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'caseId', 'date', 'at', 'id', 'input', '0', ''),
  fc.string({ maxLength: 12 }),
);

/** Own properties only, `__proto__` included: what JSON.parse gives a server for `{"__proto__": …}`. */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Any JSON value, nested, with odd keys and odd strings. */
export const junkValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    junkScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(junkKey, tie('value')), { maxLength: 5 }).map(objectOf),
  ),
})).value;

/** Request bodies that are not JSON at all, or JSON a parser may choke on. */
export const rawJunkText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '{"a":', 'nul', '[1,2', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '"\\ud800"', '\u0000'),
  fc.integer({ min: 10, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 10, max: 5_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** A valid input with one field replaced (by `junk`, any JSON junk by default), added or removed: gets past the first checks, then fails. */
export function corrupt(valid: fc.Arbitrary<unknown>, junkArb: fc.Arbitrary<unknown> = junkValue): fc.Arbitrary<unknown> {
  return fc.tuple(valid, junkKey, junkArb, fc.nat()).map(([value, extraKey, junk, pick]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return junk;
    const keys = Object.keys(value);
    const entries: [string, unknown][] = Object.entries(value);
    const target = keys.length > 0 && pick % 3 !== 0 ? keys[pick % keys.length]! : extraKey;
    if (pick % 7 === 0 && keys.length > 0) return objectOf(entries.filter(([k]) => k !== target));
    return objectOf([...entries.filter(([k]) => k !== target), [target, junk]]);
  });
}

/** Words of real complaints, with odd decorations (NFD, zero-width joiners, an RTL override) some of the time. */
const WORDS = [
  'phản',
  'ánh',
  'hồ sơ',
  'đất đai',
  'trả',
  'muộn',
  'cán bộ',
  'UBND',
  'phường',
  'Hoàn Kiếm',
  'giấy hẹn',
  'Đống Đa',
  'Nguyễn',
  'khai sinh',
  '2026',
  'không',
  'giải quyết',
  'results',
  'late',
];
const DECORATIONS: readonly ((s: string) => string)[] = [
  (s) => s,
  (s) => s,
  (s) => s.normalize('NFD'),
  (s) => s.replaceAll(' ', ' \u200b'),
  (s) => `\u202e${s}\u202c`,
  (s) => `${s}\u200d`,
];

/** Text a schema with `trimmed(min, max)` accepts. */
export function text(min: number, max: number): fc.Arbitrary<string> {
  return fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }), fc.constantFrom(...DECORATIONS)).map(([words, decorate]) => {
    let value = decorate(words.join(' '));
    while (value.trim().length < min) value += ' nội dung phản ánh';
    value = value.slice(0, max).trim();
    return value.length >= min ? value : 'x'.repeat(min);
  });
}

const DAY_MS = 86_400_000;
/** A real date the Centre's range accepts, up to `latest` (YYYY-MM-DD). */
export function day(latest = '2026-12-01'): fc.Arbitrary<string> {
  return fc.integer({ min: Date.parse('2010-01-01'), max: Date.parse(latest) }).map((ms) => new Date(ms - (ms % DAY_MS)).toISOString().slice(0, 10));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export const phone = fc.stringMatching(/^0[35789]\d{8}$/);
export const email = fc.stringMatching(/^[a-z]{1,10}\.[a-z0-9]{1,6}@[a-z]{2,10}\.(vn|com)$/);
export const slug = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9-]{2,${max}}$`));
export const idLike = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/));

/** Header values a Headers object accepts (Latin-1, no line breaks): odd, not malformed HTTP. */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e\x80-\xff\t]/g, '').slice(0, 2000);
}

/**
 * What must never reach a client: a stack trace, SQL or an engine error, a file path on the server.
 * Checked on every response body of the battery.
 */
const LEAKS: readonly RegExp[] = [
  /\n\s+at [^\n]*\(?[^\n]*:\d+:\d+\)?/,
  /"stack"\s*:/,
  /SQLITE_[A-Z]+|LibsqlError|no such (table|column)|syntax error near|\bSELECT\b[^"\n]{0,200}\bFROM\b/i,
  /\/(work|home|root|usr|tmp|var)\/[\w.-]+\//,
  /node_modules|file:\/\/|\.ts:\d+|\.js:\d+:\d+/,
];

export function leakIn(body: string): RegExp | undefined {
  return LEAKS.find((pattern) => pattern.test(body));
}
