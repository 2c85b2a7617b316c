import { describe, expect, it } from 'vitest';
import { formatAccessKey, formatReference, normalizeAccessKey, normalizeReference } from './reference.ts';

describe('references', () => {
  it('formats a reference that can be read over the phone', () => {
    expect(formatReference(2026, 123)).toBe('PAKN-2026-000123');
    expect(formatReference(2026, 1234567)).toBe('PAKN-2026-1234567');
  });

  it('accepts what people type', () => {
    expect(normalizeReference(' pakn 2026 000123 ')).toBe('PAKN-2026-000123');
    expect(normalizeReference('PAKN-2026-000123')).toBe('PAKN-2026-000123');
    expect(normalizeReference('2026-000123')).toBeNull();
    expect(normalizeReference('PAKN-26-1')).toBeNull();
  });
});

describe('access keys', () => {
  it('groups a key in fours', () => {
    expect(formatAccessKey('ABCD0123EFGH4567JKMN')).toBe('ABCD-0123-EFGH-4567-JKMN');
  });

  it('maps misheard letters back and ignores separators and case', () => {
    expect(normalizeAccessKey('abcd-o123-efgh-4567-jkmn')).toBe('ABCD0123EFGH4567JKMN');
    expect(normalizeAccessKey('ABCD I123 EFGH 4567 JKML')).toBe('ABCD1123EFGH4567JKM1');
  });

  it('rejects keys of the wrong length or alphabet', () => {
    expect(normalizeAccessKey('ABCD-0123')).toBeNull();
    expect(normalizeAccessKey('ABCD-0123-EFGH-4567-JKMU')).toBeNull();
  });
});
