/**
 * Input schemas shared by the browser and the server. zod/mini keeps the widget small (about 5 KB
 * gzipped instead of 22 KB for classic zod). Messages are codes; `issueMessage` turns them into text in
 * the user's language.
 */
import * as z from 'zod/mini';
import { CATEGORIES, OUT_OF_SCOPE_CLASSES } from './categories.ts';
import { CHANNELS } from './channels.ts';

export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;
export const ANSWER_MIN = 20;
export const ANSWER_MAX = 10000;
export const REFERRAL_MAX = 4000;

const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const PHONE_PATTERN = /^\+?[0-9][0-9 .-]{7,18}$/;

export const ContactSchema = z.object({
  name: z.optional(trimmed(1, 120)),
  phone: z.optional(z.string().check(z.trim(), z.regex(PHONE_PATTERN, { error: 'phone_format' }))),
  email: z.optional(z.string().check(z.trim(), z.maxLength(200), z.email({ error: 'email_format' }))),
});
export type Contact = z.infer<typeof ContactSchema>;

export function hasContact(contact: Contact | undefined): boolean {
  return Boolean(contact && (contact.name || contact.phone || contact.email));
}

export const SubmitCaseInputSchema = z
  .object({
    siteKey: trimmed(1, 64),
    category: z.enum(CATEGORIES),
    description: trimmed(DESCRIPTION_MIN, DESCRIPTION_MAX),
    unitId: z.optional(trimmed(1, 64)),
    contact: z.optional(ContactSchema),
    /** "Do not reveal my identity to the unit concerned": on unless the citizen turns it off. */
    confidential: z._default(z.boolean(), true),
    /** Consent to the processing of personal data; required when contact data is given. */
    consent: z._default(z.boolean(), false),
    lang: z._default(z.enum(['vi', 'en']), 'vi'),
  })
  .check(
    z.refine((input) => !hasContact(input.contact) || input.consent, {
      error: 'consent_required',
      path: ['consent'],
    }),
  );
export type SubmitCaseInput = z.input<typeof SubmitCaseInputSchema>;

export const TrackCaseInputSchema = z.object({
  reference: trimmed(1, 40),
  accessKey: trimmed(1, 60),
});
export type TrackCaseInput = z.infer<typeof TrackCaseInputSchema>;

export const SiteKeyInputSchema = z.object({ siteKey: trimmed(1, 64) });

export const LoginInputSchema = z.object({
  username: trimmed(1, 100),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const CaseIdInputSchema = z.object({ caseId: trimmed(1, 64) });

export const InboxInputSchema = z.object({
  status: z.optional(z.enum(['open', 'all', 'received', 'accepted', 'forwarded', 'answered', 'referred'])),
});

export const ClassifyInputSchema = z.discriminatedUnion('scope', [
  z.object({ caseId: trimmed(1, 64), scope: z.literal('in'), category: z.enum(CATEGORIES) }),
  z.object({
    caseId: trimmed(1, 64),
    scope: z.literal('out'),
    outOfScopeClass: z.enum(OUT_OF_SCOPE_CLASSES),
    referral: trimmed(10, REFERRAL_MAX),
  }),
]);
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>;

export const ForwardInputSchema = z.object({
  caseId: trimmed(1, 64),
  unitId: trimmed(1, 64),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

export const AnswerInputSchema = z.object({
  caseId: trimmed(1, 64),
  answer: trimmed(ANSWER_MIN, ANSWER_MAX),
});

export const LogContactInputSchema = z.object({
  channel: z.enum(CHANNELS),
  category: z.optional(z.enum(CATEGORIES)),
  description: trimmed(DESCRIPTION_MIN, DESCRIPTION_MAX),
  contact: z.optional(ContactSchema),
  confidential: z._default(z.boolean(), true),
});
