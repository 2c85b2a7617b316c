import { describe, expect, it } from 'vitest';
import { recordKindsFor, suggestedRecordNote } from './unit-records.ts';

describe('recordKindsFor', () => {
  it('lets intake officers remind and escalate, and the Director also judge', () => {
    expect(recordKindsFor('intake_officer')).toEqual(['reminder', 'escalation']);
    expect(recordKindsFor('director')).toEqual(['reminder', 'escalation', 'reprimand', 'correction', 'commendation']);
  });

  it('gives units and inspectors nothing to record', () => {
    expect(recordKindsFor('unit_handler')).toEqual([]);
    expect(recordKindsFor('inspector')).toEqual([]);
  });
});

describe('suggestedRecordNote', () => {
  it('names the case in reminders and escalations, and leaves judgements to the Director', () => {
    expect(suggestedRecordNote('reminder', 'PAKN-2026-000012')).toContain('phản ánh PAKN-2026-000012');
    expect(suggestedRecordNote('escalation', null)).toContain('Giám đốc');
    expect(suggestedRecordNote('commendation', 'PAKN-2026-000012')).toBe('');
  });
});
