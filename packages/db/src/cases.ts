import type { Row } from '@libsql/client';
import {
  formatReference,
  type CaseEvent,
  type CaseEventKind,
  type CaseRecord,
  type CaseStatus,
  type Category,
  type AnswerOutcome,
  type Channel,
  type Extension,
  type Lang,
  type OutOfScopeClass,
} from '@pakn/domain';
import type { Executor } from './connection.ts';
import { num, onlyRow, str, strOrNull } from './rows.ts';
import { indexCase } from './case-search.ts';
import { CASE_COLUMNS, toCase } from './case-rows.ts';
import { newCaseQueueKey, type WorkingCalendars } from './case-queue.ts';

function toEvent(row: Row): CaseEvent {
  return {
    id: num(row, 'id'),
    caseId: str(row, 'case_id'),
    at: str(row, 'at'),
    kind: str(row, 'kind') as CaseEventKind,
    fromStatus: strOrNull(row, 'from_status') as CaseStatus | null,
    toStatus: str(row, 'to_status') as CaseStatus,
    actorStaffId: strOrNull(row, 'actor_staff_id'),
    note: strOrNull(row, 'note'),
    visibleToCitizen: num(row, 'visible_to_citizen') === 1,
  };
}

/** Allocates the next reference of the year. Call inside the write transaction that inserts the case. */
export async function nextReference(tx: Executor, year: number): Promise<string> {
  const result = await tx.execute({
    sql: `INSERT INTO reference_counters (year, last) VALUES (?, 1)
          ON CONFLICT (year) DO UPDATE SET last = last + 1
          RETURNING last`,
    args: [year],
  });
  return formatReference(year, num(onlyRow(result), 'last'));
}

export interface NewCase {
  readonly id: string;
  readonly reference: string;
  readonly accessKeyHash: string;
  readonly channel: Channel;
  readonly siteKey: string | null;
  readonly reportedCategory: Category | null;
  readonly concernedUnitId: string | null;
  readonly description: string;
  readonly dossierCode?: string | undefined;
  readonly appointmentDate?: string | undefined;
  readonly returnedDate?: string | undefined;
  readonly contact: { name?: string | undefined; phone?: string | undefined; email?: string | undefined } | undefined;
  readonly confidential: boolean;
  readonly wantsUpdates?: boolean;
  readonly consentAt: Date | null;
  readonly lang: Lang;
}

/** Inserts a case and indexes it; returns the stored row, so that no caller has to read it back (issue 11). */
export async function insertCase(tx: Executor, c: NewCase, now: Date, calendars?: WorkingCalendars): Promise<CaseRecord> {
  const at = now.toISOString();
  // Its list key goes in with the row (a new case has no answer yet: no answer facts to store either). Without
  // the calendars (seeding, bulk tools), a provisional key: due at once, the top of the inbox, until a recount.
  const key = calendars ? newCaseQueueKey(calendars, at) : { rank: 1, at };
  const inserted = await tx.execute({
    sql: `INSERT INTO cases (id, reference, access_key_hash, channel, site_key, status, reported_category,
            concerned_unit_id, description, contact_name, contact_phone, contact_email, confidential, consent_at,
            lang, created_at, updated_at, dossier_code, appointment_date, returned_date, wants_updates, queue_rank, queue_at)
          VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          RETURNING ${CASE_COLUMNS}`,
    args: [
      c.id,
      c.reference,
      c.accessKeyHash,
      c.channel,
      c.siteKey,
      c.reportedCategory,
      c.concernedUnitId,
      c.description,
      c.contact?.name ?? null,
      c.contact?.phone ?? null,
      c.contact?.email ?? null,
      c.confidential ? 1 : 0,
      c.consentAt?.toISOString() ?? null,
      c.lang,
      at,
      at,
      c.dossierCode ?? null,
      c.appointmentDate ?? null,
      c.returnedDate ?? null,
      c.wantsUpdates && c.contact?.email ? 1 : 0,
      key.rank,
      key.at,
    ],
  });
  await indexCase(tx, c.id);
  return toCase(onlyRow(inserted));
}

export async function getCase(db: Executor, id: string): Promise<CaseRecord | null> {
  const result = await db.execute({ sql: `SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`, args: [id] });
  const row = result.rows[0];
  return row ? toCase(row) : null;
}

/** The case with this (normalized) reference, for staff; never its access key hash. */
export async function getCaseByReference(db: Executor, reference: string): Promise<CaseRecord | null> {
  const result = await db.execute({ sql: `SELECT ${CASE_COLUMNS} FROM cases WHERE reference = ?`, args: [reference] });
  const row = result.rows[0];
  return row ? toCase(row) : null;
}

export async function getCaseForTracking(db: Executor, reference: string): Promise<{ record: CaseRecord; accessKeyHash: string } | null> {
  const result = await db.execute({
    sql: `SELECT ${CASE_COLUMNS}, access_key_hash FROM cases WHERE reference = ?`,
    args: [reference],
  });
  const row = result.rows[0];
  return row ? { record: toCase(row), accessKeyHash: str(row, 'access_key_hash') } : null;
}

