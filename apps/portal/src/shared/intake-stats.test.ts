import { describe, expect, it } from 'vitest';
import { hanoiToday, intakeSummaryParts } from './intake-stats.ts';

const dayOne = { calls: 121, distinctCallers: 73, zalo: 95, viber: 4, walkIn: 2, email: 1, webWidget: 6, followUps: 9 };

describe('intakeSummaryParts', () => {
  it('reads like the Centre’s day-one report', () => {
    expect(intakeSummaryParts(dayOne, 'vi').join(' · ')).toBe(
      '121 cuộc gọi từ 73 số máy · 95 Zalo · 4 Viber · 2 trực tiếp · 1 thư điện tử · 6 qua cổng trực tuyến · 9 lần liên hệ lại',
    );
  });

  it('counts in English with singulars', () => {
    const parts = intakeSummaryParts({ ...dayOne, calls: 1, distinctCallers: 1, email: 1, followUps: 0 }, 'en');
    expect(parts[0]).toBe('1 call from 1 number');
    expect(parts[4]).toBe('1 email');
    expect(parts[6]).toBe('0 repeat contacts');
  });
});

describe('hanoiToday', () => {
  it('is the date in Hanoi, seven hours ahead of UTC', () => {
    expect(hanoiToday(new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
    expect(hanoiToday(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});
