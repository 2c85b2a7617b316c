/**
 * The domain's words that the widget shows, for one language. @pakn/domain keeps every label in both languages
 * side by side ({ vi, en }), which a bundler cannot split; this function runs at build time (see
 * vite-plugins.ts) and the widget imports its result as `virtual:pakn-domain-text/<lang>`, so Vietnamese stays in
 * the main chunk, English goes to its own chunk, and the domain stays the single source of the wording.
 */
import type * as Domain from '@pakn/domain';

type Lang = 'vi' | 'en';

/** Stands for a number in a message template; the widget replaces `{n}`. */
const N = 987_654_321;

/**
 * Error reasons the widget explains itself: uploads (their errors carry no message in the citizen's language)
 * and answers from something other than the API (a proxy's 429 or 502). API errors come with a message.
 */
const ERROR_REASONS = ['rate_limited', 'attachment_type', 'attachment_invalid', 'internal'] as const;

const pick = <K extends string>(labels: Readonly<Record<K, Readonly<Record<Lang, string>>>>, lang: Lang) =>
  Object.fromEntries(Object.entries<Readonly<Record<Lang, string>>>(labels).map(([key, text]) => [key, text[lang]])) as Record<K, string>;

/**
 * What the form needs: in the main chunk for Vietnamese. Category labels are not here: admins edit them, so
 * they come with the site's configuration from the server (`site.config`).
 */
export function domainText(domain: typeof Domain, lang: Lang) {
  const issue = (value: Domain.IssueLike) => domain.issueMessage(value, lang).replace(String(N), '{n}');
  const coded = (code: string) => issue({ code: 'custom', message: code });
  return {
    errors: Object.fromEntries(ERROR_REASONS.map((reason) => [reason, domain.errorMessage(reason, lang)])) as Record<(typeof ERROR_REASONS)[number], string>,
    /** Validation messages, keyed by the codes of the widget's validator (see src/validate-report.ts). */
    issues: {
      required: issue({ code: 'too_small', origin: 'string', minimum: 1 }),
      choose: issue({ code: 'invalid_value' }),
      minChars: issue({ code: 'too_small', origin: 'string', minimum: N }),
      maxChars: issue({ code: 'too_big', origin: 'string', maximum: N }),
      phone: coded('phone_format'),
      email: coded('email_format'),
      consent: coded('consent_required'),
      date: coded('date_format'),
      returnedBefore: coded('returned_before_appointment'),
    },
  };
}

/** Read by src/virtual-modules.d.ts (an import type, which knip does not follow). @public */
export type DomainText = ReturnType<typeof domainText>;

/** What only the tracking view needs: in its chunk. */
export function domainTrackText(domain: typeof Domain, lang: Lang) {
  return { statuses: pick(domain.CASE_STATUS_LABELS, lang) };
}

/** Read by src/virtual-modules.d.ts. @public */
export type DomainTrackText = ReturnType<typeof domainTrackText>;

/**
 * The limits the widget checks before sending. They live in @pakn/domain's schemas module, whose zod schemas
 * are built at module level: importing the constants from there would bring zod's runtime (about 7 KB gzipped)
 * into the widget, so they are copied out at build time instead.
 */
export function domainRules(domain: typeof Domain) {
  return {
    descriptionMin: domain.DESCRIPTION_MIN,
    descriptionMax: domain.DESCRIPTION_MAX,
    ratingCommentMax: domain.RATING_COMMENT_MAX,
    phonePattern: domain.PHONE_PATTERN,
    earliestDate: domain.CENTRE_FOUNDED_ON,
    latestDate: domain.LATEST_INPUT_DATE,
  };
}

export type DomainRules = ReturnType<typeof domainRules>;

/** The rules as module source (a RegExp keeps its literal form). */
export function domainRulesSource(rules: DomainRules): string {
  const entries = Object.entries(rules).map(([key, value]) => `${key}:${value instanceof RegExp ? String(value) : JSON.stringify(value)}`);
  return `export default {${entries.join(',')}};`;
}
