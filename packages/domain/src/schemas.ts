/**
 * Input schemas shared by the browser and the server. zod/mini keeps the widget small (about 5 KB
 * gzipped instead of 22 KB for classic zod). Messages are codes; `issueMessage` turns them into text in
 * the user's language.
 */
import * as z from 'zod/mini';
import { CATEGORY_KEY_PATTERN, OUT_OF_SCOPE_CLASSES } from './categories.ts';
import { LETTER_TEMPLATE_MAX } from './letter-template.ts';
import { CASE_STATUSES } from './case-status.ts';
import {
  ANSWER_MAX,
  ANSWER_MIN,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  PHONE_PATTERN,
  RATING_COMMENT_MAX,
  REFERRAL_MAX,
  REVIEW_REASON_MAX,
  REVIEW_REASON_MIN,
} from './limits.ts';
import { MAX_ATTACHMENTS } from './attachments.ts';
import { ANSWER_OUTCOMES, UNIT_KINDS } from './model.ts';
import { ROLES } from './roles.ts';
import { SEARCH_QUERY_MAX } from './search.ts';
import { InputDateSchema, InputDateTimeSchema } from './input-dates.ts';
import { CHANNELS, type Channel } from './channels.ts';
import { UNIT_GROUP_KEYS } from './dashboard.ts';

const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/**
 * A category key of the right shape. Whether it names an active category is the server's question (categories
 * are data since issue 5): it answers `category: invalid` otherwise.
 */
const categoryKey = z.string().check(z.trim(), z.regex(CATEGORY_KEY_PATTERN, { error: 'invalid' }));

export const ContactSchema = z.object({
  name: z.optional(trimmed(1, 120)),
  phone: z.optional(z.string().check(z.trim(), z.regex(PHONE_PATTERN, { error: 'phone_format' }))),
  email: z.optional(z.string().check(z.trim(), z.maxLength(200), z.email({ error: 'email_format' }))),
});
export type Contact = z.infer<typeof ContactSchema>;

export function hasContact(contact: Contact | undefined): boolean {
  return Boolean(contact && (contact.name || contact.phone || contact.email));
}

/** A calendar date as the date input gives it: YYYY-MM-DD, a real date, within the Centre's range. */
const isoDate = InputDateSchema;

/** What the citizen fills in. The widget validates it before asking for a proof of work. */
const reportFields = {
  siteKey: trimmed(1, 64),
  category: categoryKey,
  description: trimmed(DESCRIPTION_MIN, DESCRIPTION_MAX),
  unitId: z.optional(trimmed(1, 64)),
  /** The dossier's code (mã hồ sơ) on the receipt the citizen was given. */
  dossierCode: z.optional(trimmed(1, 60)),
  /** For a late result: the appointment date, and the date the result actually came (absent: not yet). */
  appointmentDate: z.optional(isoDate),
  returnedDate: z.optional(isoDate),
  contact: z.optional(ContactSchema),
  /** "Do not reveal my identity to the unit concerned": on unless the citizen turns it off. */
  confidential: z._default(z.boolean(), true),
  /** Consent to the processing of personal data; required when contact data is given. */
  consent: z._default(z.boolean(), false),
  /** Send me an email when my case moves on (needs an email address). */
  wantsUpdates: z._default(z.boolean(), false),
  lang: z._default(z.enum(['vi', 'en']), 'vi'),
};

const consentWithContact = z.refine<{ contact?: Contact | undefined; consent: boolean }>((input) => !hasContact(input.contact) || input.consent, {
  error: 'consent_required',
  path: ['consent'],
});
const returnedNotBeforeAppointment = z.refine<{ appointmentDate?: string | undefined; returnedDate?: string | undefined }>(
  (input) => !input.appointmentDate || !input.returnedDate || input.returnedDate >= input.appointmentDate,
  { error: 'returned_before_appointment', path: ['returnedDate'] },
);

