import type { Migration } from './migration.ts';

/**
 * Saving a year's schedule moves the deadlines of open cases and the timings of answers: their stored list keys
 * and answer facts are counted again after the save, in the background (issue 11: at a million cases that is
 * minutes, not a request). Each save bumps `revision`; `recounted_revision` says which revision the stored
 * figures follow, so a recount cut short by a restart is picked up at the next start, and a save that lands
 * during a recount is counted again after it. The schedules saved before this migration were recounted then.
 */
export const calendarRecount: Migration = {
  version: 20,
  name: 'calendar-recount',
  statements: [
    'ALTER TABLE year_schedules ADD COLUMN revision INTEGER NOT NULL DEFAULT 1',
    'ALTER TABLE year_schedules ADD COLUMN recounted_revision INTEGER',
    'UPDATE year_schedules SET recounted_revision = revision',
  ],
};
