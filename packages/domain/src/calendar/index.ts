/**
 * The working-day clock: Vietnam's civil calendar (fixed UTC+7), public holidays, yearly schedules,
 * office hours, working-day arithmetic and stage deadlines. Pure: `now` and configuration are arguments.
 */
export {
  IsoWeekday,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  VIETNAM_TIME_ZONE,
  VIETNAM_UTC_OFFSET_MS,
  formatVietnamDateTime,
  isIsoDate,
  vietnamDateOf,
  vietnamTime,
  type ClockTime,
  type Instant,
  type IsoDate,
} from './civil-date.ts';
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  lastDayOfLunarYear,
  lengthOfLastLunarMonth,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
  type LunarDate,
} from './lunar.ts';
export {
  OFFICE_HOURS_WITH_SATURDAY_MORNING,
  OfficeHoursSchema,
  OfficePeriodSchema,
  SATURDAY_MORNING,
  STANDARD_OFFICE_HOURS,
  STANDARD_WORKING_DAY,
  WEEKDAY_NAMES,
  type OfficeHours,
  type OfficePeriod,
  type WeekdayName,
} from './office-hours.ts';
export {
  STATUTORY_HOLIDAY_LABELS,
  StatutoryHoliday,
  defaultTetDays,
  hungKingsDay,
  statutoryHolidays,
  type HolidayDate,
  type StatutoryChoices,
} from './holidays.ts';
export {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  PUBLISHED_YEAR_SCHEDULES,
  ScheduleDaySchema,
  YEAR_SCHEDULE_2025,
  YEAR_SCHEDULE_2026,
  YearScheduleSchema,
  type ScheduleDay,
  type YearSchedule,
  type YearScheduleInput,
} from './year-schedule.ts';
export {
  DayKind,
  buildCalendar,
  calendarDay,
  isWorkingDay,
  listSpecialDays,
  type CalendarDay,
  type CalendarOptions,
  type WorkingCalendar,
} from './working-calendar.ts';
export {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  isWithinOfficeHours,
  nextWorkingInstant,
  officeStatus,
  workingDaysBetween,
  workingTimeBetween,
  type OfficeStatus,
  type WorkingPeriod,
} from './working-time.ts';
export {
  DEFAULT_AT_RISK_WORKING_DAYS,
  EXTENSION_RULE,
  CASE_STAGE_RULES,
  CaseStage,
  caseClock,
  stageDeadline,
  type CaseClock,
  type CaseClockInput,
  type PauseInterval,
  type StageDeadlineInput,
  type CaseStageRule,
} from './case-clock.ts';
