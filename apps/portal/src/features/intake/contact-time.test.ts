import { describe, expect, it } from 'vitest';
import { hanoiInputToIso, hanoiLocalInput } from './contact-time.ts';

describe('hanoiLocalInput', () => {
  it('shows the instant in Hanoi time, to the minute', () => {
    expect(hanoiLocalInput(new Date('2026-11-28T07:05:42Z'))).toBe('2026-11-28T14:05');
    expect(hanoiLocalInput(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T03:00');
  });
});

describe('hanoiInputToIso', () => {
  it('reads the input as Hanoi time and round-trips', () => {
    expect(hanoiInputToIso('2026-11-28T14:05')).toBe('2026-11-28T14:05:00+07:00');
    expect(Date.parse(hanoiInputToIso(hanoiLocalInput(new Date('2026-11-28T07:05:00Z')))!)).toBe(Date.parse('2026-11-28T07:05:00Z'));
  });

  it('refuses what is not a date and time', () => {
    expect(hanoiInputToIso('')).toBeNull();
    expect(hanoiInputToIso('28/11/2026 14:05')).toBeNull();
    expect(hanoiInputToIso('2026-13-45T99:99')).toBeNull();
  });
});
