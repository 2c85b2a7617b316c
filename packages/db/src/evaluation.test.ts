import { describe, expect, it } from 'vitest';
import { periodParts } from './evaluation.ts';

describe('periodParts (issue 11: a year read as months and the days around them)', () => {
  it('reads whole months as months and the rest as days, covering every day once', () => {
    expect(periodParts('2025-12-06', '2026-12-05')).toEqual({
      months: ['2026-01', '2026-11'],
      days: [
        ['2025-12-06', '2025-12-31'],
        ['2026-12-01', '2026-12-05'],
      ],
    });
    expect(periodParts('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01', '2026-12'], days: [] });
    expect(periodParts('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
    expect(periodParts('2026-03-15', '2026-05-10')).toEqual({
      months: ['2026-04', '2026-04'],
      days: [
        ['2026-03-15', '2026-03-31'],
        ['2026-05-01', '2026-05-10'],
      ],
    });
  });

  it('reads a period inside one month, or across two without a whole one, as days', () => {
    expect(periodParts('2026-03-02', '2026-03-30')).toEqual({ months: null, days: [['2026-03-02', '2026-03-30']] });
    expect(periodParts('2026-03-15', '2026-04-10')).toEqual({ months: null, days: [['2026-03-15', '2026-04-10']] });
    expect(periodParts('2026-03-05', '2026-03-05')).toEqual({ months: null, days: [['2026-03-05', '2026-03-05']] });
  });
});
