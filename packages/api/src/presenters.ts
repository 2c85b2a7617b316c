import {
  canRate,
  canRequestReview,
  isUnitRole,
  reviewWindowEnd,
  type CaseDeadline,
  type CaseEvent,
  type CaseRecord,
  type CaseStatus,
  type StaffMember,
} from '@pakn/domain';

/** What staff see of a case. The contact is withheld from the unit concerned when the citizen asked. */
export function presentCaseForStaff(
  record: CaseRecord,
  viewer: StaffMember,
  deadline: CaseDeadline | null,
  events: readonly CaseEvent[] = [],
) {
  const identityHidden = record.confidential && isUnitRole(viewer.role);
  return {
    id: record.id,
    reference: record.reference,
    channel: record.channel,
    siteKey: record.siteKey,
    status: record.status,
    reportedCategory: record.reportedCategory,
    category: record.category,
    outOfScopeClass: record.outOfScopeClass,
    referral: record.referral,
    concernedUnitId: record.concernedUnitId,
    unitId: record.unitId,
    description: record.description,
    confidential: record.confidential,
    /** The citizen's language: answers and referrals are written in it. */
    lang: record.lang,
    identityHidden,
    contact: identityHidden ? null : record.contact,
    answer: record.answer,
    answeredAt: record.answeredAt,
    forwardedAt: record.forwardedAt,
    /** The current stage's deadline in working days, with what is left: null when nothing is due. */
    deadline,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
    events: events.map((e) => ({
      at: e.at,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      visibleToCitizen: e.visibleToCitizen,
    })),
  };
}

export interface CitizenViewOptions {
  readonly now: Date;
  /** The reference of the case this one was merged into. */
  readonly mergedIntoReference?: string | null;
  readonly deadline: CaseDeadline | null;
  readonly reviewWindowDays: number;
}

/** What the citizen sees when tracking: status history, and the answer or the referral once there is one. */
export function presentCaseForCitizen(record: CaseRecord, events: readonly CaseEvent[], options: CitizenViewOptions) {
  const { deadline } = options;
  const reviewOpen = canRequestReview(record, options.now, options.reviewWindowDays);
  return {
    reference: record.reference,
    status: record.status,
    category: record.category ?? record.reportedCategory,
    createdAt: record.createdAt,
    history: events
      .filter((e) => e.visibleToCitizen)
      .map((e) => ({ at: e.at, status: e.toStatus as CaseStatus, kind: e.kind })),
    answer: record.status === 'answered' ? record.answer : null,
    answeredAt: record.status === 'answered' ? record.answeredAt : null,
    referral: record.status === 'referred' ? record.referral : null,
    mergedInto: options.mergedIntoReference ?? null,
    deadline: deadline ? { stage: deadline.stage, dueAt: deadline.dueAt, overdue: deadline.overdue } : null,
    rating: record.rating,
    canRate: canRate(record),
    canRequestReview: reviewOpen,
    reviewWindowEndsAt:
      record.status === 'answered' ? (reviewWindowEnd(record, options.reviewWindowDays)?.toISOString() ?? null) : null,
  };
}

export type StaffCaseView = ReturnType<typeof presentCaseForStaff>;
export type CitizenCaseView = ReturnType<typeof presentCaseForCitizen>;
