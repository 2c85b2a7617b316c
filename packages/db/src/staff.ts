import type { Row } from '@libsql/client';
import type { Role, StaffMember } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { str, strOrNull } from './rows.ts';

function toStaff(row: Row): StaffMember {
  return {
    id: str(row, 'id'),
    username: str(row, 'username'),
    displayName: str(row, 'display_name'),
    role: str(row, 'role') as Role,
    unitId: strOrNull(row, 'unit_id'),
  };
}

const STAFF_COLUMNS = 'id, username, display_name, role, unit_id';

export async function insertStaff(db: Executor, staff: StaffMember & { passwordHash: string }, now: Date): Promise<void> {
  await db.execute({
    sql: `INSERT INTO staff (id, username, display_name, password_hash, role, unit_id, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [staff.id, staff.username, staff.displayName, staff.passwordHash, staff.role, staff.unitId, now.toISOString()],
  });
}

export async function findStaffForLogin(db: Executor, username: string): Promise<{ staff: StaffMember; passwordHash: string } | null> {
  const result = await db.execute({
    sql: `SELECT ${STAFF_COLUMNS}, password_hash FROM staff WHERE username = ? AND active = 1`,
    args: [username],
  });
  const row = result.rows[0];
  return row ? { staff: toStaff(row), passwordHash: str(row, 'password_hash') } : null;
}

export async function insertSession(db: Executor, session: { tokenHash: string; staffId: string; expiresAt: Date }, now: Date): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO sessions (token_hash, staff_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
    args: [session.tokenHash, session.staffId, now.toISOString(), session.expiresAt.toISOString(), now.toISOString()],
  });
}

/**
 * The staff member a session signs in, or null when the session is unknown, past its absolute expiry, idle
 * for `idleSeconds` or longer (when given), or its account is disabled. `lastSeenAt` tells the caller whether
 * the session's use needs recording (see touchSession).
 */
export async function findSession(db: Executor, tokenHash: string, now: Date, idleSeconds?: number): Promise<{ staff: StaffMember; lastSeenAt: Date } | null> {
  const result = await db.execute({
    sql: `SELECT s.id, s.username, s.display_name, s.role, s.unit_id, COALESCE(x.last_seen_at, x.created_at) AS seen
          FROM sessions AS x JOIN staff AS s ON s.id = x.staff_id
          WHERE x.token_hash = ? AND x.expires_at > ? AND s.active = 1`,
    args: [tokenHash, now.toISOString()],
  });
  const row = result.rows[0];
  if (!row) return null;
  const lastSeenAt = new Date(str(row, 'seen'));
  if (idleSeconds !== undefined && now.getTime() - lastSeenAt.getTime() >= idleSeconds * 1000) return null;
  return { staff: toStaff(row), lastSeenAt };
}

export async function findSessionStaff(db: Executor, tokenHash: string, now: Date, idleSeconds?: number): Promise<StaffMember | null> {
  return (await findSession(db, tokenHash, now, idleSeconds))?.staff ?? null;
}

/** Records that a session was used now (the idle timeout counts from here). */
export async function touchSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db.execute({ sql: 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', args: [now.toISOString(), tokenHash] });
}

/** Whether a staff member is still active with this role and unit (a live stream checks it has not changed). */
export async function staffStillAs(db: Executor, staff: StaffMember): Promise<boolean> {
  const result = await db.execute({ sql: 'SELECT role, unit_id FROM staff WHERE id = ? AND active = 1', args: [staff.id] });
  const row = result.rows[0];
  return row !== undefined && str(row, 'role') === staff.role && strOrNull(row, 'unit_id') === staff.unitId;
}

/** Deletes a staff member's sessions that can no longer sign in (past the absolute or the idle timeout). */
export async function deleteEndedSessions(tx: Executor, staffId: string, now: Date, idleSeconds: number): Promise<number> {
  const result = await tx.execute({
    sql: `DELETE FROM sessions WHERE staff_id = ? AND (expires_at <= ? OR COALESCE(last_seen_at, created_at) <= ?)`,
    args: [staffId, now.toISOString(), new Date(now.getTime() - idleSeconds * 1000).toISOString()],
  });
  return result.rowsAffected;
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.execute({ sql: 'DELETE FROM sessions WHERE token_hash = ?', args: [tokenHash] });
}

/** Email addresses of the active staff of a unit, optionally only some roles. */
export async function unitStaffEmails(db: Executor, unitId: string, roles?: readonly string[]): Promise<string[]> {
  const roleFilter = roles && roles.length > 0 ? `AND role IN (${roles.map(() => '?').join(', ')})` : '';
  const result = await db.execute({
    sql: `SELECT email FROM staff WHERE unit_id = ? AND active = 1 AND email IS NOT NULL ${roleFilter}`,
    args: [unitId, ...(roles ?? [])],
  });
  return result.rows.map((row) => str(row, 'email'));
}

export async function staffEmailsByRole(db: Executor, role: string): Promise<string[]> {
  const result = await db.execute({ sql: 'SELECT email FROM staff WHERE role = ? AND active = 1 AND email IS NOT NULL', args: [role] });
  return result.rows.map((row) => str(row, 'email'));
}

/** The email of one active staff member, or null (no address, or no longer active). */
export async function staffEmailById(db: Executor, staffId: string): Promise<string | null> {
  const result = await db.execute({ sql: 'SELECT email FROM staff WHERE id = ? AND active = 1 AND email IS NOT NULL', args: [staffId] });
  const row = result.rows[0];
  return row ? str(row, 'email') : null;
}

export async function setStaffEmail(tx: Executor, staffId: string, email: string | null): Promise<void> {
  await tx.execute({ sql: 'UPDATE staff SET email = ? WHERE id = ?', args: [email, staffId] });
}

export async function countStaff(db: Executor): Promise<number> {
  const result = await db.execute('SELECT COUNT(*) AS n FROM staff');
  return Number(result.rows[0]?.n ?? 0);
}

export async function listStaffOfUnit(db: Executor, unitId: string): Promise<StaffMember[]> {
  const result = await db.execute({ sql: `SELECT ${STAFF_COLUMNS} FROM staff WHERE unit_id = ? AND active = 1 ORDER BY display_name`, args: [unitId] });
  return result.rows.map(toStaff);
}

export interface StaffAccount extends StaffMember {
  readonly email: string | null;
  readonly active: boolean;
}

export async function listStaffAccounts(db: Executor): Promise<StaffAccount[]> {
  const result = await db.execute(`SELECT ${STAFF_COLUMNS}, email, active FROM staff ORDER BY role, username`);
  return result.rows.map((row) => ({ ...toStaff(row), email: strOrNull(row, 'email'), active: row.active === 1 }));
}

/** Changes an account's role, unit, email or state. Deactivating also ends its sessions. */
export async function updateStaffAccount(
  tx: Executor,
  id: string,
  change: { displayName: string; role: string; unitId: string | null; email: string | null; active: boolean },
): Promise<boolean> {
  const result = await tx.execute({
    sql: 'UPDATE staff SET display_name = ?, role = ?, unit_id = ?, email = ?, active = ? WHERE id = ?',
    args: [change.displayName, change.role, change.unitId, change.email, change.active ? 1 : 0, id],
  });
  if (!change.active) await tx.execute({ sql: 'DELETE FROM sessions WHERE staff_id = ?', args: [id] });
  return result.rowsAffected === 1;
}

export async function setStaffPassword(tx: Executor, id: string, passwordHash: string): Promise<boolean> {
  const result = await tx.execute({ sql: 'UPDATE staff SET password_hash = ? WHERE id = ?', args: [passwordHash, id] });
  await tx.execute({ sql: 'DELETE FROM sessions WHERE staff_id = ?', args: [id] });
  return result.rowsAffected === 1;
}

/** Display names and roles of staff members, by id (deactivated ones too: history keeps their names). */
export async function staffDirectory(db: Executor, ids: readonly string[]): Promise<Map<string, { displayName: string; role: Role }>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, { displayName: string; role: Role }>();
  // SQLite's default limit on bound parameters is far above this; chunks keep each statement small.
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    const result = await db.execute({ sql: `SELECT id, display_name, role FROM staff WHERE id IN (${chunk.map(() => '?').join(', ')})`, args: chunk });
    for (const row of result.rows) out.set(str(row, 'id'), { displayName: str(row, 'display_name'), role: str(row, 'role') as Role });
  }
  return out;
}
