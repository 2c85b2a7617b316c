import type { OfficeHours, YearSchedule } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { str } from './rows.ts';

export async function listYearSchedules(db: Executor): Promise<YearSchedule[]> {
  const result = await db.execute('SELECT schedule FROM year_schedules ORDER BY year');
  return result.rows.map((row) => JSON.parse(str(row, 'schedule')) as YearSchedule);
}

export async function saveYearSchedule(tx: Executor, schedule: YearSchedule, staffId: string, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO year_schedules (year, schedule, updated_by, updated_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (year) DO UPDATE SET schedule = excluded.schedule, updated_by = excluded.updated_by,
            updated_at = excluded.updated_at`,
    args: [schedule.year, JSON.stringify(schedule), staffId, now.toISOString()],
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
