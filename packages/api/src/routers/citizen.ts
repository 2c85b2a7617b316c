import { randomUUID } from 'node:crypto';
import type { Executor, WorkingCalendars } from '@pakn/db';
import {
  getCase,
  getCategory,
  getSite,
  getUnit,
  findSubmission,
  insertCase,
  refreshCaseQueue,
  insertSubmission,
  linkAttachments,
  insertEvent,
  listCategories,
  listEvents,
  listUnits,
  nextReference,
  updateCase,
} from '@pakn/db';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  DomainError,
  move,
  officeStatus,
  RateCaseInputSchema,
  RequestReviewInputSchema,
  SiteKeyInputSchema,
  SubmitCaseInputSchema,
  TrackCaseInputSchema,
  ProvideInfoInputSchema,
  canRate,
  canRequestReview,
  hasContact,
  reportDateErrors,
  vietnamDateOf,
  type CaseRecord,
} from '@pakn/domain';
import type * as z from 'zod/mini';
import type { Context } from '../context.ts';
import { answerFilesForCitizen } from '../answer-attachments.ts';
import { presentCaseForCitizen } from '../presenters.ts';
import { enforceRateLimit, recordStoredSubmission } from '../citizen-policy.ts';
import { checkProof, issueChallenge, proofAlreadyUsed, spendCheckedProof } from '../proof-of-work.ts';
import { newAccessKey, openReceipt, sealReceipt, sha256Hex } from '../secrets.ts';
import { auditCitizen } from '../audit.ts';
import { deadlineOf } from '../deadlines.ts';
import { publishChange, reloadCase } from '../case-support.ts';
import { addressPrefix } from '../address-prefix.ts';
import { assertSiteOrigin } from '../sites.ts';
import { assertActiveCategory } from '../categories.ts';
import { findTrackedCase } from '../tracked-case.ts';
import { publicProcedure } from '../trpc.ts';

/*
 * The citizen's procedures: everything the widget (and the hosted page) calls without a staff session. They
 * carry the public side's security policy, each procedure its own part of it: the site's registered origin
 * (`assertSiteOrigin`), the per-address, per-prefix and global limits (`enforceRateLimit`), the proof of work
 * on submission, the honeypot, and the access key that opens one case. Staff procedures live in their
 * resource's file; router.ts puts both under the same paths (`case.submit`, `case.get`, ...).
 */

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

/** A checked report, its site and its moment: what storing it needs. */
interface AcceptedReport {
  readonly input: z.infer<typeof SubmitCaseInputSchema>;
  readonly siteKey: string;
  readonly concernedUnitId: string | null;
  readonly at: Date;
  /** Loaded before the write: the new case's list key is computed in it. */
  readonly calendars: WorkingCalendars;
}

/**
 * Thrown inside the write transaction when a copy of the same request (same idempotency key, another proof)
 * committed first: everything this copy wrote rolls back, and it answers with the first copy's receipt.
 */
class SubmittedMeanwhile extends Error {}

/**
 * Stores a checked report inside the write transaction: the case, its first event, its attachments, the
 * sealed receipt for retries and the audit entry. Returns the receipt with the new case as stored.
 */
