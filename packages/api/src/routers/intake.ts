import { randomUUID } from 'node:crypto';
import type { Executor } from '@pakn/db';
import { contactsByPhone, dailyIntake, getCase, getUnit, insertCase, insertContact, insertEvent, nextReference, type WorkingCalendars } from '@pakn/db';
import {
  CallerHistoryInputSchema,
  DayInputSchema,
  DomainError,
  LogContactInputSchema,
  VIETNAM_UTC_OFFSET_MS,
  hasContact,
  maskPhone,
  normalizePhone,
  type StaffMember,
} from '@pakn/domain';
import type * as z from 'zod/mini';
import { auditStaff } from '../audit.ts';
import type { Context } from '../context.ts';
import { assertActiveCategory } from '../categories.ts';
import { newAccessKey, sha256Hex } from '../secrets.ts';
import { requirePermission, router, staffMutation, staffQuery } from '../trpc.ts';
import { reloadCase } from '../case-support.ts';

type StaffContext = Context & { staff: StaffMember };
type LogContactInput = z.infer<typeof LogContactInputSchema>;

/** Checks what the form cannot: the time is not in the future, the phone parses, the unit and category exist. */
async function checkContact(ctx: StaffContext, input: LogContactInput): Promise<{ at: Date; phone: string | null }> {
  const { db, now } = ctx.services;
  const at = input.at ? new Date(input.at) : now();
  if (at.getTime() > now().getTime() + 60_000) {
    throw new DomainError('invalid', 'A contact cannot come from the future', { fields: { at: 'date_in_future' } });
  }
  const phone = input.contact?.phone ? normalizePhone(input.contact.phone) : null;
  if (input.contact?.phone && !phone) {
    throw new DomainError('invalid', 'Bad phone number', { fields: { 'contact.phone': 'phone_format' } });
  }
  if (input.concernedUnitId && !(await getUnit(db, input.concernedUnitId))) {
    throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { concernedUnitId: 'invalid' } });
  }
  if (input.category) await assertActiveCategory(db, input.category);
  return { at, phone };
}

interface LoggedContact {
  readonly caseId: string;
  readonly reference: string;
  readonly accessKey: string | null;
  readonly followUp: boolean;
}

/** "Called again" about a case that exists: a contact and a reminder signal, not a new case. */
async function logFollowUp(
  tx: Executor,
  ctx: StaffContext,
  input: LogContactInput,
  existingCaseId: string,
  at: Date,
  phone: string | null,
): Promise<LoggedContact> {
  const existing = await getCase(tx, existingCaseId);
  if (!existing) throw new DomainError('not_found', 'No such case', { fields: { existingCaseId: 'invalid' } });
  // The caller's own confidentiality (issue 9): a confidential caller about a case that is not stays hidden.
  await insertContact(tx, {
    id: randomUUID(),
    caseId: existing.id,
    channel: input.channel,
    at,
    phone,
    name: input.contact?.name ?? null,
    email: input.contact?.email ?? null,
    summary: input.summary,
    recordedBy: ctx.staff.id,
    isFollowUp: true,
    confidential: input.confidential,
  });
  await insertEvent(
    tx,
    {
      caseId: existing.id,
      kind: 'contact_logged',
      fromStatus: existing.status,
      toStatus: existing.status,
      actorStaffId: ctx.staff.id,
      note: input.summary,
      visibleToCitizen: false,
    },
    ctx.services.now(),
  );
  await auditStaff(tx, ctx, {
    action: 'contact.logged',
    entityType: 'case',
    entityId: existing.id,
    after: { channel: input.channel, followUp: true, confidential: input.confidential },
  });
  return { caseId: existing.id, reference: existing.reference, accessKey: null, followUp: true };
}

