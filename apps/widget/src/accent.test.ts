import { describe, expect, it } from 'vitest';
import { contrastWithWhite } from './accent.ts';

describe('contrastWithWhite (WCAG 2.x)', () => {
  it('gives 1 for white and 21 for black', () => {
    expect(contrastWithWhite([255, 255, 255])).toBeCloseTo(1, 5);
    expect(contrastWithWhite([0, 0, 0])).toBeCloseTo(21, 5);
  });

  it('passes the default accent and fails a light yellow', () => {
    expect(contrastWithWhite([0xb3, 0x26, 0x1e])).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite([0xff, 0xeb, 0x3b])).toBeLessThan(4.5);
  });

  it('matches a known pair: #767676 is just above 4.5:1', () => {
    expect(contrastWithWhite([0x76, 0x76, 0x76])).toBeCloseTo(4.54, 2);
  });
});
