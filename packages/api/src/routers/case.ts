import { randomUUID } from 'node:crypto';
import type { Executor } from '@pakn/db';
import {
  getCase,
  getCaseForTracking,
  getCategory,
  getSite,
  getUnit,
  findSubmission,
  insertCase,
  insertSubmission,
  linkAttachments,
  insertEvent,
  listEvents,
  moveContacts,
  lettersOfCase,
  listAttachments,
  setMergedInto,
  nextReference,
  updateCase,
} from '@pakn/db';
import {
  CaseIdInputSchema,
  EditSummaryInputSchema,
  ClassifyInputSchema,
  SUMMARY_EDITABLE_STATUSES,
  DomainError,
  InboxInputSchema,
  MergeInputSchema,
  move,
  RateCaseInputSchema,
  RequestReviewInputSchema,
  SiteKeyInputSchema,
  SubmitCaseInputSchema,
  TrackCaseInputSchema,
  ProvideInfoInputSchema,
  can,
  canRate,
  canRequestReview,
  hasContact,
  isUnitRole,
  normalizeAccessKey,
  normalizeReference,
  reportDateErrors,
  vietnamDateOf,
  type CaseRecord,
} from '@pakn/domain';
import type { Context } from '../context.ts';
import { answerFilesForCitizen, answerFilesForStaff } from '../answer-attachments.ts';
import { listedFile } from '../attachment-download.ts';
import { presentCaseForCitizen } from '../presenters.ts';
import { enforceRateLimit, recordStoredSubmission } from '../citizen-policy.ts';
import { checkProof, issueChallenge, spendCheckedProof } from '../proof-of-work.ts';
import { constantTimeEqualHex, newAccessKey, openReceipt, sealReceipt, sha256Hex } from '../secrets.ts';
import { auditCitizen, auditStaff } from '../audit.ts';
import { deadlineOf } from '../deadlines.ts';
import { visibleCaseList } from '../case-list.ts';
import { caseHandlingProcedures } from './case-handling.ts';
import { applyMove, applyUpdate, auditedFields, loadVisibleCase, publishChange, reloadCase, staffView } from './case-support.ts';
import { addressPrefix } from '../address-prefix.ts';
import { assertSiteOrigin } from '../sites.ts';
import { assertActiveCategory } from '../categories.ts';
import { publicProcedure, requirePermission, router, staffMutation, staffQuery } from '../trpc.ts';
import { toTRPCError } from '../errors.ts';
import { watchSession } from '../live-session.ts';

/** The hash of a key nobody holds: compared against when the reference is unknown, to take the same time. */
const UNKNOWN_CASE_HASH = sha256Hex('pakn:unknown-case');

function caseNotFound(): DomainError {
  return new DomainError('not_found', 'No case with this reference and key', { reason: 'case_not_found' });
}

/** The case a reference and access key open, or the same "not found" for a wrong key and an unknown case. */
export async function findTrackedCase(db: Executor, input: { reference: string; accessKey: string }): Promise<CaseRecord> {
  const reference = normalizeReference(input.reference);
  const key = normalizeAccessKey(input.accessKey);
  const found = reference ? await getCaseForTracking(db, reference) : null;
  const matches = constantTimeEqualHex(found?.accessKeyHash ?? UNKNOWN_CASE_HASH, sha256Hex(key ?? input.accessKey));
  if (!found || !key || !matches) throw caseNotFound();
  return found.record;
}

async function citizenView(ctx: Context, record: CaseRecord) {
  const { db, now, citizen } = ctx.services;
  const at = now();
  const events = await listEvents(db, record.id, true);
  const deadline = await deadlineOf(ctx.services, record, at);
  const mergedIntoReference = record.mergedInto ? ((await getCase(db, record.mergedInto))?.reference ?? null) : null;
  const categoryKey = record.category ?? record.reportedCategory;
  const category = categoryKey ? await getCategory(db, categoryKey) : null;
  return {
    ...presentCaseForCitizen(record, events, { now: at, deadline, reviewWindowDays: citizen.reviewWindowDays, mergedIntoReference }),
    /** The stored label, so that a renamed or deactivated category still reads right. */
    categoryLabel: category?.label ?? null,
    answerAttachments: await answerFilesForCitizen(db, record),
  };
}

