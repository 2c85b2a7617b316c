import type { Channel, OutOfScopeClass } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';
import { indexCase } from './case-search.ts';

export interface NewContact {
  readonly id: string;
  readonly caseId: string;
  readonly channel: Channel;
  readonly at: Date;
  /** Normalised (see normalizePhone), so a repeat caller is found whatever way the number was typed. */
  readonly phone: string | null;
  readonly summary: string | null;
  readonly recordedBy: string | null;
  /** A contact about a case that already exists ("called again"). */
  readonly isFollowUp: boolean;
  /**
   * This contact asked that their identity stay hidden from the unit concerned (issue 9). It belongs to the
   * contact: a merge moves it with the contact, and a follow-up caller's flag is their own.
   */
  readonly confidential: boolean;
  /** What the caller said of themselves, when the officer recorded it; under `confidential` like the phone. */
  readonly name?: string | null | undefined;
  readonly email?: string | null | undefined;
}

export async function insertContact(tx: Executor, c: NewContact): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO contacts (id, case_id, channel, at, phone, summary, recorded_by, is_follow_up, confidential, name, email)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      c.id,
      c.caseId,
      c.channel,
      c.at.toISOString(),
      c.phone,
      c.summary,
      c.recordedBy,
      c.isFollowUp ? 1 : 0,
      c.confidential ? 1 : 0,
      c.name ?? null,
      c.email ?? null,
    ],
  });
  await indexCase(tx, c.caseId);
}

export interface ContactRecord {
  readonly id: string;
  readonly caseId: string;
  readonly reference: string;
  readonly status: string;
  readonly channel: Channel;
  readonly at: string;
  readonly phone: string | null;
  readonly summary: string | null;
  readonly isFollowUp: boolean;
}

const CONTACT_SELECT = `SELECT k.id, k.case_id, c.reference, c.status, k.channel, k.at, k.phone, k.summary, k.is_follow_up
  FROM contacts AS k JOIN cases AS c ON c.id = k.case_id`;

function toContact(row: Parameters<typeof str>[0]): ContactRecord {
  return {
    id: str(row, 'id'),
    caseId: str(row, 'case_id'),
    reference: str(row, 'reference'),
    status: str(row, 'status'),
    channel: str(row, 'channel') as Channel,
    at: str(row, 'at'),
    phone: strOrNull(row, 'phone'),
    summary: strOrNull(row, 'summary'),
    isFollowUp: num(row, 'is_follow_up') === 1,
  };
}

export async function contactsByPhone(db: Executor, phone: string, limit = 50): Promise<ContactRecord[]> {
  const result = await db.execute({ sql: `${CONTACT_SELECT} WHERE k.phone = ? ORDER BY k.at DESC LIMIT ?`, args: [phone, limit] });
  return result.rows.map(toContact);
}

export async function contactsOfCase(db: Executor, caseId: string): Promise<ContactRecord[]> {
  const result = await db.execute({ sql: `${CONTACT_SELECT} WHERE k.case_id = ? ORDER BY k.at`, args: [caseId] });
  return result.rows.map(toContact);
}

export interface DailyIntake {
  readonly calls: number;
  readonly distinctCallers: number;
  readonly zalo: number;
  readonly viber: number;
  readonly walkIn: number;
  readonly email: number;
  readonly webWidget: number;
  readonly followUps: number;
}

/** What arrived in [from, to): calls, distinct calling numbers, and messages per channel. */
export async function dailyIntake(db: Executor, from: Date, to: Date): Promise<DailyIntake> {
  const range = [from.toISOString(), to.toISOString()];
  const contacts = await db.execute({
    sql: `SELECT
        SUM(channel = 'hotline') AS calls,
        COUNT(DISTINCT CASE WHEN channel = 'hotline' THEN phone END) AS callers,
        SUM(channel = 'zalo') AS zalo,
        SUM(channel = 'viber') AS viber,
        SUM(channel = 'walk_in') AS walk_in,
        SUM(channel = 'email') AS email,
        SUM(is_follow_up) AS follow_ups
      FROM contacts WHERE at >= ? AND at < ?`,
    args: range,
  });
  const web = await db.execute({ sql: `SELECT COUNT(*) AS n FROM cases WHERE channel = 'web_widget' AND created_at >= ? AND created_at < ?`, args: range });
  const row = contacts.rows[0];
  const n = (column: string) => Number(row?.[column] ?? 0);
  return {
    calls: n('calls'),
    distinctCallers: n('callers'),
    zalo: n('zalo'),
    viber: n('viber'),
    walkIn: n('walk_in'),
    email: n('email'),
    webWidget: Number(web.rows[0]?.n ?? 0),
    followUps: n('follow_ups'),
  };
}

/**
 * Moves the contacts of a duplicate to the case it was merged into, so no contact is lost. Each keeps its own
 * confidentiality: a confidential caller of the duplicate stays hidden on a primary case that is not.
 */
export async function moveContacts(tx: Executor, fromCaseId: string, toCaseId: string): Promise<void> {
  await tx.execute({ sql: 'UPDATE contacts SET case_id = ? WHERE case_id = ?', args: [toCaseId, fromCaseId] });
  await indexCase(tx, fromCaseId);
  await indexCase(tx, toCaseId);
}

