import type { YearSchedule } from '@pakn/domain';

/** One editable date row. `key` keeps an input's identity while rows are added and removed. */
export interface DraftDay {
  readonly key: number;
  readonly date: string;
  readonly name: string;
}

interface DraftDate {
  readonly key: number;
  readonly date: string;
}

/** The admin's edits of a year's schedule, as the form holds them (strings, possibly blank rows). */
export interface ScheduleDraft {
  readonly year: number;
  readonly extraDaysOff: readonly DraftDay[];
  readonly workingDays: readonly DraftDay[];
  /** Whether the government's Tết days are entered (otherwise the five lunar default days apply). */
  readonly setTet: boolean;
  readonly tet: readonly DraftDate[];
  /** Day of September paired with National Day. */
  readonly companion: '01' | '03';
  readonly source: string;
  /** Not edited here; kept as they are so that saving does not drop them. */
  readonly removedDays: readonly string[];
}

/** The schedule shape the API takes (checked by YearScheduleSchema before sending). */
export interface ScheduleInput {
  year: number;
  extraDaysOff: { date: string; name: string }[];
  workingDays: { date: string; name: string }[];
  tet?: string[];
  nationalDayCompanion: string;
  removedDays?: string[];
  source?: string;
}

let nextKey = 1;
export function newKey(): number {
  return nextKey++;
}

/**
 * The form for a year, from the schedule in force (null when none was published or saved). `defaultTet`
 * are the Tết days the calendar uses without a schedule: they pre-fill the Tết rows when the admin opts in.
 */
export function draftFromSchedule(year: number, schedule: YearSchedule | null, defaultTet: readonly string[]): ScheduleDraft {
  return {
    year,
    extraDaysOff: (schedule?.extraDaysOff ?? []).map((d) => ({ key: newKey(), date: d.date, name: d.name })),
    workingDays: (schedule?.workingDays ?? []).map((d) => ({ key: newKey(), date: d.date, name: d.name })),
    setTet: schedule?.tet !== undefined,
    tet: (schedule?.tet ?? defaultTet).map((date) => ({ key: newKey(), date })),
    companion: schedule?.nationalDayCompanion?.endsWith('-09-01') ? '01' : '03',
    source: schedule?.source ?? '',
    removedDays: schedule?.removedDays ?? [],
  };
}

/**
 * Drops rows left entirely blank (an added row never filled in is not a mistake worth an error) and puts
 * the Tết days in date order. Done on the draft itself, so that the positions in validation errors
 * (`extraDaysOff.1.date`) match the rows shown.
 */
export function compactDraft(draft: ScheduleDraft): ScheduleDraft {
  const filled = (d: DraftDay) => d.date.trim() !== '' || d.name.trim() !== '';
  return {
    ...draft,
    extraDaysOff: draft.extraDaysOff.filter(filled),
    workingDays: draft.workingDays.filter(filled),
    // Tết days read best in date order, however they were added.
    tet: draft.tet.filter((d) => d.date.trim() !== '').sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** What the form sends: the schedule as the API takes it. Apply to a compacted draft. */
export function scheduleInput(draft: ScheduleDraft): ScheduleInput {
  const input: ScheduleInput = {
    year: draft.year,
    extraDaysOff: draft.extraDaysOff.map((d) => ({ date: d.date.trim(), name: d.name.trim() })),
    workingDays: draft.workingDays.map((d) => ({ date: d.date.trim(), name: d.name.trim() })),
    nationalDayCompanion: `${draft.year}-09-${draft.companion}`,
  };
  if (draft.setTet) input.tet = draft.tet.map((d) => d.date.trim());
  if (draft.removedDays.length > 0) input.removedDays = [...draft.removedDays];
  if (draft.source.trim()) input.source = draft.source.trim();
  return input;
}
