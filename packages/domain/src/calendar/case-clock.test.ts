import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { caseClock, DEFAULT_AT_RISK_WORKING_DAYS, EXTENSION_RULE, CASE_STAGE_RULES, stageDeadline } from './case-clock.ts';
import { formatVietnamDateTime, MS_PER_HOUR, MS_PER_MINUTE, vietnamTime } from './civil-date.ts';
import { buildCalendar } from './working-calendar.ts';

const calendar = buildCalendar();
const at = (text: string) => {
  const [date = '', time = '00:00'] = text.split(' ');
  return vietnamTime(date, time);
};
const show = (instant: Date) => formatVietnamDateTime(instant).slice(0, 16).replace('T', ' ');

describe('stage rules', () => {
  it('defaults to 1 day to classify, 5 to forward, 15 to answer and one extension of 10', () => {
    expect(CASE_STAGE_RULES.classification.allowanceWorkingDays).toBe(1);
    expect(CASE_STAGE_RULES.forwarding).toMatchObject({ allowanceWorkingDays: 5, startsAt: 'receipt' });
    expect(CASE_STAGE_RULES.answer).toMatchObject({ allowanceWorkingDays: 15, startsAt: 'forwarding', extendable: true });
    expect(EXTENSION_RULE).toEqual({ maxExtensions: 1, maxWorkingDays: 10 });
    expect(DEFAULT_AT_RISK_WORKING_DAYS).toBe(2);
  });
});

describe('caseClock', () => {
  it('gives a case received at 16:59 on Friday until 16:59 on Monday to be classified', () => {
    const clock = caseClock(calendar, { start: at('2025-03-14 16:59'), allowanceWorkingDays: 1, now: at('2025-03-17 09:00') });
    expect(show(clock.deadline)).toBe('2025-03-17 16:59');
    // 09:00-12:00 and 13:00-16:59, the lunch hour excluded.
    expect(clock.workingTimeLeft).toBe(6 * MS_PER_HOUR + 59 * MS_PER_MINUTE);
    expect(clock.workingDaysLeft).toBeCloseTo(419 / 480, 9);
    expect(clock).toMatchObject({ atRisk: true, overdue: false, overdueBy: null, paused: false });
  });

  it('turns at risk with two working days left and overdue after the deadline', () => {
    const start = at('2025-04-24 09:00');
    const input = { start, allowanceWorkingDays: CASE_STAGE_RULES.answer.allowanceWorkingDays };
    const early = caseClock(calendar, { ...input, now: at('2025-05-14 09:00') });
    expect(show(early.deadline)).toBe('2025-05-19 09:00');
    expect(early).toMatchObject({ workingDaysLeft: 3, workingDaysUsed: 12, atRisk: false, overdue: false });
    expect(caseClock(calendar, { ...input, now: at('2025-05-14 09:00'), atRiskWorkingDays: 3 }).atRisk).toBe(true);
    expect(caseClock(calendar, { ...input, now: at('2025-05-15 09:00') })).toMatchObject({ workingDaysLeft: 2, atRisk: true });
    const late = caseClock(calendar, { ...input, now: at('2025-05-20 10:00') });
    expect(late).toMatchObject({ overdue: true, atRisk: false, workingDaysLeft: 0, workingTimeLeft: 0 });
    expect(late.overdueBy).toEqual({ workingDays: 1.125, workingTime: 9 * MS_PER_HOUR });
  });

  it('counts a deadline across Tết with the published bridge day and swap Saturday', () => {
    const input = { start: at('2025-01-20 08:00'), allowanceWorkingDays: 10 };
    expect(show(stageDeadline(calendar, input))).toBe('2025-02-07 17:00');
    expect(show(stageDeadline(buildCalendar({ schedules: [] }), input))).toBe('2025-02-06 17:00');
  });

  it('stops the clock while the unit waits for the citizen', () => {
    const start = at('2025-03-03 08:00');
    expect(show(stageDeadline(calendar, { start, allowanceWorkingDays: 15 }))).toBe('2025-03-21 17:00');
    const clock = caseClock(calendar, {
      start,
      allowanceWorkingDays: 15,
      pauses: [{ from: at('2025-03-04 08:00'), to: at('2025-03-06 08:00') }],
      now: at('2025-03-10 08:00'),
    });
    expect(show(clock.deadline)).toBe('2025-03-25 17:00');
    expect(clock).toMatchObject({ pausedWorkingDays: 2, workingDaysUsed: 3, workingDaysLeft: 12, paused: false });
  });

  it('keeps the time left constant while a pause is open', () => {
    const input = { start: at('2025-03-03 08:00'), allowanceWorkingDays: 15, pauses: [{ from: at('2025-03-05 10:00') }] };
    const friday = caseClock(calendar, { ...input, now: at('2025-03-07 10:00') });
    expect(friday).toMatchObject({ paused: true, pausedWorkingDays: 2, workingDaysUsed: 2.25, workingDaysLeft: 12.75 });
    expect(show(friday.deadline)).toBe('2025-03-25 17:00');
    const monday = caseClock(calendar, { ...input, now: at('2025-03-10 10:00') });
    expect(monday).toMatchObject({ paused: true, pausedWorkingDays: 3, workingDaysLeft: 12.75 });
    expect(show(monday.deadline)).toBe('2025-03-26 17:00');
  });

  it('counts overlapping pauses once and ignores a pause asked after the deadline', () => {
    const overlapping = stageDeadline(calendar, {
      start: at('2025-03-03 08:00'),
      allowanceWorkingDays: 15,
      pauses: [
        { from: at('2025-03-04 08:00'), to: at('2025-03-05 08:00') },
        { from: at('2025-03-04 12:00'), to: at('2025-03-06 08:00') },
      ],
    });
    expect(show(overlapping)).toBe('2025-03-25 17:00');
    const late = caseClock(calendar, {
      start: at('2025-03-14 16:59'),
      allowanceWorkingDays: 1,
      pauses: [{ from: at('2025-03-18 09:00'), to: at('2025-03-19 09:00') }],
      now: at('2025-03-19 10:00'),
    });
    expect(show(late.deadline)).toBe('2025-03-17 16:59');
    expect(late.overdue).toBe(true);
    expect(late.pausedWorkingDays).toBe(0);
  });

  it('adds one extension of up to 10 working days', () => {
    const start = at('2025-04-24 09:00');
    expect(show(stageDeadline(calendar, { start, allowanceWorkingDays: 15, extensionWorkingDays: 10 }))).toBe('2025-06-02 09:00');
    expect(() => stageDeadline(calendar, { start, allowanceWorkingDays: 15, extensionWorkingDays: 11 })).toThrow(DomainError);
  });

  it('refuses pauses it cannot place', () => {
    const start = at('2025-03-03 08:00');
    expect(() => stageDeadline(calendar, { start, allowanceWorkingDays: 5, pauses: [{ from: at('2025-03-04 08:00') }] })).toThrow(DomainError);
    expect(() => stageDeadline(calendar, { start, allowanceWorkingDays: 5, pauses: [{ from: at('2025-03-05 08:00'), to: at('2025-03-04 08:00') }] })).toThrow(
      DomainError,
    );
    expect(() => stageDeadline(calendar, { start, allowanceWorkingDays: -1 })).toThrow(DomainError);
  });
});
