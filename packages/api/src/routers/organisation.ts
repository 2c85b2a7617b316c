import { randomUUID } from 'node:crypto';
import {
  deleteAuthority,
  getCase,
  getUnit,
  insertEvent,
  insertUnitRecord,
  listAudit,
  listStaffOfUnit,
  listAuthorities,
  listUnitRecords,
  listUnits,
  saveAuthority,
  setUnitInspection,
  staffEmailsByRole,
  unitsUnderInspection,
  verifyAuditChain,
  readCheckpointFile,
  enqueueMessage,
} from '@pakn/db';
import {
  AuditListInputSchema,
  AuthorityInputSchema,
  DomainError,
  EvaluationPeriodInputSchema,
  InspectionInputSchema,
  UnitRecordInputSchema,
  UnitStaffInputSchema,
  VIETNAM_UTC_OFFSET_MS,
  can,
} from '@pakn/domain';
import * as z from 'zod/mini';
import { auditStaff } from '../audit.ts';
import { unitEvaluation } from '../evaluation.ts';
import { notifyUnitOfReminder } from '../notifications.ts';
import { requirePermission, router, staffMutation, staffQuery } from '../trpc.ts';

const JUDGEMENTS = new Set(['reprimand', 'correction', 'commendation']);

export const unitRouter = router({
  /** All units, with whether each is under inspection. */
  list: staffQuery.query(async ({ ctx }) => {
    const inspected = await unitsUnderInspection(ctx.services.db);
    return (await listUnits(ctx.services.db)).map((u) => ({ ...u, underInspection: inspected.has(u.id) }));
  }),

  /**
   * The active members of a unit, for the unit head's assignment picker: a unit head reads only their own
   * unit; the Centre, inspectors and the administrator any unit; a handler none.
   */
  staff: staffQuery.input(UnitStaffInputSchema).query(async ({ ctx, input }) => {
    const { staff } = ctx;
    const ownUnit = can(staff.role, 'assign') && staff.unitId !== null && staff.unitId === input.unitId;
    if (!can(staff.role, 'viewAllCases') && !ownUnit) throw new DomainError('forbidden', 'Not allowed to list this unit’s staff');
    if (!(await getUnit(ctx.services.db, input.unitId))) throw new DomainError('not_found', 'No such unit');
    return (await listStaffOfUnit(ctx.services.db, input.unitId)).map((m) => ({ id: m.id, displayName: m.displayName, role: m.role }));
  }),

  /** How each unit served people over a period (both dates included, Vietnamese calendar days). */
  evaluation: staffQuery.input(EvaluationPeriodInputSchema).query(({ ctx, input }) => {
    requirePermission(ctx.staff, 'readEvaluation');
    return unitEvaluation(ctx.services, input);
  }),

  /** What the Centre recorded against a unit: reminders, escalations, reprimands, commendations. */
  records: staffQuery.input(z.object({ unitId: z.optional(z.string()), caseId: z.optional(z.string()) })).query(async ({ ctx, input }) => {
    const { staff } = ctx;
    // A unit sees what was recorded against it; the Centre and inspectors see everything.
    const unitId = staff.role === 'unit_handler' || staff.role === 'unit_head' ? (staff.unitId ?? '-') : input.unitId;
    return listUnitRecords(ctx.services.db, { unitId, caseId: input.caseId });
  }),

  /**
   * Records a reminder (đôn đốc), an escalation to the Director, a reprimand (nhắc nhở, chấn chỉnh) or a
   * commendation (biểu dương) against a unit, linked to a case when there is one. Reminders are also sent
   * to the unit's staff; escalations to the Director.
   */
  record: staffMutation.input(UnitRecordInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, JUDGEMENTS.has(input.kind) ? 'judgeUnit' : 'remindUnit');
    const { db, now } = ctx.services;
    if (!(await getUnit(db, input.unitId))) throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
    const record = input.caseId ? await getCase(db, input.caseId) : null;
    if (input.caseId && !record) throw new DomainError('invalid', 'Unknown case', { fields: { caseId: 'invalid' } });
    const at = now();
    const id = randomUUID();
    await db.write(async (tx) => {
      await insertUnitRecord(tx, { id, unitId: input.unitId, caseId: input.caseId ?? null, kind: input.kind, note: input.note, recordedBy: ctx.staff.id, at: at.toISOString() });
      if (record && (input.kind === 'reminder' || input.kind === 'escalation')) {
        await insertEvent(
          tx,
          { caseId: record.id, kind: input.kind === 'reminder' ? 'reminder_sent' : 'escalated', fromStatus: record.status, toStatus: record.status, actorStaffId: ctx.staff.id, note: input.note, visibleToCitizen: false },
          at,
        );
      }
      if (record && input.kind === 'reminder') await notifyUnitOfReminder(tx, record, input.unitId, input.note, ctx.request.ownOrigin, at);
      if (input.kind === 'escalation') {
        for (const recipient of await staffEmailsByRole(tx, 'director')) {
          await enqueueMessage(
            tx,
            {
              recipient,
              subject: `[PAKN] Báo cáo Giám đốc: ${record ? `phản ánh ${record.reference}` : 'đơn vị chậm xử lý'}`,
              body: `${input.note}\n\n${record ? `Xem phản ánh: ${ctx.request.ownOrigin}/portal/cases/${record.id}` : ''}`,
              caseId: record?.id ?? null,
            },
            at,
          );
        }
      }
      await auditStaff(tx, ctx, { action: `unit.${input.kind}`, entityType: 'unit', entityId: input.unitId, after: { caseId: input.caseId ?? null, kind: input.kind }, reason: input.note });
    });
    return { id };
  }),

  /** The Director flags a unit for inspection, or lifts the flag, with a reason. */
  setInspection: staffMutation.input(InspectionInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'setInspection');
    await ctx.services.db.write(async (tx) => {
      if (!(await setUnitInspection(tx, input.unitId, input.underInspection))) {
        throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
      }
      await auditStaff(tx, ctx, { action: 'unit.inspection', entityType: 'unit', entityId: input.unitId, after: { underInspection: input.underInspection }, reason: input.reason });
    });
    return { unitId: input.unitId, underInspection: input.underInspection };
  }),
});