/** Opens the receipt of an earlier submission with the same idempotency key. */
async function receiptOf(db: Executor, submission: { caseId: string; sealedReceipt: string }, idempotencyKey: string, siteKey: string) {
  const record = await getCase(db, submission.caseId);
  const opened = openReceipt(idempotencyKey, siteKey, submission.sealedReceipt);
  if (!record || !opened) throw new DomainError('conflict', 'Stored receipt cannot be opened');
  return { reference: record.reference, accessKey: opened.accessKey, createdAt: record.createdAt };
}


export const caseRouter = router({
  /** The citizen answers the unit's request for more information; the unit's clock starts again. */
  provideInfo: publicProcedure.input(ProvideInfoInputSchema).mutation(async ({ ctx, input }) => {
    enforceRateLimit(ctx, 'track');
    const { db, now } = ctx.services;
    const record = await findTrackedCase(db, input);
    const at = now();
    const moved = move({ status: record.status, unitId: record.unitId }, 'info_provided', { role: 'citizen', unitId: null }, input.message);
    const pauses = record.pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p));
    const attachmentIds = [...new Set(input.attachments ?? [])];
    await db.write(async (tx) => {
      if (!(await updateCase(tx, record.id, record.version, { status: moved.to, pauses: JSON.stringify(pauses) }, at))) {
        throw new DomainError('conflict', 'The case changed meanwhile');
      }
      const linked = record.siteKey ? await linkAttachments(tx, record.id, record.siteKey, attachmentIds, at, ctx.services.citizen.attachmentMaxAgeMs) : 0;
      if (linked !== attachmentIds.length) {
        throw new DomainError('invalid', 'Unknown, foreign or expired attachment', { reason: 'attachment_invalid', fields: { attachments: 'attachment_invalid' } });
      }
      await insertEvent(tx, { caseId: record.id, kind: 'info_provided', fromStatus: moved.from, toStatus: moved.to, actorStaffId: null, note: input.message, visibleToCitizen: true }, at);
      await auditCitizen(tx, ctx, { action: 'case.info_provided', entityType: 'case', entityId: record.id, before: { status: moved.from }, after: { status: moved.to } });
    });
    const after = await reloadCase(db, record.id);
    publishChange(ctx, after, 'info_provided');
    return citizenView(ctx, after);
  }),

  /**
   * A proof-of-work challenge, fetched by the widget only when the citizen submits. Its difficulty grows with the
   * challenges the caller's address, prefix and network took this hour.
   */
  challenge: publicProcedure.input(SiteKeyInputSchema).mutation(async ({ ctx, input }) => {
    assertSiteOrigin(ctx, await getSite(ctx.services.db, input.siteKey));
    const used = enforceRateLimit(ctx, 'challenge');
    return issueChallenge(ctx.services.citizen, ctx.services.now(), ctx.request.clientAddress, used);
  }),

  /**
   * A citizen submits a case from a widget embedded on a registered site. Retries carry the same
   * idempotency key and get the same receipt back, so a double click or a flaky network makes one case.
   */
  submit: publicProcedure.input(SubmitCaseInputSchema).mutation(async ({ ctx, input }) => {
    const { db, now, citizen } = ctx.services;
    const site = await getSite(db, input.siteKey);
    assertSiteOrigin(ctx, site);
    const idempotencyKeyHash = sha256Hex(`submission:${site.key}:${input.idempotencyKey}`);

    // A retry of a report already accepted: answer with its receipt before anything else can refuse it.
    const previous = await findSubmission(db, idempotencyKeyHash);
    if (previous) return receiptOf(db, previous, input.idempotencyKey, site.key);

    enforceRateLimit(ctx, 'submit');
    if (input.website) {
      // The network, not the address: logs never hold what identifies one person.
      console.warn(`[api] honeypot filled on site ${site.key} from ${addressPrefix(ctx.request.clientAddress)}`);
      throw new DomainError('invalid', 'Honeypot field filled', { reason: 'spam' });
    }
    // Before the proof is checked: a draft holding a category deactivated since is refused without spending it.
    await assertActiveCategory(db, input.category, { reason: 'category_unavailable' });
    const at = now();
    const dateErrors = reportDateErrors(input, vietnamDateOf(at.getTime()));
    if (Object.keys(dateErrors).length > 0) throw new DomainError('invalid', 'A report date lies after today', { fields: dateErrors });
    const proof = await checkProof(citizen, input.proof, at, ctx.request.clientAddress);
    const concernedUnitId = input.unitId ?? site.defaultUnitId;
    if (concernedUnitId && !(await getUnit(db, concernedUnitId))) {
      throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
    }
    const withContact = hasContact(input.contact);
    const attachmentIds = [...new Set(input.attachments ?? [])];

    return db.write(async (tx) => {
      // Two copies of the same request racing: the second finds the first's row here, inside the write lock.
      const raced = await findSubmission(tx, idempotencyKeyHash);
      if (raced) return receiptOf(tx, raced, input.idempotencyKey, site.key);
      await spendCheckedProof(tx, proof, at);

      const key = newAccessKey();
      const id = randomUUID();
      const reference = await nextReference(tx, Number(at.toISOString().slice(0, 4)));
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
          dossierCode: input.dossierCode,
          appointmentDate: input.appointmentDate,
          returnedDate: input.returnedDate,
          contact: withContact ? input.contact : undefined,
          confidential: input.confidential,
          wantsUpdates: input.wantsUpdates,
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
      const linked = await linkAttachments(tx, id, site.key, attachmentIds, at, citizen.attachmentMaxAgeMs);
      if (linked !== attachmentIds.length) {
        throw new DomainError('invalid', 'Unknown, foreign or expired attachment', {
          reason: 'attachment_invalid',
          fields: { attachments: 'attachment_invalid' },
        });
      }
      await insertSubmission(
        tx,
        { idempotencyKeyHash, caseId: id, sealedReceipt: sealReceipt(input.idempotencyKey, site.key, { accessKey: key.display }) },
        at,
      );
      await auditCitizen(tx, ctx, {
        action: 'case.submitted',
        entityType: 'case',
        entityId: id,
        after: { reference, channel: 'web_widget', siteKey: site.key, category: input.category, attachments: attachmentIds.length },
      });
      // The access key is shown once and never stored in clear.
      return { caseId: id, receipt: { reference, accessKey: key.display, createdAt: at.toISOString() } };
    }).then(async (result) => {
      if ('caseId' in result) {
        recordStoredSubmission(ctx);
        publishChange(ctx, await reloadCase(db, result.caseId), 'submitted');
        return result.receipt;
      }
      return result;
    });
  }),

  /**
   * A citizen follows their case with reference and access key. A mutation, so the key travels in the
   * body, never in a URL. Wrong key and unknown reference get the same answer in about the same time.
   */
  track: publicProcedure.input(TrackCaseInputSchema).mutation(async ({ ctx, input }) => {
    enforceRateLimit(ctx, 'track');
    const record = await findTrackedCase(ctx.services.db, input);
    return citizenView(ctx, record);
  }),

  /** After the answer, the citizen says how satisfied they are (1–5), once. */
  rate: publicProcedure.input(RateCaseInputSchema).mutation(async ({ ctx, input }) => {
    enforceRateLimit(ctx, 'track');
    const { db, now } = ctx.services;
    const record = await findTrackedCase(db, input);
    if (!canRate(record)) {
      throw new DomainError('conflict', 'Not answered yet, or already rated', { reason: record.rating ? 'already_rated' : 'illegal_transition' });
    }
    const at = now();
    await db.write(async (tx) => {
      const patch = { status: record.status, ratingScore: input.score, ratingComment: input.comment || null, ratedAt: at };
      if (!(await updateCase(tx, record.id, record.version, patch, at))) throw new DomainError('conflict', 'The case changed meanwhile');
      await auditCitizen(tx, ctx, { action: 'case.rated', entityType: 'case', entityId: record.id, after: { score: input.score } });
    });
    return citizenView(ctx, await reloadCase(db, record.id));
  }),

  /** A citizen not satisfied with the answer asks the Centre to review it, within the review window. */
  requestReview: publicProcedure.input(RequestReviewInputSchema).mutation(async ({ ctx, input }) => {
    enforceRateLimit(ctx, 'track');
    const { db, now, citizen } = ctx.services;
    const record = await findTrackedCase(db, input);
    const at = now();
    if (!canRequestReview(record, at, citizen.reviewWindowDays)) {
      throw new DomainError('conflict', 'Review not allowed', { reason: 'review_not_allowed' });
    }
    const transition = move({ status: record.status, unitId: record.unitId }, 'review_requested', { role: 'citizen', unitId: null }, input.reason);
    await db.write(async (tx) => {
      if (!(await updateCase(tx, record.id, record.version, { status: transition.to }, at))) {
        throw new DomainError('conflict', 'The case changed meanwhile');
      }
      await insertEvent(
        tx,
        { caseId: record.id, kind: transition.kind, fromStatus: transition.from, toStatus: transition.to, actorStaffId: null, note: input.reason, visibleToCitizen: true },
        at,
      );
      await auditCitizen(tx, ctx, {
        action: 'case.review_requested',
        entityType: 'case',
        entityId: record.id,
        before: { status: transition.from },
        after: { status: transition.to },
        reason: input.reason,
      });
    });
    const reopened = await reloadCase(db, record.id);
    publishChange(ctx, reopened, transition.kind);
    return citizenView(ctx, reopened);
  }),

  /**
   * The staff inbox: the nearest deadline first. Unit members see only their unit's cases. With `q`, only
   * the cases matching it (with or without diacritics), best match first; a unit's query never matches the
   * Centre's notes nor the identity of a citizen who asked for confidentiality.
   */
  inbox: staffQuery.input(InboxInputSchema).query(({ ctx, input }) => visibleCaseList(ctx, ctx.staff, input, 500)),

  /**
   * Merges a duplicate into the case it repeats: the duplicate closes as `merged`, its contacts move over,
   * and its citizen is pointed to the primary case. Nothing is deleted.
   */
  merge: staffMutation.input(MergeInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'merge');
    if (input.primaryId === input.duplicateId) throw new DomainError('invalid', 'A case cannot be merged into itself', { fields: { duplicateId: 'invalid' } });
    const { db, now } = ctx.services;
    const at = now();
    const result = await db.write(async (tx) => {
      const primary = await loadVisibleCase(tx, ctx.staff, input.primaryId);
      const duplicate = await loadVisibleCase(tx, ctx.staff, input.duplicateId);
      if (primary.status === 'merged') throw new DomainError('illegal_transition', 'The primary case was itself merged');
      const moved = move({ status: duplicate.status, unitId: duplicate.unitId }, 'merged', { role: ctx.staff.role, unitId: ctx.staff.unitId });
      if (!(await updateCase(tx, duplicate.id, duplicate.version, { status: moved.to }, at))) throw new DomainError('conflict', 'The case changed meanwhile');
      await setMergedInto(tx, duplicate.id, primary.id);
      await moveContacts(tx, duplicate.id, primary.id);
      await insertEvent(tx, { caseId: duplicate.id, kind: 'merged', fromStatus: moved.from, toStatus: moved.to, actorStaffId: ctx.staff.id, note: primary.reference, visibleToCitizen: true }, at);
      await insertEvent(
        tx,
        { caseId: primary.id, kind: 'contact_logged', fromStatus: primary.status, toStatus: primary.status, actorStaffId: ctx.staff.id, note: `Gộp phản ánh trùng ${duplicate.reference}: ${duplicate.description}`, visibleToCitizen: false },
        at,
      );
      await auditStaff(tx, ctx, { action: 'case.merged', entityType: 'case', entityId: duplicate.id, before: auditedFields(duplicate), after: { status: moved.to, mergedInto: primary.id } });
      return { primary: await reloadCase(tx, primary.id), duplicate: await reloadCase(tx, duplicate.id) };
    });
    publishChange(ctx, result.duplicate, 'merged');
    return staffView(ctx, result.primary, ctx.staff, db, true);
  }),

  /**
   * Follow-up: open cases whose current stage is at risk (two working days or less left) or overdue. An open
   * case whose deadline cannot be computed (its dates lie outside the working calendar) is listed with the
   * overdue ones, with its warning: nobody can tell it is on time, and its data needs a look.
   */
  followUp: staffQuery.query(async ({ ctx }) => {
    const views = await visibleCaseList(ctx, ctx.staff, { status: 'open' }, 5000);
    return {
      overdue: views.filter((v) => v.deadline?.overdue || v.presentationWarning !== null),
      atRisk: views.filter((v) => v.deadline && !v.deadline.overdue && v.deadline.atRisk),
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

  ...caseHandlingProcedures,
});