export const ReportFormSchema = z.object(reportFields).check(consentWithContact, returnedNotBeforeAppointment);
export type ReportForm = z.input<typeof ReportFormSchema>;

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;
export const ATTACHMENT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The report plus what the transport adds: a retry key, a proof of work, the honeypot and uploaded files. */
export const SubmitCaseInputSchema = z
  .object({
    ...reportFields,
    /** Random per report, reused by every retry of it: the same key returns the same receipt. */
    idempotencyKey: z.string().check(z.regex(IDEMPOTENCY_KEY_PATTERN)),
    /** An ALTCHA payload (base64 JSON) solving a challenge from `case.challenge`. */
    proof: z.string().check(z.minLength(1), z.maxLength(2000)),
    /** A field people never see; bots fill it in. */
    website: z.optional(z.string().check(z.maxLength(500))),
    attachments: z.optional(z.array(z.string().check(z.regex(ATTACHMENT_ID_PATTERN))).check(z.maxLength(MAX_ATTACHMENTS))),
  })
  .check(consentWithContact, returnedNotBeforeAppointment);

export const TrackCaseInputSchema = z.object({
  reference: trimmed(1, 40),
  accessKey: trimmed(1, 60),
});

export const SiteKeyInputSchema = z.object({ siteKey: trimmed(1, 64) });

export const LoginInputSchema = z.object({
  username: trimmed(1, 100),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const CaseIdInputSchema = z.object({ caseId: trimmed(1, 64) });

/** A case named by its reference as staff type it (any case, spaces or dashes: see normalizeReference). */
export const CaseReferenceInputSchema = z.object({ reference: trimmed(1, 40) });

/** A list's page (issue 11): the opaque cursor of the previous page's `next`, and the page size. */
export const LIST_PAGE_SIZE = 50;
export const LIST_PAGE_MAX = 200;
const listCursor = z.string().check(z.maxLength(400));
export const LIST_PAGE_FIELDS = {
  cursor: z.optional(listCursor),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(LIST_PAGE_MAX))),
};

/** The forwarding register of a year, a page at a time. */
export const RegisterInputSchema = z.object({ year: z.int().check(z.gte(2000), z.lte(2100)), ...LIST_PAGE_FIELDS });

/** The follow-up lists, each paged on its own (the cursors of their `next`). */
export const FollowUpInputSchema = z.optional(
  z.object({
    overdueCursor: z.optional(listCursor),
    atRiskCursor: z.optional(listCursor),
    limit: LIST_PAGE_FIELDS.limit,
  }),
);

export const InboxInputSchema = z
  .object({
    status: z.optional(z.enum(['open', 'all', ...CASE_STATUSES])),
    /** Only the cases the unit head handed to the signed-in member. */
    assignedToMe: z.optional(z.boolean()),
    /** Full-text search, with or without diacritics; blank means no search. Any text is safe (see search.ts). */
    q: z.optional(z.string().check(z.maxLength(SEARCH_QUERY_MAX))),
    ...LIST_PAGE_FIELDS,
    /**
     * The cases behind a dashboard figure (issue 12): received on Vietnamese calendar days from–to (both needed),
     * of a channel, a category (`-` for none yet), a scope, a unit or a group of units.
     */
    from: z.optional(InputDateSchema),
    to: z.optional(InputDateSchema),
    channel: z.optional(z.enum(CHANNELS as unknown as [Channel, ...Channel[]])),
    category: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    scope: z.optional(z.enum(['in', 'out', 'pending'])),
    unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    group: z.optional(z.enum(UNIT_GROUP_KEYS)),
  })
  .check(z.refine((p) => (p.from === undefined) === (p.to === undefined) && !(p.from && p.to && p.from > p.to), { error: 'date_order', path: ['to'] }));

/** The Centre corrects the summary of a case before it is forwarded (a call noted in haste, a typo). */
export const EditSummaryInputSchema = z.object({ caseId: trimmed(1, 64), description: trimmed(DESCRIPTION_MIN, DESCRIPTION_MAX) });

export const ClassifyInputSchema = z.discriminatedUnion('scope', [
  z.object({ caseId: trimmed(1, 64), scope: z.literal('in'), category: categoryKey }),
  z.object({
    caseId: trimmed(1, 64),
    scope: z.literal('out'),
    outOfScopeClass: z.enum(OUT_OF_SCOPE_CLASSES),
    referral: trimmed(10, REFERRAL_MAX),
  }),
]);

