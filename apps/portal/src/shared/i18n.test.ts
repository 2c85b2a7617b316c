import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, shorten } from './i18n.ts';

describe('formatDateTime', () => {
  it('writes instants in Hanoi time, day first', () => {
    expect(formatDateTime('2026-11-28T17:05:00.000Z')).toBe('29/11/2026 00:05');
    expect(formatDateTime('2026-01-02T03:04:00Z')).toBe('02/01/2026 10:04');
  });

  it('returns what it was given when it is not a date', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('shorten', () => {
  it('keeps short text and folds whitespace', () => {
    expect(shorten('  Trả kết quả\n muộn  ')).toBe('Trả kết quả muộn');
  });

  it('cuts long text at a word boundary and marks the cut', () => {
    const text = 'Cán bộ yêu cầu tôi nộp thêm bản sao sổ hộ khẩu, trong khi thủ tục đăng ký khai sinh không yêu cầu giấy tờ này.';
    const short = shorten(text, 40);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(41);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(text[short.length - 1]).toBe(' ');
  });
});

describe('formatDate', () => {
  it('writes a civil date day first', () => {
    expect(formatDate('2025-04-26')).toBe('26/04/2025');
    expect(formatDate('26/04/2025')).toBe('26/04/2025');
  });
});
