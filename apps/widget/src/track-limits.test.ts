import { describe, expect, it } from 'vitest';
import * as domain from '@pakn/domain';
import { CASE_STATUSES, CASE_STATUS_LABELS, DESCRIPTION_MAX, ProvideInfoInputSchema, RequestReviewInputSchema } from '@pakn/domain';
import { domainTrackText } from '../build/domain-text.ts';
import { INFO_REPLY_MIN, REVIEW_REASON_MAX, REVIEW_REASON_MIN } from './track-limits.ts';

const CODES = { reference: 'PAKN-2026-000001', accessKey: 'K' };
const text = (n: number) => 'a'.repeat(n);

describe('the tracking view checks the lengths the server checks', () => {
  it('accepts a reply to a request for more information from INFO_REPLY_MIN to the description’s maximum', () => {
    const ok = (n: number) => ProvideInfoInputSchema.safeParse({ ...CODES, message: text(n) }).success;
    expect([ok(INFO_REPLY_MIN - 1), ok(INFO_REPLY_MIN), ok(DESCRIPTION_MAX), ok(DESCRIPTION_MAX + 1)]).toEqual([false, true, true, false]);
    // Surrounding spaces do not count, in the schema as in the widget (which trims before checking).
    expect(ProvideInfoInputSchema.safeParse({ ...CODES, message: `  ${text(INFO_REPLY_MIN - 1)}  ` }).success).toBe(false);
  });

  it('accepts a review reason from REVIEW_REASON_MIN to REVIEW_REASON_MAX', () => {
    const ok = (n: number) => RequestReviewInputSchema.safeParse({ ...CODES, reason: text(n) }).success;
    expect([ok(REVIEW_REASON_MIN - 1), ok(REVIEW_REASON_MIN), ok(REVIEW_REASON_MAX), ok(REVIEW_REASON_MAX + 1)]).toEqual([false, true, true, false]);
  });
});

describe('the tracking view’s build-time text', () => {
  it.each(['vi', 'en'] as const)('has the domain’s label of every case status in %s', (lang) => {
    const { statuses } = domainTrackText(domain, lang);
    expect(Object.keys(statuses).sort()).toEqual([...CASE_STATUSES].sort());
    for (const status of CASE_STATUSES) expect(statuses[status]).toBe(CASE_STATUS_LABELS[status][lang]);
  });
});