/**
 * A contact logged by an intake officer: a new case, or with `existingCaseId` a contact about a case that
 * already exists ("called again").
 */
export const LogContactInputSchema = z.object({
  channel: z.enum(['hotline', 'zalo', 'viber', 'walk_in', 'email']),
  /** When the call or message came; default now. Not before the Centre's records begin; not in the future (checked by the server). */
  at: z.optional(InputDateTimeSchema),
  existingCaseId: z.optional(trimmed(1, 64)),
  category: z.optional(categoryKey),
  concernedUnitId: z.optional(trimmed(1, 64)),
  /** The officer's summary of what the caller reported. */
  summary: trimmed(DESCRIPTION_MIN, DESCRIPTION_MAX),
  contact: z.optional(ContactSchema),
  confidential: z._default(z.boolean(), true),
});

export const CallerHistoryInputSchema = z.object({ phone: trimmed(6, 20) });
/** A day of the daily statistics: a real date (no `0000-00-00`) within the Centre's range. */
export const DayInputSchema = z.object({ date: InputDateSchema });

export const MergeInputSchema = z.object({ primaryId: trimmed(1, 64), duplicateId: trimmed(1, 64) });

export const RevealIdentityInputSchema = z.object({ caseId: trimmed(1, 64), reason: trimmed(10, 500) });

export const AuthorityInputSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,60}$/)),
  outOfScopeClass: z.enum(OUT_OF_SCOPE_CLASSES),
  name: z.object({ vi: trimmed(2, 200), en: trimmed(2, 200) }),
  referral: z.object({ vi: trimmed(10, REFERRAL_MAX), en: trimmed(10, REFERRAL_MAX) }),
});

export const UnitRecordInputSchema = z.object({
  unitId: trimmed(1, 64),
  caseId: z.optional(trimmed(1, 64)),
  kind: z.enum(['reminder', 'escalation', 'reprimand', 'correction', 'commendation']),
  note: trimmed(5, 2000),
});

export const InspectionInputSchema = z.object({ unitId: trimmed(1, 64), underInspection: z.boolean(), reason: trimmed(5, 1000) });

export const RateCaseInputSchema = z.object({
  ...TrackCaseInputSchema.shape,
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(RATING_COMMENT_MAX))),
});

export const RequestReviewInputSchema = z.object({
  ...TrackCaseInputSchema.shape,
  reason: trimmed(REVIEW_REASON_MIN, REVIEW_REASON_MAX),
});

export const DraftForwardingInputSchema = z.object({
  caseId: trimmed(1, 64),
  unitId: trimmed(1, 64),
  /** The officer's text of the letter; the template's when absent. */
  letter: z.optional(trimmed(20, 10000)),
  /** Forwarding a case to the very unit it complains about needs a conscious confirmation. */
  confirmSelfReview: z._default(z.boolean(), false),
});

export const CommentInputSchema = z.object({ caseId: trimmed(1, 64), comment: trimmed(5, 2000) });

export const SubmitAnswerInputSchema = z.object({
  caseId: trimmed(1, 64),
  outcome: z.enum(ANSWER_OUTCOMES),
  answer: trimmed(ANSWER_MIN, ANSWER_MAX),
  internalNote: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
  /** Files uploaded for this answer (ids from the staff upload endpoint); internal ones never reach the citizen. */
  attachments: z.optional(
    z.array(z.object({ id: z.string().check(z.regex(ATTACHMENT_ID_PATTERN)), internal: z.boolean() })).check(z.maxLength(MAX_ATTACHMENTS)),
  ),
});

export const RequestInfoInputSchema = z.object({ caseId: trimmed(1, 64), question: trimmed(10, 2000) });

export const ProvideInfoInputSchema = z.object({
  ...TrackCaseInputSchema.shape,
  message: trimmed(5, DESCRIPTION_MAX),
  /** Files uploaded for this reply (ids from the upload endpoint), like a report's. */
  attachments: z.optional(z.array(z.string().check(z.regex(ATTACHMENT_ID_PATTERN))).check(z.maxLength(MAX_ATTACHMENTS))),
});

