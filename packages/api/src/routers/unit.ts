import { randomUUID } from 'node:crypto';
import {
  getCase,
  getUnit,
  insertEvent,
  insertUnitRecord,
  listStaffOfUnit,
  listUnitRecords,
  listUnits,
  setUnitInspection,
  staffEmailsByRole,
  unitsUnderInspection,
  enqueueMessage,
} from '@pakn/db';
import { DomainError, InspectionInputSchema, UnitRecordInputSchema, UnitStaffInputSchema, can } from '@pakn/domain';
import * as z from 'zod/mini';
import { auditStaff } from '../audit.ts';
import { evaluationProcedures } from '../evaluation.ts';
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

  ...evaluationProcedures,

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
      await insertUnitRecord(tx, {
        id,
        unitId: input.unitId,
        caseId: input.caseId ?? null,
        kind: input.kind,
        note: input.note,
        recordedBy: ctx.staff.id,
        at: at.toISOString(),
      });
      if (record && (input.kind === 'reminder' || input.kind === 'escalation')) {
        await insertEvent(
          tx,
          {
            caseId: record.id,
            kind: input.kind === 'reminder' ? 'reminder_sent' : 'escalated',
            fromStatus: record.status,
            toStatus: record.status,
            actorStaffId: ctx.staff.id,
            note: input.note,
            visibleToCitizen: false,
          },
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
      await auditStaff(tx, ctx, {
        action: `unit.${input.kind}`,
        entityType: 'unit',
        entityId: input.unitId,
        after: { caseId: input.caseId ?? null, kind: input.kind },
        reason: input.note,
      });
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
      await auditStaff(tx, ctx, {
        action: 'unit.inspection',
        entityType: 'unit',
        entityId: input.unitId,
        after: { underInspection: input.underInspection },
        reason: input.reason,
      });
    });
    return { unitId: input.unitId, underInspection: input.underInspection };
  }),
});