/** A first contact: a new case, received, with the caller's contact on it (consent given orally) and the contact row. */
async function logNewCase(
  tx: Executor,
  ctx: StaffContext,
  input: LogContactInput,
  at: Date,
  phone: string | null,
  calendars: WorkingCalendars,
): Promise<LoggedContact> {
  const id = randomUUID();
  const key = newAccessKey();
  const reference = await nextReference(tx, Number(at.toISOString().slice(0, 4)));
  const contact = hasContact(input.contact) ? { ...input.contact, phone: phone ?? undefined } : undefined;
  await insertCase(
    tx,
    {
      id,
      reference,
      accessKeyHash: sha256Hex(key.raw),
      channel: input.channel,
      siteKey: null,
      reportedCategory: input.category ?? null,
      concernedUnitId: input.concernedUnitId ?? null,
      description: input.summary,
      contact,
      confidential: input.confidential,
      // Consent given orally is recorded by the officer who logs the call.
      consentAt: contact ? at : null,
      lang: 'vi',
    },
    at,
    calendars,
  );
  await insertEvent(
    tx,
    { caseId: id, kind: 'submitted', fromStatus: null, toStatus: 'received', actorStaffId: ctx.staff.id, note: null, visibleToCitizen: true },
    at,
  );
  // The case's own citizen, on the case and on the contact, under one flag: a merge moves the contact over.
  await insertContact(tx, {
    id: randomUUID(),
    caseId: id,
    channel: input.channel,
    at,
    phone,
    name: contact?.name ?? null,
    email: contact?.email ?? null,
    summary: input.summary,
    recordedBy: ctx.staff.id,
    isFollowUp: false,
    confidential: input.confidential,
  });
  await auditStaff(tx, ctx, { action: 'case.logged', entityType: 'case', entityId: id, after: { reference, channel: input.channel } });
  return { caseId: id, reference, accessKey: key.display, followUp: false };
}

/**
 * Intake from every channel: officers log hotline calls, Zalo and Viber messages, walk-ins and emails. A
 * caller's number is stored normalised, so a repeat caller is recognised, and shown masked.
 */
export const intakeRouter = router({
  logContact: staffMutation.input(LogContactInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'logContact');
    const { db, now } = ctx.services;
    const { at, phone } = await checkContact(ctx, input);
    const earlier = phone ? await contactsByPhone(db, phone) : [];
    const existingCaseId = input.existingCaseId;
    const calendars = await ctx.services.calendars.all();
    const result = await db.write((tx) =>
      existingCaseId ? logFollowUp(tx, ctx, input, existingCaseId, at, phone) : logNewCase(tx, ctx, input, at, phone, calendars),
    );
    const record = await reloadCase(db, result.caseId);
    ctx.services.feed.publish({
      caseId: record.id,
      reference: record.reference,
      status: record.status,
      unitId: record.unitId,
      kind: result.followUp ? 'contact_logged' : 'submitted',
      at: now().toISOString(),
    });
    return {
      ...result,
      /** The caller has contacted us before: how often, and about which cases. */
      repeatCaller: phone
        ? {
            phoneMasked: maskPhone(phone),
            earlierContacts: earlier.length,
            cases: [...new Map(earlier.map((c) => [c.caseId, { caseId: c.caseId, reference: c.reference, status: c.status }])).values()],
          }
        : null,
    };
  }),

  /** Earlier contacts from a number, to link a call to the case it is about. */
  callerHistory: staffQuery.input(CallerHistoryInputSchema).query(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'logContact');
    const phone = normalizePhone(input.phone);
    if (!phone) throw new DomainError('invalid', 'Bad phone number', { fields: { phone: 'phone_format' } });
    const contacts = await contactsByPhone(ctx.services.db, phone);
    return {
      phoneMasked: maskPhone(phone),
      contacts: contacts.map((c) => ({ caseId: c.caseId, reference: c.reference, status: c.status, channel: c.channel, at: c.at, followUp: c.isFollowUp })),
    };
  }),

  /** What arrived on a day (Hanoi time): calls, distinct numbers, and messages per channel. */
  dailyStats: staffQuery.input(DayInputSchema).query(async ({ ctx, input }) => {
    const start = new Date(Date.parse(`${input.date}T00:00:00Z`) - VIETNAM_UTC_OFFSET_MS);
    const end = new Date(start.getTime() + 86_400_000);
    return { date: input.date, ...(await dailyIntake(ctx.services.db, start, end)) };
  }),
});
