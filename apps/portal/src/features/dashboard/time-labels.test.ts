import { describe, expect, it } from 'vitest';
import { dayLabels } from './time-labels.ts';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('the time axis of the dashboard (issue 13: dates as written in Vietnam, 24-hour times)', () => {
  it('labels days dd/mm, months mm/yyyy and hours on a 24-hour clock, in UTC whatever the browser’s zone', () => {
    expect(dayLabels([at('2026-12-01T00:00:00Z'), at('2026-12-08T00:00:00Z')])).toEqual(['01/12', '08/12']);
    expect(dayLabels([at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z')])).toEqual(['01/2026', '04/2026']);
    expect(dayLabels([at('2026-12-08T00:00:00Z'), at('2026-12-08T18:00:00Z')])).toEqual(['00:00', '18:00']);
    expect(dayLabels([at('2026-12-31T00:00:00Z')])).toEqual(['31/12']);
  });
});
