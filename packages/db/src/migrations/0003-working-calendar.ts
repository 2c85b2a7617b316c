import type { Migration } from './migration.ts';

/** Issue 4: the government's yearly schedules as data, units' office hours, and the start of the answer stage. */
export const workingCalendar: Migration = {
  version: 3,
  name: 'working-calendar',
  statements: [
    `CREATE TABLE year_schedules (
      year INTEGER PRIMARY KEY,
      schedule TEXT NOT NULL CHECK (json_valid(schedule)),
      updated_by TEXT REFERENCES staff(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
    // NULL: the standard office hours (Monday to Friday, 08:00-12:00 and 13:00-17:00).
    `ALTER TABLE units ADD COLUMN office_hours TEXT CHECK (office_hours IS NULL OR json_valid(office_hours))`,
    `ALTER TABLE cases ADD COLUMN forwarded_at TEXT`,
    `UPDATE cases SET forwarded_at = (
       SELECT MAX(at) FROM case_events WHERE case_events.case_id = cases.id AND kind = 'forwarded'
     )`,
  ],
};
