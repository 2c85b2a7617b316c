import { describe, expect, it } from 'vitest';
import { YEAR_SCHEDULE_2025, YearScheduleSchema } from '@pakn/domain';
import { compactDraft, draftFromSchedule, scheduleInput } from './schedule-draft.ts';

describe('schedule drafts', () => {
  it('round-trips a published schedule through the form unchanged', () => {
    const draft = draftFromSchedule(2025, YEAR_SCHEDULE_2025, ['2025-01-28']);
    expect(draft.setTet).toBe(false);
    expect(draft.companion).toBe('01');
    const input = scheduleInput(compactDraft(draft));
    expect(input).toEqual({ ...YEAR_SCHEDULE_2025 });
    expect(YearScheduleSchema.safeParse(input).success).toBe(true);
  });

  it('starts an unpublished year empty, with the default Tết days ready and 3 September paired', () => {
    const draft = draftFromSchedule(2027, null, ['2027-02-05', '2027-02-06']);
    expect(draft.extraDaysOff).toEqual([]);
    expect(draft.tet.map((d) => d.date)).toEqual(['2027-02-05', '2027-02-06']);
    expect(scheduleInput(draft)).toEqual({ year: 2027, extraDaysOff: [], workingDays: [], nationalDayCompanion: '2027-09-03' });
    expect(scheduleInput({ ...draft, setTet: true }).tet).toEqual(['2027-02-05', '2027-02-06']);
  });

  it('drops rows left blank but keeps half-filled ones, so that they get an error', () => {
    const draft = draftFromSchedule(2027, null, []);
    const edited = {
      ...draft,
      extraDaysOff: [
        { key: 1, date: '', name: '  ' },
        { key: 2, date: '', name: 'Nghỉ hoán đổi' },
      ],
      workingDays: [{ key: 3, date: '2027-02-13', name: 'Làm bù' }],
    };
    const compact = compactDraft({
      ...edited,
      tet: [
        { key: 4, date: '2027-02-05' },
        { key: 5, date: '' },
        { key: 6, date: '2027-02-04' },
      ],
    });
    expect(compact.tet.map((d) => d.date)).toEqual(['2027-02-04', '2027-02-05']);
    expect(compact.extraDaysOff.map((d) => d.key)).toEqual([2]);
    const parsed = YearScheduleSchema.safeParse(scheduleInput(compact));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['extraDaysOff', 0, 'date']);
  });
});