/** Competent authorities for out-of-scope matters, with the referral texts officers start from. */
export const authorityRouter = router({
  list: staffQuery.query(({ ctx }) => listAuthorities(ctx.services.db)),

  save: staffMutation.input(AuthorityInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'manageAuthorities');
    await ctx.services.db.write(async (tx) => {
      await saveAuthority(tx, input, ctx.services.now());
      await auditStaff(tx, ctx, { action: 'authority.save', entityType: 'authority', entityId: input.id, after: input });
    });
    return listAuthorities(ctx.services.db);
  }),

  remove: staffMutation.input(z.object({ id: z.string() })).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'manageAuthorities');
    await ctx.services.db.write(async (tx) => {
      if (!(await deleteAuthority(tx, input.id))) throw new DomainError('not_found', 'No such authority');
      await auditStaff(tx, ctx, { action: 'authority.remove', entityType: 'authority', entityId: input.id });
    });
    return listAuthorities(ctx.services.db);
  }),
});

/** The audit trail, for inspectors: every action and every opening of an identity, in a verifiable chain. */
export const auditRouter = router({
  /** Entries oldest first, filtered; each with the staff actor's name and role beside the id the chain keeps. */
  list: staffQuery.input(AuditListInputSchema).query(({ ctx, input }) => {
    requirePermission(ctx.staff, 'readAudit');
    const { from, to, limit, ...filter } = input;
    // Dates are Vietnamese calendar days: from the start of `from` to the end of `to`.
    const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_UTC_OFFSET_MS);
    return listAudit(ctx.services.db, {
      ...filter,
      fromAt: from ? dayStart(from).toISOString() : undefined,
      toAt: to ? new Date(dayStart(to).getTime() + 86_400_000).toISOString() : undefined,
      limit: limit ?? 500,
    });
  }),

  /**
   * Recomputes the keyed chain and holds it against the signed checkpoints kept outside the database: an
   * edited or re-hashed row, an unkeyed row after keyed ones, removed newest rows and forged checkpoints show.
   */
  verify: staffQuery.query(async ({ ctx }) => {
    requirePermission(ctx.staff, 'readAudit');
    const file = ctx.services.auditCheckpointFile;
    // An unreadable file is reported like a missing one: the check must not fail where the anchor is gone.
    const checkpoints = file ? await readCheckpointFile(file).catch(() => '') : undefined;
    return verifyAuditChain(ctx.services.db, { checkpoints, requireCheckpoints: file !== null });
  }),
});
