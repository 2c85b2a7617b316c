import type { Text } from './i18n.ts';

/**
 * Where a case stands. Identifiers, not labels: the UI shows CASE_STATUS_LABELS.
 *
 *   received ──classify(in)──▶ accepted ──forward──▶ forwarded ──answer──▶ answered ──review──▶ reopened
 *       └─────classify(out)──▶ referred
 *
 * `reopened`: the citizen was not satisfied with the answer and asked the Centre to review it.
 */
export const CaseStatus = {
  received: 'received',
  accepted: 'accepted',
  forwarded: 'forwarded',
  answered: 'answered',
  referred: 'referred',
  reopened: 'reopened',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];
export const CASE_STATUSES = Object.values(CaseStatus) as readonly CaseStatus[];

/** Statuses in which nothing is left to do. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['answered', 'referred'];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, Text>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã phân loại, chờ chuyển xử lý', en: 'Accepted, awaiting forwarding' },
  forwarded: { vi: 'Đã chuyển đơn vị có thẩm quyền xử lý', en: 'Forwarded to the competent unit' },
  answered: { vi: 'Đã có kết quả trả lời', en: 'Answered' },
  referred: { vi: 'Đã hướng dẫn gửi cơ quan có thẩm quyền', en: 'Referred to the competent authority' },
  reopened: { vi: 'Đang được Trung tâm xem xét lại', en: 'Under review by the Centre' },
};
