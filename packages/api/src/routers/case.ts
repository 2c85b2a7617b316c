import { randomUUID } from 'node:crypto';
import type { Db, Executor } from '@pakn/db';
import {
  getCase,
  getCaseForTracking,
  getSite,
  getUnit,
  insertCase,
  insertEvent,
  listCases,
  listEvents,
  nextReference,
  updateCase,
  type CasePatch,
} from '@pakn/db';
import {
  AnswerInputSchema,
  CaseIdInputSchema,
  ClassifyInputSchema,
  CLOSED_STATUSES,
  CASE_STATUSES,
  DomainError,
  ForwardInputSchema,
  InboxInputSchema,
  SubmitCaseInputSchema,
  TrackCaseInputSchema,
  answer,
  can,
  classify,
  forward,
  hasContact,
  isUnitRole,
  normalizeAccessKey,
  normalizeReference,
  type CaseRecord,
  type CaseStatus,
  type StaffMember,
  type TransitionResult,
} from '@pakn/domain';
import type { Context } from '../context.ts';
import { presentCaseForCitizen, presentCaseForStaff } from '../presenters.ts';
import { constantTimeEqualHex, newAccessKey, sha256Hex } from '../secrets.ts';
import { assertSiteOrigin } from '../sites.ts';
import { publicProcedure, requirePermission, router, staffMutation, staffQuery } from '../trpc.ts';

/** The hash of a key nobody holds: compared against when the reference is unknown, to take the same time. */
const UNKNOWN_CASE_HASH = sha256Hex('pakn:unknown-case');

function caseNotFound(): DomainError {
  return new DomainError('not_found', 'No case with this reference and key', { reason: 'case_not_found' });
}

/**
 * Loads a case the staff member may see. A case outside a unit member's unit is reported as not found, so
 * guessing ids reveals nothing.
 */
async function loadVisibleCase(db: Executor, staff: StaffMember, caseId: string): Promise<CaseRecord> {
  const record = await getCase(db, caseId);
  if (!record) throw new DomainError('not_found', 'No such case');
  if (can(staff.role, 'viewAllCases')) return record;
  if (can(staff.role, 'viewUnitCases') && staff.unitId !== null && record.unitId === staff.unitId) return record;
  throw new DomainError('not_found', 'No such case');
}

/** Applies a transition with its event in one write transaction, refusing if the case changed meanwhile. */
async function applyTransition(
  db: Db,
  ctx: Context,
  staff: StaffMember,
  caseId: string,
  decide: (current: CaseRecord) => { transition: TransitionResult; patch: Omit<CasePatch, 'status'>; note: string | null },
) {
  const now = ctx.services.now();
  return db.write(async (tx) => {
    const current = await loadVisibleCase(tx, staff, caseId);
    const { transition, patch, note } = decide(current);
    const updated = await updateCase(tx, current.id, current.version, { ...patch, status: transition.to }, now);
    if (!updated) throw new DomainError('conflict', 'The case changed meanwhile');
    await insertEvent(
      tx,
      {
        caseId: current.id,
        kind: transition.kind,
        fromStatus: transition.from,
        toStatus: transition.to,
        actorStaffId: staff.id,
        note,
        visibleToCitizen: transition.visibleToCitizen,
      },
      now,
    );
    const after = await getCase(tx, current.id);
    return presentCaseForStaff(after!, staff, await listEvents(tx, current.id));
  });
}

const OPEN_STATUSES = CASE_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

