import type { OfficeHours, YearSchedule } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { str } from './rows.ts';

export async function listYearSchedules(db: Executor): Promise<YearSchedule[]> {
  const result = await db.execute('SELECT schedule FROM year_schedules ORDER BY year');
  return result.rows.map((row) => JSON.parse(str(row, 'schedule')) as YearSchedule);
}

export async function saveYearSchedule(tx: Executor, schedule: YearSchedule, staffId: string, now: Date): Promise<void> {
  await tx.execute({
    // A new year starts with nothing recounted; a saved one gets a new revision (migration 0020).
    sql: `INSERT INTO year_schedules (year, schedule, updated_by, updated_at, revision, recounted_revision) VALUES (?, ?, ?, ?, 1, NULL)
          ON CONFLICT (year) DO UPDATE SET schedule = excluded.schedule, updated_by = excluded.updated_by,
            updated_at = excluded.updated_at, revision = year_schedules.revision + 1`,
    args: [schedule.year, JSON.stringify(schedule), staffId, now.toISOString()],
  });
}

/** A saved year whose deadlines and answer timings have not been counted again since (see migration 0020). */
export interface PendingRecount {
  readonly year: number;
  readonly revision: number;
}

/** The saved years whose stored list keys and answer facts do not follow their latest revision yet. */
export async function pendingCalendarRecounts(db: Executor): Promise<PendingRecount[]> {
  const result = await db.execute('SELECT year, revision FROM year_schedules WHERE recounted_revision IS NOT revision ORDER BY year');
  return result.rows.map((row) => ({ year: Number(row.year), revision: Number(row.revision) }));
}

/**
 * Records that a year's figures follow `revision`. A save since then (a higher revision) stays pending: the
 * recount that read the older calendar does not cover it.
 */
export async function markCalendarRecounted(tx: Executor, pending: PendingRecount): Promise<void> {
  await tx.execute({
    sql: 'UPDATE year_schedules SET recounted_revision = ? WHERE year = ? AND revision = ?',
    args: [pending.revision, pending.year, pending.revision],
  });
}

/** Units whose office hours differ from the standard ones. */
export async function listUnitOfficeHours(db: Executor): Promise<Map<string, OfficeHours>> {
  const result = await db.execute('SELECT id, office_hours FROM units WHERE office_hours IS NOT NULL');
  return new Map(result.rows.map((row) => [str(row, 'id'), JSON.parse(str(row, 'office_hours')) as OfficeHours]));
}

export async function setUnitOfficeHours(tx: Executor, unitId: string, hours: OfficeHours | null): Promise<void> {
  await tx.execute({
    sql: 'UPDATE units SET office_hours = ? WHERE id = ?',
    args: [hours ? JSON.stringify(hours) : null, unitId],
  });
}
