import { getCaseByReference, insertEvent, lettersOfCase, listAttachments, moveContacts, refreshCaseQueue, setMergedInto, updateCase } from '@pakn/db';
import {
  CaseIdInputSchema,
  CaseReferenceInputSchema,
  EditSummaryInputSchema,
  ClassifyInputSchema,
  SUMMARY_EDITABLE_STATUSES,
  DomainError,
  FollowUpInputSchema,
  InboxInputSchema,
  MergeInputSchema,
  move,
  can,
  isUnitRole,
  normalizeReference,
} from '@pakn/domain';
import { answerFilesForStaff } from '../answer-attachments.ts';
import { listedFile } from '../attachment-download.ts';
import { auditStaff } from '../audit.ts';
import { visibleCaseCount, visibleCasePage } from '../case-list.ts';
import { followUpPages } from '../follow-up.ts';
import { presentCaseRow } from '../presenters.ts';
import { applyMove, applyUpdate, auditedFields, loadVisibleCase, publishChange, reloadCase, staffView, visibleOrNotFound } from '../case-support.ts';
import { assertActiveCategory } from '../categories.ts';
import { requirePermission, staffMutation, staffQuery } from '../trpc.ts';
import { toTRPCError } from '../errors.ts';
import { watchSession } from '../live-session.ts';

