import { randomUUID } from 'node:crypto';
import {
  approveLetter,
  currentDraft,
  enqueueMessage,
  getCategory,
  getUnit,
  insertLetter,
  listStaffOfUnit,
  returnLetter,
  staffEmailsByRole,
  type Executor,
} from '@pakn/db';
import {
  AssignInputSchema,
  CaseIdInputSchema,
  CommentInputSchema,
  DecideExtensionInputSchema,
  DomainError,
  DraftForwardingInputSchema,
  EXTENSION_RULE,
  RequestExtensionInputSchema,
  RequestInfoInputSchema,
  RevealIdentityInputSchema,
  SubmitAnswerInputSchema,
  can,
  renderLetterTemplate,
  isUnitRole,
  type CaseRecord,
} from '@pakn/domain';
import { auditStaff } from '../audit.ts';
import { linkAnswerFiles } from '../answer-attachments.ts';
import type { Context } from '../context.ts';
import { notifyAssignee, notifyDirectorsOfDraft, notifyDrafterOfDecision, notifyOfficersOfUnitMove, notifyUnitOfForwarding } from '../notifications.ts';
import { requirePermission, staffMutation } from '../trpc.ts';
import { applyMove, applyUpdate, loadVisibleCase } from '../case-support.ts';
import { storedLetterTemplate } from '../letter-template.ts';

async function notifyOfficersOfUnit(
  tx: Executor,
  ctx: Context,
  record: CaseRecord,
  kind: 'answer_submitted' | 'declined',
  unitId: string | null,
): Promise<void> {
  const unit = unitId ? await getUnit(tx, unitId) : null;
  await notifyOfficersOfUnitMove(tx, record, kind, unit?.name ?? 'Đơn vị', ctx.request.ownOrigin, ctx.services.now());
}