export async function setMergedInto(tx: Executor, caseId: string, primaryId: string): Promise<void> {
  await tx.execute({ sql: 'UPDATE cases SET merged_into = ? WHERE id = ?', args: [primaryId, caseId] });
  // The primary case is found by the duplicate's reference and words too.
  await indexCase(tx, primaryId);
}

export interface Authority {
  readonly id: string;
  readonly outOfScopeClass: OutOfScopeClass;
  readonly name: { vi: string; en: string };
  readonly referral: { vi: string; en: string };
}

function toAuthority(row: Parameters<typeof str>[0]): Authority {
  return {
    id: str(row, 'id'),
    outOfScopeClass: str(row, 'out_of_scope_class') as OutOfScopeClass,
    name: { vi: str(row, 'name_vi'), en: str(row, 'name_en') },
    referral: { vi: str(row, 'referral_vi'), en: str(row, 'referral_en') },
  };
}

export async function listAuthorities(db: Executor): Promise<Authority[]> {
  const result = await db.execute(
    'SELECT id, out_of_scope_class, name_vi, name_en, referral_vi, referral_en FROM authorities ORDER BY out_of_scope_class, name_vi',
  );
  return result.rows.map(toAuthority);
}

export async function saveAuthority(tx: Executor, a: Authority, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO authorities (id, out_of_scope_class, name_vi, name_en, referral_vi, referral_en, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET out_of_scope_class = excluded.out_of_scope_class, name_vi = excluded.name_vi,
            name_en = excluded.name_en, referral_vi = excluded.referral_vi, referral_en = excluded.referral_en, updated_at = excluded.updated_at`,
    args: [a.id, a.outOfScopeClass, a.name.vi, a.name.en, a.referral.vi, a.referral.en, now.toISOString()],
  });
}

export async function deleteAuthority(tx: Executor, id: string): Promise<boolean> {
  return (await tx.execute({ sql: 'DELETE FROM authorities WHERE id = ?', args: [id] })).rowsAffected === 1;
}

export const UNIT_RECORD_KINDS = ['reminder', 'escalation', 'reprimand', 'correction', 'commendation'] as const;
export type UnitRecordKind = (typeof UNIT_RECORD_KINDS)[number];

export interface UnitRecord {
  readonly id: string;
  readonly unitId: string;
  readonly caseId: string | null;
  readonly reference: string | null;
  readonly kind: UnitRecordKind;
  readonly note: string;
  readonly recordedBy: string;
  readonly at: string;
}

export async function insertUnitRecord(tx: Executor, r: Omit<UnitRecord, 'reference'>): Promise<void> {
  await tx.execute({
    sql: 'INSERT INTO unit_records (id, unit_id, case_id, kind, note, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    args: [r.id, r.unitId, r.caseId, r.kind, r.note, r.recordedBy, r.at],
  });
}

export async function listUnitRecords(db: Executor, filter: { unitId?: string | undefined; caseId?: string | undefined }): Promise<UnitRecord[]> {
  const where: string[] = [];
  const args: string[] = [];
  if (filter.unitId) {
    where.push('r.unit_id = ?');
    args.push(filter.unitId);
  }
  if (filter.caseId) {
    where.push('r.case_id = ?');
    args.push(filter.caseId);
  }
  const result = await db.execute({
    sql: `SELECT r.id, r.unit_id, r.case_id, c.reference, r.kind, r.note, r.recorded_by, r.at
          FROM unit_records AS r LEFT JOIN cases AS c ON c.id = r.case_id
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.at DESC LIMIT 500`,
    args,
  });
  return result.rows.map((row) => ({
    id: str(row, 'id'),
    unitId: str(row, 'unit_id'),
    caseId: strOrNull(row, 'case_id'),
    reference: strOrNull(row, 'reference'),
    kind: str(row, 'kind') as UnitRecordKind,
    note: str(row, 'note'),
    recordedBy: str(row, 'recorded_by'),
    at: str(row, 'at'),
  }));
}

/** Reprimands and commendations per unit and kind within a period: input to the yearly reform evaluation. */
export async function unitRecordTotals(db: Executor, from: Date, to: Date): Promise<{ unitId: string; kind: UnitRecordKind; count: number }[]> {
  const result = await db.execute({
    sql: 'SELECT unit_id, kind, COUNT(*) AS n FROM unit_records WHERE at >= ? AND at < ? GROUP BY unit_id, kind ORDER BY unit_id, kind',
    args: [from.toISOString(), to.toISOString()],
  });
  return result.rows.map((row) => ({ unitId: str(row, 'unit_id'), kind: str(row, 'kind') as UnitRecordKind, count: num(row, 'n') }));
}

export async function setUnitInspection(tx: Executor, unitId: string, underInspection: boolean): Promise<boolean> {
  return (await tx.execute({ sql: 'UPDATE units SET under_inspection = ? WHERE id = ?', args: [underInspection ? 1 : 0, unitId] })).rowsAffected === 1;
}

export async function unitsUnderInspection(db: Executor): Promise<Set<string>> {
  const result = await db.execute('SELECT id FROM units WHERE under_inspection = 1');
  return new Set(result.rows.map((row) => str(row, 'id')));
}