async function storeReport(tx: Executor, ctx: Context, report: AcceptedReport, idempotencyKeyHash: string) {
  const { input, siteKey, concernedUnitId, at, calendars } = report;
  const withContact = hasContact(input.contact);
  const attachmentIds = [...new Set(input.attachments ?? [])];
  const key = newAccessKey();
  const id = randomUUID();
  const reference = await nextReference(tx, Number(at.toISOString().slice(0, 4)));
  const record = await insertCase(
    tx,
    {
      id,
      reference,
      accessKeyHash: sha256Hex(key.raw),
      channel: 'web_widget',
      siteKey,
      reportedCategory: input.category,
      concernedUnitId,
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
    calendars,
  );
  await insertEvent(tx, { caseId: id, kind: 'submitted', fromStatus: null, toStatus: 'received', actorStaffId: null, note: null, visibleToCitizen: true }, at);
  const linked = await linkAttachments(tx, id, siteKey, attachmentIds, at, ctx.services.citizen.attachmentMaxAgeMs);
  if (linked !== attachmentIds.length) {
    throw new DomainError('invalid', 'Unknown, foreign or expired attachment', { reason: 'attachment_invalid', fields: { attachments: 'attachment_invalid' } });
  }
  const sealedReceipt = sealReceipt(input.idempotencyKey, siteKey, { accessKey: key.display });
  if (!(await insertSubmission(tx, { idempotencyKeyHash, caseId: id, sealedReceipt }, at))) throw new SubmittedMeanwhile();
  await auditCitizen(tx, ctx, {
    action: 'case.submitted',
    entityType: 'case',
    entityId: id,
    after: { reference, channel: 'web_widget', siteKey, category: input.category, attachments: attachmentIds.length },
  });
  // The access key is shown once and never stored in clear.
  return { record, receipt: { reference, accessKey: key.display, createdAt: at.toISOString() } };
}

/** The citizen's procedures on a case, mounted under `case.` beside the staff's. */
export const citizenCaseProcedures = {
  /** The citizen answers the unit's request for more information; the unit's clock starts again. */
  provideInfo: publicProcedure.input(ProvideInfoInputSchema).mutation(async ({ ctx, input }) => {
    enforceRateLimit(ctx, 'track');
    const { db, now } = ctx.services;
    const record = await findTrackedCase(db, input);
    const at = now();
    const moved = move({ status: record.status, unitId: record.unitId }, 'info_provided', { role: 'citizen', unitId: null }, input.message);
    const pauses = record.pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p));
    const attachmentIds = [...new Set(input.attachments ?? [])];
    const calendars = await ctx.services.calendars.all();
    await db.write(async (tx) => {
      if (!(await updateCase(tx, record.id, record.version, { status: moved.to, pauses: JSON.stringify(pauses) }, at))) {
        throw new DomainError('conflict', 'The case changed meanwhile');
      }
      await refreshCaseQueue(tx, calendars, [record.id]);
      const linked = record.siteKey ? await linkAttachments(tx, record.id, record.siteKey, attachmentIds, at, ctx.services.citizen.attachmentMaxAgeMs) : 0;
      if (linked !== attachmentIds.length) {
        throw new DomainError('invalid', 'Unknown, foreign or expired attachment', {
          reason: 'attachment_invalid',
          fields: { attachments: 'attachment_invalid' },
        });
      }
      await insertEvent(
        tx,
        {
          caseId: record.id,
          kind: 'info_provided',
          fromStatus: moved.from,
          toStatus: moved.to,
          actorStaffId: null,
          note: input.message,
          visibleToCitizen: true,
        },
        at,
      );
      await auditCitizen(tx, ctx, {
        action: 'case.info_provided',
        entityType: 'case',
        entityId: record.id,
        before: { status: moved.from },
        after: { status: moved.to },
      });
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
    // A site's default unit exists (a foreign key): only a unit the citizen chose needs looking up.
    if (input.unitId && !(await getUnit(db, input.unitId))) {
      throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
    }
    const report: AcceptedReport = { input, siteKey: site.key, concernedUnitId: concernedUnitId ?? null, at, calendars: await ctx.services.calendars.all() };

    // No second idempotency lookup inside the lock on the common path (issue 11): a copy of this request that
    // committed meanwhile shows up as a proof already spent (the same proof) or as a conflict on the key.
    const stored = await db
      .write(async (tx) => {
        await ctx.services.proofSweeper.sweepIfDue(tx, at);
        if (!(await spendCheckedProof(tx, proof))) {
          const raced = await findSubmission(tx, idempotencyKeyHash);
          if (raced) return receiptOf(tx, raced, input.idempotencyKey, site.key);
          throw proofAlreadyUsed();
        }
        return storeReport(tx, ctx, report, idempotencyKeyHash);
      })
      .catch(async (error: unknown) => {
        const raced = error instanceof SubmittedMeanwhile ? await findSubmission(db, idempotencyKeyHash) : null;
        if (!raced) throw error;
        return receiptOf(db, raced, input.idempotencyKey, site.key);
      });
    if (!('record' in stored)) return stored;
    recordStoredSubmission(ctx);
    publishChange(ctx, stored.record, 'submitted');
    return stored.receipt;
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
    const calendars = await ctx.services.calendars.all();
    await db.write(async (tx) => {
      if (!(await updateCase(tx, record.id, record.version, { status: transition.to }, at))) {
        throw new DomainError('conflict', 'The case changed meanwhile');
      }
      await refreshCaseQueue(tx, calendars, [record.id]);
      await insertEvent(
        tx,
        {
          caseId: record.id,
          kind: transition.kind,
          fromStatus: transition.from,
          toStatus: transition.to,
          actorStaffId: null,
          note: input.reason,
          visibleToCitizen: true,
        },
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
};

/** The citizen's procedures on a site, mounted under `site.`. */
export const citizenSiteProcedures = {
  /** What the widget needs to render for a site: its name, its default unit, the units and categories to choose from. */
  config: publicProcedure.input(SiteKeyInputSchema).query(async ({ ctx, input }) => {
    const site = await getSite(ctx.services.db, input.siteKey);
    assertSiteOrigin(ctx, site);
    const units = await listUnits(ctx.services.db);
    const categories = await listCategories(ctx.services.db, { activeOnly: true });
    const office = officeStatus(await ctx.services.calendars.centre(), ctx.services.now());
    return {
      key: site.key,
      name: site.name,
      defaultUnitId: site.defaultUnitId,
      units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
      /** The categories citizens may choose now, in order, in both languages (admins edit them: issue 5). */
      categories: categories.map((c) => ({ key: c.key, label: c.label, hint: c.hint })),
      /** Whether the Centre is reading reports now, and if not, when it will. */
      office: { open: office.open, nextOpening: office.open ? null : office.nextPeriod.start.toISOString() },
      limits: { maxAttachments: MAX_ATTACHMENTS, maxAttachmentBytes: MAX_ATTACHMENT_BYTES, attachmentTypes: [...ATTACHMENT_TYPES] },
    };
  }),
};
