import type { Executor } from '@pakn/db';
import { getCase, insertEvent, listEvents, refreshCaseQueue, staffDirectory, updateCase, type CasePatch } from '@pakn/db';
import { DomainError, can, move, type CaseMove, type CaseRecord, type StaffMember } from '@pakn/domain';
import { auditStaff } from './audit.ts';
import type { Context } from './context.ts';
import { deadlineOrWarning } from './deadlines.ts';
import { notifyCitizenOfStatus } from './notifications.ts';
import { presentCaseForStaff } from './presenters.ts';

/**
 * Loads a case the staff member may see. A case outside a unit member's unit is reported as not found, so
 * guessing ids reveals nothing.
 */
export async function loadVisibleCase(db: Executor, staff: StaffMember, caseId: string): Promise<CaseRecord> {
  return visibleOrNotFound(staff, await getCase(db, caseId));
}

/** A case read back after this request wrote it (in the same transaction, or after it committed). */
export async function reloadCase(db: Executor, caseId: string): Promise<CaseRecord> {
  const record = await getCase(db, caseId);
  if (!record) throw new Error(`Case ${caseId} vanished after it was written`);
  return record;
}

/** The case if the staff member may see it; "not found" for a case they may not see, as for one that does not exist. */
export function visibleOrNotFound(staff: StaffMember, record: CaseRecord | null): CaseRecord {
  if (!record) throw new DomainError('not_found', 'No such case');
  if (can(staff.role, 'viewAllCases')) return record;
  if (can(staff.role, 'viewUnitCases') && staff.unitId !== null && record.unitId === staff.unitId) return record;
  throw new DomainError('not_found', 'No such case');
}

/** Names of staff by id, for showing who a case is assigned to; lists look them up once for all rows. */
export type StaffNames = ReadonlyMap<string, { readonly displayName: string; readonly role: string }>;

/**
 * A case as staff see it, with its current deadline and, when asked, its history. A deadline that cannot be
 * computed (dates outside the working calendar) leaves the case readable: no deadline, and a warning the portal
 * shows on the row.
 */
export async function staffView(ctx: Context, record: CaseRecord, staff: StaffMember, db: Executor, withEvents: boolean, names?: StaffNames) {
  const { deadline, warning } = await deadlineOrWarning(ctx.services, record, ctx.services.now());
  const directory = names ?? (record.assignedTo ? await staffDirectory(db, [record.assignedTo]) : new Map<string, never>());
  const assignee = record.assignedTo ? (directory.get(record.assignedTo) ?? null) : null;
  return presentCaseForStaff(record, staff, deadline, withEvents ? await listEvents(db, record.id) : [], assignee, warning);
}

/** The fields of a case an audit entry shows before and after a change (never the citizen's identity). */
export function auditedFields(record: CaseRecord) {
  return {
    status: record.status,
    category: record.category,
    outOfScopeClass: record.outOfScopeClass,
    unitId: record.unitId,
    extension: record.extension,
    version: record.version,
  };
}

export function publishChange(ctx: Context, record: CaseRecord, kind: string): void {
  ctx.services.feed.publish({
    caseId: record.id,
    reference: record.reference,
    status: record.status,
    unitId: record.unitId,
    kind,
    at: ctx.services.now().toISOString(),
  });
}

export interface MovePlan {
  /** What the move changes besides the status. */
  readonly patch?: Omit<CasePatch, 'status'>;
  /** The text recorded with the event (a comment, a question, a reason). */
  readonly note?: string | null;
  /** More work in the same transaction: letters, notifications. */
  readonly afterwards?: (tx: Executor, before: CaseRecord, after: CaseRecord) => Promise<void>;
}

/**
 * Makes a move of the workflow for a staff member: checks it (workflow.ts), applies it with its event,
 * audit entry and notifications in one write transaction, refuses it if the case changed meanwhile, then
 * tells open portals.
 */
export async function applyMove(
  ctx: Context & { staff: StaffMember },
  caseId: string,
  kind: CaseMove,
  plan: (current: CaseRecord, tx: Executor) => MovePlan | Promise<MovePlan> = () => ({}),
) {
  const { db, now } = ctx.services;
  const at = now();
  const staff = ctx.staff;
  // Loaded before the write: the list key of the case is recomputed in it (refreshCaseQueue).
  const calendars = await ctx.services.calendars.all();
  const after = await db.write(async (tx) => {
    const current = await loadVisibleCase(tx, staff, caseId);
    const { patch = {}, note = null, afterwards } = await plan(current, tx);
    const moved = move({ status: current.status, unitId: current.unitId }, kind, { role: staff.role, unitId: staff.unitId }, note);
    if (!(await updateCase(tx, current.id, current.version, { ...patch, status: moved.to }, at))) {
      throw new DomainError('conflict', 'The case changed meanwhile');
    }
    await insertEvent(
      tx,
      { caseId: current.id, kind, fromStatus: moved.from, toStatus: moved.to, actorStaffId: staff.id, note, visibleToCitizen: moved.visibleToCitizen },
      at,
    );
    await refreshCaseQueue(tx, calendars, [current.id]);
    const after = await reloadCase(tx, current.id);
    if (moved.visibleToCitizen && (after.status === 'answered' || after.status === 'referred' || after.status === 'info_requested')) {
      await notifyCitizenOfStatus(tx, after, at);
    }
    await afterwards?.(tx, current, after);
    await auditStaff(tx, ctx, {
      action: `case.${kind}`,
      entityType: 'case',
      entityId: current.id,
      before: auditedFields(current),
      after: auditedFields(after),
      reason: note,
    });
    return after;
  });
  publishChange(ctx, after, kind);
  // After the commit: the view's deadline may need the calendars, which load through the database.
  return staffView(ctx, after, staff, db, true);
}

/**
 * A change that is not a move of the workflow (an extension request or decision, an assignment): checked by
 * `check`, recorded as an event and in the audit trail, in one transaction.
 */
export async function applyUpdate(
  ctx: Context & { staff: StaffMember },
  caseId: string,
  kind: 'extension_requested' | 'extension_approved' | 'extension_refused' | 'assigned' | 'summary_edited',
  plan: (current: CaseRecord, tx: Executor) => MovePlan | Promise<MovePlan>,
) {
  const { db, now } = ctx.services;
  const at = now();
  const staff = ctx.staff;
  // Loaded before the write: the list key of the case is recomputed in it (refreshCaseQueue).
  const calendars = await ctx.services.calendars.all();
  const after = await db.write(async (tx) => {
    const current = await loadVisibleCase(tx, staff, caseId);
    const { patch = {}, note = null, afterwards } = await plan(current, tx);
    if (!(await updateCase(tx, current.id, current.version, { ...patch, status: current.status }, at))) {
      throw new DomainError('conflict', 'The case changed meanwhile');
    }
    await insertEvent(
      tx,
      { caseId: current.id, kind, fromStatus: current.status, toStatus: current.status, actorStaffId: staff.id, note, visibleToCitizen: false },
      at,
    );
    await refreshCaseQueue(tx, calendars, [current.id]);
    const after = await reloadCase(tx, current.id);
    await afterwards?.(tx, current, after);
    await auditStaff(tx, ctx, {
      action: `case.${kind}`,
      entityType: 'case',
      entityId: current.id,
      before: auditedFields(current),
      after: auditedFields(after),
      reason: note,
    });
    return after;
  });
  publishChange(ctx, after, kind);
  // After the commit: the view's deadline may need the calendars, which load through the database.
  return staffView(ctx, after, staff, db, true);
}
