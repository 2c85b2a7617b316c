import { describe, expect, it } from 'vitest';
import { DEADLINE_STRINGS, deadlineTone, renderDeadline, timeLeftText, type DeadlineView } from './deadline.ts';

const onTime: DeadlineView = {
  stage: 'answer',
  dueAt: '2026-12-18T10:00:00.000Z',
  workingDaysLeft: 3,
  atRisk: false,
  overdue: false,
  overdueWorkingDays: 0,
};

describe('timeLeftText', () => {
  it('counts whole working days left, rounding down', () => {
    expect(timeLeftText(onTime, 'vi')).toBe('còn 3 ngày làm việc');
    expect(timeLeftText(onTime, 'en')).toBe('3 working days left');
    expect(timeLeftText({ ...onTime, workingDaysLeft: 2.6 }, 'vi')).toBe('còn 2 ngày làm việc');
    expect(timeLeftText({ ...onTime, workingDaysLeft: 1 }, 'en')).toBe('1 working day left');
    expect(timeLeftText({ ...onTime, workingDaysLeft: 2.9999999999 }, 'en')).toBe('3 working days left');
  });

  it('says less than one day when under a working day is left', () => {
    const late = { ...onTime, workingDaysLeft: 0.4, atRisk: true };
    expect(timeLeftText(late, 'vi')).toBe('còn dưới 1 ngày làm việc');
    expect(timeLeftText(late, 'en')).toBe('less than 1 working day left');
  });

  it('says how many working days a deadline is overdue', () => {
    const overdue = { ...onTime, workingDaysLeft: 0, overdue: true, overdueWorkingDays: 2.3 };
    expect(timeLeftText(overdue, 'vi')).toBe('quá hạn 2 ngày làm việc');
    expect(timeLeftText(overdue, 'en')).toBe('2 working days overdue');
    expect(timeLeftText({ ...overdue, overdueWorkingDays: 0.2 }, 'vi')).toBe('quá hạn dưới 1 ngày làm việc');
    expect(timeLeftText({ ...overdue, overdueWorkingDays: 1 }, 'en')).toBe('1 working day overdue');
  });
});

describe('deadlineTone', () => {
  it('puts overdue before at risk', () => {
    expect(deadlineTone(onTime)).toBe('on-time');
    expect(deadlineTone({ ...onTime, atRisk: true })).toBe('at-risk');
    expect(deadlineTone({ ...onTime, atRisk: true, overdue: true })).toBe('overdue');
  });
});

describe('issue 9: a case whose deadline could not be computed', () => {
  it('shows the warning in place of the deadline, in the viewer language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const shown = renderDeadline(null, lang, 'deadline_unavailable');
      expect(shown.values).toContain(DEADLINE_STRINGS.unavailable[lang]);
      expect(shown.values).not.toContain(DEADLINE_STRINGS.noDeadline[lang]);
    }
    expect(DEADLINE_STRINGS.unavailable.vi).toContain('Không tính được hạn');
  });

  it('reads "nothing due" when there is simply no deadline', () => {
    expect(renderDeadline(null, 'en').values).toContain(DEADLINE_STRINGS.noDeadline.en);
  });
});
