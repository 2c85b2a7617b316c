import { regexes } from 'zod/mini';
import type { ReportForm } from '@pakn/domain';
import type { DomainRules } from '../build/domain-text.ts';

/**
 * The report form's checks, in the browser, mirroring `ReportFormSchema` of @pakn/domain rule for rule.
 *
 * Why not `ReportFormSchema.safeParse` itself: zod/mini's runtime weighs about 7 KB gzipped in the widget,
 * more than half of what the form chunk's 20 KB budget leaves once Lit (6 KB) is in. The server still parses every
 * submission with the shared schema and its field errors are shown beside the fields, so this copy only saves
 * the citizen a round trip; validate-report.test.ts runs both on the same inputs and fails if they disagree.
 */

/** The form's values as the controls hold them. */
export interface ReportValues {
  category: string;
  unitId: string;
  dossierCode: string;
  appointmentDate: string;
  returnedDate: string;
  notReturned: boolean;
  description: string;
  name: string;
  phone: string;
  email: string;
  confidential: boolean;
  consent: boolean;
}

export const EMPTY_REPORT: Readonly<ReportValues> = {
  category: '',
  unitId: '',
  dossierCode: '',
  appointmentDate: '',
  returnedDate: '',
  notReturned: false,
  description: '',
  name: '',
  phone: '',
  email: '',
  confidential: true,
  consent: false,
};

/** A failed check: a key of the domain's `issues` texts, and the number in it, if any. */
export interface Issue {
  readonly code: 'choose' | 'minChars' | 'maxChars' | 'phone' | 'email' | 'consent' | 'date' | 'returnedBefore';
  readonly n?: number;
}

const LIMITS = { unitId: 64, dossierCode: 60, name: 120, email: 200 } as const;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The input for the server (what `ReportFormSchema` would output) and the issues, keyed by field path.
 * `categories` are the keys the server offers now (from `site.config`): a draft saved before a category was
 * deactivated is caught here, and the server refuses it anyway.
 */
export function validateReport(
  values: ReportValues,
  siteKey: string,
  lang: 'vi' | 'en',
  rules: Pick<DomainRules, 'descriptionMin' | 'descriptionMax' | 'phonePattern' | 'earliestDate' | 'latestDate'>,
  categories: readonly string[],
): { input: ReportForm; issues: Record<string, Issue> } {
  const issues: Record<string, Issue> = {};
  const text = (path: string, raw: string, max: number, min = 1): string | undefined => {
    const value = raw.trim();
    if (!value && min === 1) return undefined;
    if (value.length < min) issues[path] = { code: 'minChars', n: min };
    else if (value.length > max) issues[path] = { code: 'maxChars', n: max };
    return value;
  };
  const date = (path: string, raw: string): string | undefined => {
    if (!raw) return undefined;
    // As the schema: a real date within the Centre's range (a typed 1200 is a typo, not a dossier).
    if (!isDate(raw) || raw < rules.earliestDate || raw > rules.latestDate) issues[path] = { code: 'date' };
    return raw;
  };

  const category = values.category;
  if (!categories.includes(category)) issues.category = { code: 'choose' };
  const description = text('description', values.description, rules.descriptionMax, rules.descriptionMin) ?? '';
  // The one category with fields of its own; its key is stable whatever admins call it.
  const lateResult = category === 'late_result';
  const appointmentDate = lateResult ? date('appointmentDate', values.appointmentDate) : undefined;
  const returnedDate = lateResult && !values.notReturned ? date('returnedDate', values.returnedDate) : undefined;
  // As the schema does: compared as text (YYYY-MM-DD sorts by date), whether or not each date is valid.
  if (appointmentDate && returnedDate && !issues.returnedDate && returnedDate < appointmentDate) issues.returnedDate = { code: 'returnedBefore' };

  const name = text('contact.name', values.name, LIMITS.name);
  const phone = values.phone.trim() || undefined;
  if (phone && !rules.phonePattern.test(phone)) issues['contact.phone'] = { code: 'phone' };
  const email = text('contact.email', values.email, LIMITS.email);
  if (email && !issues['contact.email'] && !regexes.email.test(email)) issues['contact.email'] = { code: 'email' };
  const withContact = Boolean(name || phone || email);
  const consent = withContact && values.consent;
  if (withContact && !consent) issues.consent = { code: 'consent' };

  return {
    input: {
      siteKey,
      category,
      description,
      unitId: text('unitId', values.unitId, LIMITS.unitId),
      dossierCode: text('dossierCode', values.dossierCode, LIMITS.dossierCode),
      appointmentDate,
      returnedDate,
      contact: withContact ? { name, phone, email } : undefined,
      confidential: values.confidential,
      consent,
      lang,
    },
    issues,
  };
}