/** How the Centre forwards, how the unit handles, how the Centre verifies: the staff moves of a case. */
export const caseHandlingProcedures = {
  /**
   * The officer drafts the forwarding letter from the template (identity left out when confidential); the
   * Director then approves or returns it. Forwarding to the very unit complained about needs confirming.
   */
  draftForwarding: staffMutation.input(DraftForwardingInputSchema).mutation(({ ctx, input }) =>
    applyMove(ctx, input.caseId, 'forwarding_drafted', async (current, tx) => {
      const unit = await getUnit(tx, input.unitId);
      if (!unit) throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
      if (input.unitId === current.concernedUnitId && !input.confirmSelfReview) {
        throw new DomainError('invalid', 'Forwarding to the unit complained about', { reason: 'self_review', fields: { unitId: 'self_review' } });
      }
      const categoryKey = current.category ?? current.reportedCategory;
      const category = categoryKey ? await getCategory(tx, categoryKey) : null;
      // The admin's stored template; the letter keeps its rendered body, so later edits do not change it.
      const body =
        input.letter ??
        renderLetterTemplate(await storedLetterTemplate(tx), {
          reference: current.reference,
          unitName: unit.name,
          categoryLabel: category?.label.vi ?? categoryKey,
          description: current.description,
          dossierCode: current.dossierCode,
          receivedAt: current.createdAt,
          // The only way the citizen's identity enters a letter: the template's {nguoi_phan_anh}.
          citizen: current.confidential ? null : current.contact,
          answerDueAt: null,
        });
      return {
        note: unit.name,
        afterwards: async (tx, _before, after) => {
          await insertLetter(tx, { id: randomUUID(), caseId: current.id, unitId: unit.id, body, draftedBy: ctx.staff.id }, ctx.services.now());
          await notifyDirectorsOfDraft(tx, after, unit.name, ctx.request.ownOrigin, ctx.services.now());
        },
      };
    }),
  ),

  /** The Director approves the draft: it gets its register number and lands in the unit's inbox. */
  approveForwarding: staffMutation.input(CaseIdInputSchema).mutation(({ ctx, input }) =>
    applyMove(ctx, input.caseId, 'forwarded', async (current, tx) => {
      const draft = await currentDraft(tx, current.id);
      if (!draft) throw new DomainError('illegal_transition', 'No draft letter to approve');
      const at = ctx.services.now();
      return {
        patch: { unitId: draft.unitId, forwardedAt: at },
        afterwards: async (tx, _before, after) => {
          const number = await approveLetter(tx, draft.id, ctx.staff.id, at, Number(at.toISOString().slice(0, 4)));
          await notifyUnitOfForwarding(tx, after, draft.unitId, ctx.request.ownOrigin, at);
          await notifyDrafterOfDecision(tx, after, draft.draftedBy, true, ctx.request.ownOrigin, at);
          return void number;
        },
      };
    }),
  ),

  returnForwarding: staffMutation.input(CommentInputSchema).mutation(({ ctx, input }) =>
    applyMove(ctx, input.caseId, 'forwarding_returned', async (current, tx) => {
      const draft = await currentDraft(tx, current.id);
      if (!draft) throw new DomainError('illegal_transition', 'No draft letter to return');
      return {
        note: input.comment,
        afterwards: async (tx, _before, after) => {
          await returnLetter(tx, draft.id, ctx.staff.id, input.comment, ctx.services.now());
          await notifyDrafterOfDecision(tx, after, draft.draftedBy, false, ctx.request.ownOrigin, ctx.services.now());
        },
      };
    }),
  ),

  /** The unit confirms it received the case. */
  acknowledge: staffMutation
    .input(CaseIdInputSchema)
    .mutation(({ ctx, input }) => applyMove(ctx, input.caseId, 'acknowledged', () => ({ patch: { acknowledgedAt: ctx.services.now() } }))),

  /** The unit asks the citizen for more information; its clock stops until the citizen replies. */
  requestInfo: staffMutation.input(RequestInfoInputSchema).mutation(({ ctx, input }) =>
    applyMove(ctx, input.caseId, 'info_requested', (current) => ({
      note: input.question,
      patch: {
        infoQuestion: input.question,
        pauses: JSON.stringify([...current.pauses, { from: ctx.services.now().toISOString(), to: null }]),
      },
    })),
  ),

  /** The unit says the case belongs to another unit: it goes back to the Centre to be forwarded again. */
  decline: staffMutation.input(CommentInputSchema).mutation(({ ctx, input }) =>
    // The unit lets go of the case: it leaves the unit's inbox and waits at the Centre for a new forwarding.
    applyMove(ctx, input.caseId, 'declined', () => ({
      note: input.comment,
      patch: { unitId: null, forwardedAt: null, acknowledgedAt: null },
      afterwards: (tx, before, after) => notifyOfficersOfUnit(tx, ctx, after, 'declined', before.unitId),
    })),
  ),

  /** The unit's answer: the outcome, the text for the citizen, notes for the Centre. The Centre verifies it. */
  submitAnswer: staffMutation.input(SubmitAnswerInputSchema).mutation(({ ctx, input }) =>
    applyMove(ctx, input.caseId, 'answer_submitted', () => ({
      patch: { answer: input.answer, answerOutcome: input.outcome, internalNote: input.internalNote || null },
      afterwards: async (tx, before, after) => {
        await linkAnswerFiles(tx, ctx, after.id, input.attachments ?? []);
        await notifyOfficersOfUnit(tx, ctx, after, 'answer_submitted', before.unitId);
      },
    })),
  ),

  /** The officer checks the answer; only then does the citizen see it. */
  verifyAnswer: staffMutation
    .input(CaseIdInputSchema)
    .mutation(({ ctx, input }) => applyMove(ctx, input.caseId, 'answered', () => ({ patch: { answeredAt: ctx.services.now() } }))),

  returnAnswer: staffMutation
    .input(CommentInputSchema)
    .mutation(({ ctx, input }) => applyMove(ctx, input.caseId, 'answer_returned', () => ({ note: input.comment }))),

  /** After a citizen's review request, the Centre keeps the answer, saying why (or drafts a new forwarding). */
  confirmAnswer: staffMutation
    .input(CommentInputSchema)
    .mutation(({ ctx, input }) => applyMove(ctx, input.caseId, 'answer_confirmed', () => ({ note: input.comment }))),

  /** One extension of up to 10 working days, with a reason; the Director decides. */
  requestExtension: staffMutation.input(RequestExtensionInputSchema).mutation(({ ctx, input }) => {
    requirePermission(ctx.staff, 'requestExtension');
    return applyUpdate(ctx, input.caseId, 'extension_requested', async (current) => {
      const handling = current.status === 'in_progress' || current.status === 'info_requested' || current.status === 'forwarded';
      if (current.unitId !== ctx.staff.unitId) throw new DomainError('not_found', 'Not this unit’s case');
      if (!handling || current.extension !== null || input.days > EXTENSION_RULE.maxWorkingDays) {
        throw new DomainError('conflict', 'Extension not allowed', { reason: 'extension_not_allowed' });
      }
      return {
        note: `${input.days} ngày làm việc: ${input.reason}`,
        patch: { extensionStatus: 'requested', extensionDays: input.days, extensionReason: input.reason },
        afterwards: async (tx, _before, after) => {
          for (const recipient of await staffEmailsByRole(tx, 'director')) {
            await enqueueMessage(
              tx,
              {
                recipient,
                subject: `[PAKN] Đề nghị gia hạn xử lý phản ánh ${after.reference}`,
                body: `Đơn vị đề nghị gia hạn ${input.days} ngày làm việc.\nLý do: ${input.reason}\n\nXem phản ánh: ${ctx.request.ownOrigin}/portal/cases/${after.id}`,
                caseId: after.id,
              },
              ctx.services.now(),
            );
          }
        },
      };
    });
  }),

  decideExtension: staffMutation.input(DecideExtensionInputSchema).mutation(({ ctx, input }) => {
    requirePermission(ctx.staff, 'decideExtension');
    return applyUpdate(ctx, input.caseId, input.approve ? 'extension_approved' : 'extension_refused', (current) => {
      if (current.extension?.status !== 'requested') throw new DomainError('conflict', 'No extension request to decide', { reason: 'extension_not_allowed' });
      return { note: input.comment || null, patch: { extensionStatus: input.approve ? 'approved' : 'refused' } };
    });
  }),

  /** The unit head hands the case to a member of the unit. */
  assign: staffMutation.input(AssignInputSchema).mutation(({ ctx, input }) => {
    requirePermission(ctx.staff, 'assign');
    return applyUpdate(ctx, input.caseId, 'assigned', async (current, tx) => {
      const members = await listStaffOfUnit(tx, current.unitId ?? '-');
      const member = members.find((m) => m.id === input.staffId);
      if (!member) throw new DomainError('invalid', 'Not a member of the unit', { fields: { staffId: 'invalid' } });
      return {
        note: member.displayName,
        patch: { assignedTo: member.id },
        afterwards: (tx, _before, after) => notifyAssignee(tx, after, member.id, ctx.request.ownOrigin, ctx.services.now()),
      };
    });
  }),

  /**
   * Opens the citizen's identity, with a reason that goes into the audit trail. A unit never opens the
   * identity of a citizen who asked for confidentiality.
   */
  revealIdentity: staffMutation.input(RevealIdentityInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'revealIdentity');
    const { db } = ctx.services;
    const record = await loadVisibleCase(db, ctx.staff, input.caseId);
    if (record.confidential && isUnitRole(ctx.staff.role)) {
      throw new DomainError('forbidden', 'Confidential identity', { reason: 'identity_confidential' });
    }
    await db.write((tx) => auditStaff(tx, ctx, { action: 'identity.reveal', entityType: 'case', entityId: record.id, reason: input.reason }));
    return { contact: record.contact, seesAll: can(ctx.staff.role, 'viewAllCases') };
  }),
};
