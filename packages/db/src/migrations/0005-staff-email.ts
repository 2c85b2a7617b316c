import type { Migration } from './migration.ts';

/** Staff receive notifications (assignments, approvals, reminders) by email. */
export const staffEmail: Migration = {
  version: 5,
  name: 'staff-email',
  statements: [`ALTER TABLE staff ADD COLUMN email TEXT`],
};
