import type { CaseRecord } from './model.ts';

/** Scores at or below this mean "not satisfied": the citizen may then ask the Centre to review the answer. */
export const NOT_SATISFIED_MAX_SCORE = 2;
/** Days after the answer during which a review may be requested. */
export const DEFAULT_REVIEW_WINDOW_DAYS = 30;

export function canRate(record: CaseRecord): boolean {
  return record.status === 'answered' && record.rating === null;
}

/** The last instant a review may be requested, or null when the case has no answer yet. */
export function reviewWindowEnd(record: CaseRecord, windowDays = DEFAULT_REVIEW_WINDOW_DAYS): Date | null {
  if (!record.answeredAt) return null;
  return new Date(Date.parse(record.answeredAt) + windowDays * 86_400_000);
}

export function canRequestReview(record: CaseRecord, now: Date, windowDays = DEFAULT_REVIEW_WINDOW_DAYS): boolean {
  const end = reviewWindowEnd(record, windowDays);
  return (
    record.status === 'answered' && record.rating !== null && record.rating.score <= NOT_SATISFIED_MAX_SCORE && end !== null && now.getTime() <= end.getTime()
  );
}