export const EXTENSION_MAX_DAYS = 10;
export const RequestExtensionInputSchema = z.object({
  caseId: trimmed(1, 64),
  days: z.number().check(z.int(), z.gte(1), z.lte(EXTENSION_MAX_DAYS)),
  reason: trimmed(REVIEW_REASON_MIN, REVIEW_REASON_MAX),
});

export const DecideExtensionInputSchema = z.object({
  caseId: trimmed(1, 64),
  approve: z.boolean(),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

export const AssignInputSchema = z.object({ caseId: trimmed(1, 64), staffId: trimmed(1, 64) });

export const PASSWORD_MIN = 12;

/** One staff account, by id (e.g. the admin unlocks it). */
export const StaffIdInputSchema = z.object({ id: trimmed(1, 64) });

export const StaffAccountInputSchema = z.object({
  /** Absent: a new account. */
  id: z.optional(trimmed(1, 64)),
  username: z.string().check(z.trim(), z.regex(/^[a-z0-9._-]{3,60}$/)),
  displayName: trimmed(2, 120),
  role: z.enum(ROLES),
  unitId: z.optional(trimmed(1, 64)),
  email: z.optional(z.string().check(z.trim(), z.maxLength(200), z.email({ error: 'email_format' }))),
  active: z._default(z.boolean(), true),
  /** Required for a new account; for an existing one, sets a new password (and ends its sessions). */
  password: z.optional(z.string().check(z.minLength(PASSWORD_MIN), z.maxLength(200))),
});

export const UnitInputSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,64}$/)),
  kind: z.enum(UNIT_KINDS),
  name: trimmed(2, 200),
  parentId: z.optional(trimmed(1, 64)),
  /** True when the admin creates a unit: an existing id is then refused instead of overwritten. */
  isNew: z.optional(z.boolean()),
});

export const SiteInputSchema = z.object({
  key: z.string().check(z.regex(/^[a-z0-9-]{2,64}$/)),
  name: trimmed(2, 200),
  /** Origins of the pages that embed the widget, e.g. https://hoankiem.hanoi.gov.vn. */
  allowedOrigins: z
    .array(
      z.url().check(
        z.refine(
          (u) => {
            try {
              return new URL(u).origin === u;
            } catch {
              return false;
            }
          },
          { error: 'origin_format' },
        ),
      ),
    )
    .check(z.maxLength(20)),
  defaultUnitId: z.optional(trimmed(1, 64)),
  /** True when the admin registers a site: an existing key is then refused instead of overwritten. */
  isNew: z.optional(z.boolean()),
});

/** An admin adds a category (a new key) or changes one: labels, hint, active. Position is changed by moving it. */
export const CategoryInputSchema = z.object({
  /** Adding: the key must be free. Changing: the key must exist. Keys never change. */
  isNew: z._default(z.boolean(), false),
  key: z.string().check(z.trim(), z.regex(CATEGORY_KEY_PATTERN, { error: 'category_key_format' })),
  label: z.object({ vi: trimmed(2, 200), en: trimmed(2, 200) }),
  /** Empty: no hint. */
  hint: z._default(z.object({ vi: z.string().check(z.trim(), z.maxLength(300)), en: z.string().check(z.trim(), z.maxLength(300)) }), { vi: '', en: '' }),
  active: z._default(z.boolean(), true),
});

export const MoveCategoryInputSchema = z.object({ key: trimmed(1, 48), direction: z.enum(['up', 'down']) });

export const LetterTemplateInputSchema = z.object({ template: trimmed(1, LETTER_TEMPLATE_MAX) });

/** Renders a draft template without saving it: against a real case when given, sample facts otherwise. */
export const PreviewLetterTemplateInputSchema = z.object({
  template: z.string().check(z.maxLength(LETTER_TEMPLATE_MAX)),
  caseId: z.optional(trimmed(1, 64)),
  unitId: z.optional(trimmed(1, 64)),
});
