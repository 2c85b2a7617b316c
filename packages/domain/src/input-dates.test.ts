import { describe, expect, it } from 'vitest';
import { EvaluationPeriodInputSchema, AuditListInputSchema } from './unit-evaluation.ts';
import { CENTRE_FOUNDED_ON, InputDateSchema, InputDateTimeSchema, reportDateErrors } from './input-dates.ts';
import { DayInputSchema, LogContactInputSchema, ReportFormSchema } from './schemas.ts';
import { fieldErrors } from './messages.ts';

const codes = (result: { success: boolean; error?: { issues: readonly { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('issue 9: every date a person types has a sane range', () => {
  it('refuses impossible dates, the year 1200 and dates beyond the calendar', () => {
    expect(codes(InputDateSchema.safeParse('0000-00-00'))[0]).toBe('date_format');
    expect(codes(InputDateSchema.safeParse('2026-02-30'))[0]).toBe('date_format');
    expect(codes(InputDateSchema.safeParse('1200-03-02'))).toEqual(['date_too_early']);
    expect(codes(InputDateSchema.safeParse('2009-12-31'))).toEqual(['date_too_early']);
    expect(codes(InputDateSchema.safeParse('2200-01-01'))).toEqual(['date_too_late']);
    expect(InputDateSchema.safeParse(CENTRE_FOUNDED_ON).success).toBe(true);
    expect(InputDateSchema.safeParse('2024-02-29').success).toBe(true);
  });

  it('refuses contact times before the Centre and far ahead', () => {
    expect(codes(InputDateTimeSchema.safeParse('1200-03-02T09:00:00+07:00'))).toEqual(['date_too_early']);
    expect(codes(InputDateTimeSchema.safeParse('9999-12-31T23:59:59Z'))).toEqual(['date_too_late']);
    expect(InputDateTimeSchema.safeParse('2026-03-02T09:00:00+07:00').success).toBe(true);
  });

  it('applies the range to each form that takes a date, with the reason in both languages', () => {
    const intake = LogContactInputSchema.safeParse({ channel: 'hotline', summary: 'x'.repeat(30), at: '1200-03-02T09:00:00Z' });
    expect(fieldErrors(intake.error!.issues, 'vi')).toEqual({ at: 'Ngày không được trước ngày 01/01/2010.' });
    expect(fieldErrors(intake.error!.issues, 'en')).toEqual({ at: 'The date cannot be before 2010-01-01.' });
    const report = ReportFormSchema.safeParse({ siteKey: 's', category: 'late_result', description: 'x'.repeat(30), appointmentDate: '1200-01-01' });
    expect(fieldErrors(report.error!.issues, 'vi')).toEqual({ appointmentDate: 'Ngày không được trước ngày 01/01/2010.' });
    expect(codes(DayInputSchema.safeParse({ date: '0000-00-00' }))[0]).toBe('date_format');
    expect(codes(EvaluationPeriodInputSchema.safeParse({ from: '1200-01-01', to: '1200-02-01' }))).toContain('date_too_early');
    expect(codes(AuditListInputSchema.safeParse({ from: '1200-01-01' }))).toEqual(['date_too_early']);
  });

  it('refuses report dates after today, with a day of slack for time zones', () => {
    expect(reportDateErrors({ appointmentDate: '2026-12-08', returnedDate: '2026-12-07' }, '2026-12-07')).toEqual({});
    expect(reportDateErrors({ appointmentDate: '2026-12-09', returnedDate: '2027-01-01' }, '2026-12-07')).toEqual({
      appointmentDate: 'date_in_future',
      returnedDate: 'date_in_future',
    });
  });
});