/** The staff's procedures on a case (reading, merging, classifying); the moves are in case-handling.ts. */
export const caseProcedures = {
  /**
   * The staff inbox, a page at a time (50 rows by default; `next` is the cursor of the following page, null on
   * the last): the most urgent first. Unit members see only their unit's cases. With `q`, only the cases
   * matching it (with or without diacritics), best match first, and no total; a unit's query never matches the
   * Centre's notes nor the identity of a citizen who asked for confidentiality. Rows carry a summary only.
   */
  inbox: staffQuery.input(InboxInputSchema).query(async ({ ctx, input }) => {
    const page = await visibleCasePage(ctx, ctx.staff, input);
    return { items: page.items.map(presentCaseRow), next: page.next, total: input.cursor ? null : await visibleCaseCount(ctx, ctx.staff, input) };
  }),

  /**
   * Merges a duplicate into the case it repeats: the duplicate closes as `merged`, its contacts move over,
   * and its citizen is pointed to the primary case. Nothing is deleted.
   */
  merge: staffMutation.input(MergeInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'merge');
    if (input.primaryId === input.duplicateId) throw new DomainError('invalid', 'A case cannot be merged into itself', { fields: { duplicateId: 'invalid' } });
    const { db, now } = ctx.services;
    const at = now();
    const calendars = await ctx.services.calendars.all();
    const result = await db.write(async (tx) => {
      const primary = await loadVisibleCase(tx, ctx.staff, input.primaryId);
      const duplicate = await loadVisibleCase(tx, ctx.staff, input.duplicateId);
      if (primary.status === 'merged') throw new DomainError('illegal_transition', 'The primary case was itself merged');
      const moved = move({ status: duplicate.status, unitId: duplicate.unitId }, 'merged', { role: ctx.staff.role, unitId: ctx.staff.unitId });
      if (!(await updateCase(tx, duplicate.id, duplicate.version, { status: moved.to }, at))) throw new DomainError('conflict', 'The case changed meanwhile');
      await refreshCaseQueue(tx, calendars, [duplicate.id]);
      await setMergedInto(tx, duplicate.id, primary.id);
      await moveContacts(tx, duplicate.id, primary.id);
      await insertEvent(
        tx,
        {
          caseId: duplicate.id,
          kind: 'merged',
          fromStatus: moved.from,
          toStatus: moved.to,
          actorStaffId: ctx.staff.id,
          note: primary.reference,
          visibleToCitizen: true,
        },
        at,
      );
      await insertEvent(
        tx,
        {
          caseId: primary.id,
          kind: 'contact_logged',
          fromStatus: primary.status,
          toStatus: primary.status,
          actorStaffId: ctx.staff.id,
          note: `Gộp phản ánh trùng ${duplicate.reference}: ${duplicate.description}`,
          visibleToCitizen: false,
        },
        at,
      );
      await auditStaff(tx, ctx, {
        action: 'case.merged',
        entityType: 'case',
        entityId: duplicate.id,
        before: auditedFields(duplicate),
        after: { status: moved.to, mergedInto: primary.id },
      });
      return { primary: await reloadCase(tx, primary.id), duplicate: await reloadCase(tx, duplicate.id) };
    });
    publishChange(ctx, result.duplicate, 'merged');
    return staffView(ctx, result.primary, ctx.staff, db, true);
  }),

  /**
   * Follow-up: open cases whose current stage is at risk (two working days or less left) or overdue, each list a
   * page at a time (`overdueCursor`, `atRiskCursor`: the `next` of each). An open case whose deadline cannot be
   * computed (its dates lie outside the working calendar) is listed with the overdue ones, with its warning:
   * nobody can tell it is on time, and its data needs a look.
   */
  followUp: staffQuery.input(FollowUpInputSchema).query(async ({ ctx, input }) => {
    const { overdue, atRisk } = await followUpPages(ctx, ctx.staff, input ?? {});
    return {
      overdue: { items: overdue.items.map(presentCaseRow), next: overdue.next, total: overdue.total },
      atRisk: { items: atRisk.items.map(presentCaseRow), next: atRisk.next },
    };
  }),

  /** The files the citizen attached (to the report or to a reply), for staff who may see the case. */
  attachments: staffQuery.input(CaseIdInputSchema).query(async ({ ctx, input }) => {
    const record = await loadVisibleCase(ctx.services.db, ctx.staff, input.caseId);
    // A photo or a scan can carry a name: withheld from the unit when the citizen asked for confidentiality.
    if (record.confidential && isUnitRole(ctx.staff.role)) return [];
    return (await listAttachments(ctx.services.db, record.id)).map((a) => ({ ...listedFile(a), url: `/api/v1/attachments/${a.id}` }));
  }),

  /** The files of the unit's current answer, for staff who may see the case (internal ones included). */
  answerAttachments: staffQuery.input(CaseIdInputSchema).query(({ ctx, input }) => answerFilesForStaff(ctx.services.db, ctx.staff, input.caseId)),

  /** The forwarding letters of a case: drafts, returned drafts and the approved letter. */
  letters: staffQuery.input(CaseIdInputSchema).query(async ({ ctx, input }) => {
    const record = await loadVisibleCase(ctx.services.db, ctx.staff, input.caseId);
    const letters = await lettersOfCase(ctx.services.db, record.id);
    // A unit reads the letter it received, not the Centre's drafts.
    return isUnitRole(ctx.staff.role) ? letters.filter((l) => l.status === 'approved') : letters;
  }),

  /**
   * Live changes for the portal (server-sent events): unit members hear only about their unit's cases.
   * The payload says what changed; the portal re-reads what it shows, through the usual authorization.
   */
  onChange: staffQuery.subscription(async function* ({ ctx, signal }) {
    const { staff } = ctx;
    const seesAll = can(staff.role, 'viewAllCases');
    const watch = watchSession(ctx, signal);
    try {
      for await (const change of ctx.services.feed.subscribe(watch.signal)) {
        if (seesAll || (staff.unitId !== null && change.unitId === staff.unitId)) yield change;
      }
    } catch (error) {
      // The feed ends by aborting: the client left, or the session ended (told below).
      if (!watch.signal.aborted) throw error;
    } finally {
      watch.stop();
    }
    // The same refusal as any call without a session: the portal then shows its sign-in form.
    if (watch.sessionEnded()) throw toTRPCError(new DomainError('unauthenticated', 'Session ended'));
  }),

  /**
   * The case a typed reference names, among all the cases the caller may see (not only the inbox's first
   * page): what merging by reference needs. A reference that is malformed, unknown or outside the caller's
   * view is "not found" alike. Only what names the case: no identity, no text.
   */
  findByReference: staffQuery.input(CaseReferenceInputSchema).query(async ({ ctx, input }) => {
    const reference = normalizeReference(input.reference);
    const record = visibleOrNotFound(ctx.staff, reference ? await getCaseByReference(ctx.services.db, reference) : null);
    return { id: record.id, reference: record.reference, status: record.status };
  }),

  get: staffQuery.input(CaseIdInputSchema).query(async ({ ctx, input }) => {
    const record = await loadVisibleCase(ctx.services.db, ctx.staff, input.caseId);
    return staffView(ctx, record, ctx.staff, ctx.services.db, true);
  }),

  classify: staffMutation.input(ClassifyInputSchema).mutation(({ ctx, input }) =>
    input.scope === 'in'
      ? applyMove(ctx, input.caseId, 'classified_in_scope', async (_current, tx) => {
          await assertActiveCategory(tx, input.category);
          return { patch: { category: input.category } };
        })
      : applyMove(ctx, input.caseId, 'referred', () => ({
          note: input.referral,
          patch: { outOfScopeClass: input.outOfScopeClass, referral: input.referral },
        })),
  ),

  /** The Centre corrects a case's summary before it is forwarded (the unit reads it in the letter). */
  editSummary: staffMutation.input(EditSummaryInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'classify');
    return applyUpdate(ctx, input.caseId, 'summary_edited', (current) => {
      if (!SUMMARY_EDITABLE_STATUSES.includes(current.status)) {
        throw new DomainError('illegal_transition', 'The summary can only be corrected before forwarding');
      }
      return { patch: { description: input.description }, note: current.description };
    });
  }),
};