export interface CaseListFilter {
  /** Only cases handled by this unit. */
  readonly unitId?: string | undefined;
  readonly statuses?: readonly CaseStatus[] | undefined;
  /** Only cases assigned to this staff member. */
  readonly assignedTo?: string | undefined;
  readonly limit?: number | undefined;
}

/** Oldest first: the case waiting longest is the one to handle next. */
export async function listCases(db: Executor, filter: CaseListFilter): Promise<CaseRecord[]> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.unitId !== undefined) {
    where.push('unit_id = ?');
    args.push(filter.unitId);
  }
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
    args.push(...filter.statuses);
  }
  if (filter.assignedTo !== undefined) {
    where.push('assigned_to = ?');
    args.push(filter.assignedTo);
  }
  args.push(filter.limit ?? 200);
  const result = await db.execute({
    sql: `SELECT ${CASE_COLUMNS} FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY created_at ASC LIMIT ?`,
    args,
  });
  return result.rows.map(toCase);
}

/** The fields a transition may change. */
export interface CasePatch {
  readonly status: CaseStatus;
  /** The summary of what the citizen reported, as the Centre corrected it. */
  readonly description?: string;
  readonly category?: Category;
  readonly outOfScopeClass?: OutOfScopeClass;
  readonly referral?: string;
  readonly unitId?: string | null;
  readonly forwardedAt?: Date | null;
  readonly answer?: string;
  readonly answeredAt?: Date;
  readonly ratingScore?: number;
  readonly ratingComment?: string | null;
  readonly ratedAt?: Date;
  readonly acknowledgedAt?: Date | null;
  readonly assignedTo?: string | null;
  readonly pauses?: string;
  readonly infoQuestion?: string | null;
  readonly extensionStatus?: Extension['status'] | null;
  readonly extensionDays?: number | null;
  readonly extensionReason?: string | null;
  readonly answerOutcome?: AnswerOutcome | null;
  readonly internalNote?: string | null;
}

const PATCH_COLUMNS: Readonly<Record<Exclude<keyof CasePatch, 'status'>, string>> = {
  description: 'description',
  category: 'category',
  outOfScopeClass: 'out_of_scope_class',
  referral: 'referral',
  unitId: 'unit_id',
  forwardedAt: 'forwarded_at',
  answer: 'answer',
  answeredAt: 'answered_at',
  ratingScore: 'rating_score',
  ratingComment: 'rating_comment',
  ratedAt: 'rated_at',
  acknowledgedAt: 'acknowledged_at',
  assignedTo: 'assigned_to',
  pauses: 'pauses',
  infoQuestion: 'info_question',
  extensionStatus: 'extension_status',
  extensionDays: 'extension_days',
  extensionReason: 'extension_reason',
  answerOutcome: 'answer_outcome',
  internalNote: 'internal_note',
};

/** The patch fields whose text is in the search index (case-search.ts). */
const INDEXED_PATCH_KEYS = ['description', 'category', 'outOfScopeClass'] as const satisfies readonly (keyof CasePatch)[];

/**
 * Applies a transition's patch if the case is still at `expectedVersion`. Returns false when someone else
 * changed it first, so the caller can answer "conflict" instead of overwriting their work.
 */
export async function updateCase(tx: Executor, id: string, expectedVersion: number, patch: CasePatch, now: Date): Promise<boolean> {
  const sets = ['status = ?', 'updated_at = ?', 'version = version + 1'];
  const args: (string | number | null)[] = [patch.status, now.toISOString()];
  for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof typeof PATCH_COLUMNS, string][]) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${column} = ?`);
    args.push(value instanceof Date ? value.toISOString() : value);
  }
  args.push(id, expectedVersion);
  const result = await tx.execute({
    sql: `UPDATE cases SET ${sets.join(', ')} WHERE id = ? AND version = ?`,
    args,
  });
  if (result.rowsAffected !== 1) return false;
  if (INDEXED_PATCH_KEYS.some((key) => patch[key] !== undefined)) await indexCase(tx, id);
  return true;
}

export interface NewCaseEvent {
  readonly caseId: string;
  readonly kind: CaseEventKind;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly actorStaffId: string | null;
  readonly note: string | null;
  readonly visibleToCitizen: boolean;
}

export async function insertEvent(tx: Executor, event: NewCaseEvent, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO case_events (case_id, at, kind, from_status, to_status, actor_staff_id, note, visible_to_citizen)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [event.caseId, now.toISOString(), event.kind, event.fromStatus, event.toStatus, event.actorStaffId, event.note, event.visibleToCitizen ? 1 : 0],
  });
}

export async function listEvents(db: Executor, caseId: string, onlyVisibleToCitizen = false): Promise<CaseEvent[]> {
  const result = await db.execute({
    sql: `SELECT id, case_id, at, kind, from_status, to_status, actor_staff_id, note, visible_to_citizen
          FROM case_events WHERE case_id = ? ${onlyVisibleToCitizen ? 'AND visible_to_citizen = 1' : ''}
          ORDER BY id`,
    args: [caseId],
  });
  return result.rows.map(toEvent);
}
