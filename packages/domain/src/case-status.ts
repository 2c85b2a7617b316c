import type { Text } from './i18n.ts';

/**
 * Where a case stands. Identifiers, not labels: the UI shows CASE_STATUS_LABELS. The moves between them
 * are in workflow.ts:
 *
 *   received ─▶ accepted ─▶ awaiting_approval ─▶ forwarded ─▶ in_progress ─▶ awaiting_verification ─▶ answered
 *      │           ▲  ▲            │ (returned)      │            │  ▲   │            │ (returned)          │
 *      │           │  └────────────┘                 │            ▼  │   │            └──▶ in_progress     ▼
 *      ▼           └── (not our competence) ◀────────┴──────── info_requested                           reopened
 *   referred                                                                                        (citizen review)
 *
 * Any open case may be merged into another (`merged`).
 */
export const CaseStatus = {
  received: 'received',
  accepted: 'accepted',
  forwarded: 'forwarded',
  answered: 'answered',
  referred: 'referred',
  reopened: 'reopened',
  awaiting_approval: 'awaiting_approval',
  in_progress: 'in_progress',
  info_requested: 'info_requested',
  awaiting_verification: 'awaiting_verification',
  merged: 'merged',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];
export const CASE_STATUSES = Object.values(CaseStatus) as readonly CaseStatus[];

/** Statuses in which nothing is left to do. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['answered', 'referred', 'merged'];
/** Everything still being worked on: the inbox's default list and the follow-up lists. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

/**
 * Statuses in which the Centre may still correct a case's summary: before a forwarding letter quotes it.
 * Once a draft awaits approval or the case is forwarded, the unit works from that text.
 */
export const SUMMARY_EDITABLE_STATUSES: readonly CaseStatus[] = ['received', 'accepted'];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, Text>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã phân loại, chờ chuyển xử lý', en: 'Accepted, awaiting forwarding' },
  forwarded: { vi: 'Đã chuyển đơn vị có thẩm quyền xử lý', en: 'Forwarded to the competent unit' },
  answered: { vi: 'Đã có kết quả trả lời', en: 'Answered' },
  referred: { vi: 'Đã hướng dẫn gửi cơ quan có thẩm quyền', en: 'Referred to the competent authority' },
  reopened: { vi: 'Đang được Trung tâm xem xét lại', en: 'Under review by the Centre' },
  awaiting_approval: { vi: 'Chờ Giám đốc Trung tâm duyệt chuyển', en: 'Awaiting the Director’s approval to forward' },
  in_progress: { vi: 'Đơn vị đang xem xét, xử lý', en: 'Being handled by the unit' },
  info_requested: { vi: 'Chờ người phản ánh bổ sung thông tin', en: 'Waiting for more information from the citizen' },
  awaiting_verification: { vi: 'Trung tâm đang kiểm tra kết quả trả lời', en: 'The Centre is checking the answer' },
  merged: { vi: 'Đã gộp vào phản ánh khác', en: 'Merged into another case' },
};

/**
 * What the citizen is shown: internal steps of the Centre look like the step before them, so that a
 * returned draft or an answer under verification is not announced as progress.
 */
export function citizenFacingStatus(status: CaseStatus): CaseStatus {
  if (status === 'awaiting_approval') return 'accepted';
  if (status === 'awaiting_verification') return 'in_progress';
  return status;
}