export const caseRouter = router({
  /** A citizen submits a case from a widget embedded on a registered site. */
  submit: publicProcedure.input(SubmitCaseInputSchema).mutation(async ({ ctx, input }) => {
    const { db, now } = ctx.services;
    const site = await getSite(db, input.siteKey);
    assertSiteOrigin(ctx, site);
    const concernedUnitId = input.unitId ?? site.defaultUnitId;
    if (concernedUnitId && !(await getUnit(db, concernedUnitId))) {
      throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
    }
    const at = now();
    const key = newAccessKey();
    const withContact = hasContact(input.contact);
    const reference = await db.write(async (tx) => {
      const reference = await nextReference(tx, Number(at.toISOString().slice(0, 4)));
      const id = randomUUID();
      await insertCase(
        tx,
        {
          id,
          reference,
          accessKeyHash: sha256Hex(key.raw),
          channel: 'web_widget',
          siteKey: site.key,
          reportedCategory: input.category,
          concernedUnitId: concernedUnitId ?? null,
          description: input.description,
          contact: withContact ? input.contact : undefined,
          confidential: input.confidential,
          consentAt: withContact && input.consent ? at : null,
          lang: input.lang,
        },
        at,
      );
      await insertEvent(
        tx,
        { caseId: id, kind: 'submitted', fromStatus: null, toStatus: 'received', actorStaffId: null, note: null, visibleToCitizen: true },
        at,
      );
      return reference;
    });
    // The access key is shown once and never stored in clear.
    return { reference, accessKey: key.display, createdAt: at.toISOString() };
  }),

  /**
   * A citizen follows their case with reference and access key. A mutation, so the key travels in the
   * body, never in a URL. Wrong key and unknown reference get the same answer in about the same time.
   */
  track: publicProcedure.input(TrackCaseInputSchema).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const reference = normalizeReference(input.reference);
    const key = normalizeAccessKey(input.accessKey);
    const found = reference ? await getCaseForTracking(db, reference) : null;
    const presentedHash = sha256Hex(key ?? input.accessKey);
    const matches = constantTimeEqualHex(found?.accessKeyHash ?? UNKNOWN_CASE_HASH, presentedHash);
    if (!found || !key || !matches) throw caseNotFound();
    return presentCaseForCitizen(found.record, await listEvents(db, found.record.id, true));
  }),

  /** The staff inbox: oldest first. Unit members see only their unit's cases. */
  inbox: staffQuery.input(InboxInputSchema).query(async ({ ctx, input }) => {
    const { staff } = ctx;
    const filter = input.status ?? 'open';
    const statuses: readonly CaseStatus[] | undefined =
      filter === 'open' ? OPEN_STATUSES : filter === 'all' ? undefined : [filter];
    let unitId: string | undefined;
    if (!can(staff.role, 'viewAllCases')) {
      if (!isUnitRole(staff.role) || staff.unitId === null) throw new DomainError('forbidden', 'No case list for this role');
      unitId = staff.unitId;
    }
    const cases = await listCases(ctx.services.db, { unitId, statuses });
    return cases.map((c) => presentCaseForStaff(c, staff));
  }),

  get: staffQuery.input(CaseIdInputSchema).query(async ({ ctx, input }) => {
    const record = await loadVisibleCase(ctx.services.db, ctx.staff, input.caseId);
    return presentCaseForStaff(record, ctx.staff, await listEvents(ctx.services.db, record.id));
  }),

  classify: staffMutation.input(ClassifyInputSchema).mutation(({ ctx, input }) => {
    requirePermission(ctx.staff, 'classify');
    return applyTransition(ctx.services.db, ctx, ctx.staff, input.caseId, (current) => {
      if (input.scope === 'in') {
        return {
          transition: classify(current, { scope: 'in', category: input.category }),
          patch: { category: input.category },
          note: null,
        };
      }
      return {
        transition: classify(current, { scope: 'out', outOfScopeClass: input.outOfScopeClass, referral: input.referral }),
        patch: { outOfScopeClass: input.outOfScopeClass, referral: input.referral },
        note: null,
      };
    });
  }),

  forward: staffMutation.input(ForwardInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'forward');
    if (!(await getUnit(ctx.services.db, input.unitId))) {
      throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
    }
    return applyTransition(ctx.services.db, ctx, ctx.staff, input.caseId, (current) => ({
      transition: forward(current, input.unitId),
      patch: { unitId: input.unitId },
      note: input.note || null,
    }));
  }),

  answer: staffMutation.input(AnswerInputSchema).mutation(({ ctx, input }) => {
    requirePermission(ctx.staff, 'answer');
    const now = ctx.services.now();
    return applyTransition(ctx.services.db, ctx, ctx.staff, input.caseId, (current) => ({
      transition: answer(current, input.answer),
      patch: { answer: input.answer, answeredAt: now },
      note: null,
    }));
  }),
});
