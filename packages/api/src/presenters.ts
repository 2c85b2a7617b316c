import {
  availableMoves,
  can,
  canRate,
  canRequestReview,
  citizenFacingStatus,
  isUnitRole,
  maskEmail,
  maskName,
  maskPhone,
  reviewWindowEnd,
  SUMMARY_EDITABLE_STATUSES,
  type CaseDeadline,
  type CaseEvent,
  type CaseRecord,
  type StaffMember,
} from '@pakn/domain';
import type { PresentationWarning } from './deadlines.ts';

const CENTRE_INTERNAL_EVENTS: ReadonlySet<string> = new Set(['forwarding_drafted', 'forwarding_returned', 'contact_logged', 'escalated', 'summary_edited']);

/** The citizen's identity as staff see it: masked for everyone, hidden from the unit concerned when the citizen asked. */
function staffContactView(record: CaseRecord, viewer: StaffMember) {
  const identityHidden = record.confidential && isUnitRole(viewer.role);
  // Identities are masked for everyone; opening one takes a reason (case.revealIdentity), which is logged.
  const contact = identityHidden
    ? null
    : {
        name: record.contact.name ? maskName(record.contact.name) : null,
        phone: record.contact.phone ? maskPhone(record.contact.phone) : null,
        email: record.contact.email ? maskEmail(record.contact.email) : null,
      };
  const hasIdentity = Boolean(record.contact.name || record.contact.phone || record.contact.email);
  return {
    identityHidden,
    contact: hasIdentity ? contact : null,
    canRevealIdentity: hasIdentity && !identityHidden && can(viewer.role, 'revealIdentity'),
  };
}

/** What this viewer may do with the case now. */
function staffActions(record: CaseRecord, viewer: StaffMember) {
  const ownUnit = viewer.unitId !== null && viewer.unitId === record.unitId;
  const handling = record.status === 'forwarded' || record.status === 'in_progress' || record.status === 'info_requested';
  return {
    /** The workflow moves this viewer can make now: the portal shows exactly these actions. */
    availableMoves: availableMoves({ status: record.status, unitId: record.unitId }, { role: viewer.role, unitId: viewer.unitId }),
    canRequestExtension: can(viewer.role, 'requestExtension') && ownUnit && handling && record.extension === null,
    canDecideExtension: can(viewer.role, 'decideExtension') && record.extension?.status === 'requested',
    canAssign: can(viewer.role, 'assign') && ownUnit,
    /** The Centre corrects the summary (`case.editSummary`) until the case is on its way to a unit. */
    canEditSummary: can(viewer.role, 'classify') && SUMMARY_EDITABLE_STATUSES.includes(record.status),
  };
}

/** A unit sees the handling of its case, not the Centre's internal steps before it. */
function staffEvents(events: readonly CaseEvent[], viewer: StaffMember) {
  return events
    .filter((e) => !isUnitRole(viewer.role) || !CENTRE_INTERNAL_EVENTS.has(e.kind))
    .map((e) => ({
      at: e.at,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      visibleToCitizen: e.visibleToCitizen,
    }));
}

/** What staff see of a case. The contact is withheld from the unit concerned when the citizen asked. */
export function presentCaseForStaff(
  record: CaseRecord,
  viewer: StaffMember,
  deadline: CaseDeadline | null,
  events: readonly CaseEvent[] = [],
  /** The assignee's name and role, looked up by the caller (the record keeps the id only). */
  assignee: { readonly displayName: string; readonly role: string } | null = null,
  /** Set when a part of the view could not be computed for this case (see deadlines.ts). */
  presentationWarning: PresentationWarning | null = null,
) {
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
    ...staffContactView(record, viewer),
    ...staffActions(record, viewer),
    acknowledgedAt: record.acknowledgedAt,
    assignedTo: record.assignedTo,
    assignee: record.assignedTo ? { id: record.assignedTo, displayName: assignee?.displayName ?? null, role: assignee?.role ?? null } : null,
    infoQuestion: record.infoQuestion,
    extension: record.extension,
    answerOutcome: record.answerOutcome,
    internalNote: record.internalNote,
    mergedInto: record.mergedInto,
    dossierCode: record.dossierCode,
    appointmentDate: record.appointmentDate,
    returnedDate: record.returnedDate,
    rating: record.rating,
    answer: record.answer,
    answeredAt: record.answeredAt,
    forwardedAt: record.forwardedAt,
    /** The current stage's deadline in working days, with what is left: null when nothing is due. */
    deadline,
    /** Why a part is missing (`deadline_unavailable`: the stored dates lie outside the working calendar). */
    presentationWarning,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
    events: staffEvents(events, viewer),
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
    status: citizenFacingStatus(record.status),
    category: record.category ?? record.reportedCategory,
    createdAt: record.createdAt,
    history: events.filter((e) => e.visibleToCitizen).map((e) => ({ at: e.at, status: citizenFacingStatus(e.toStatus), kind: e.kind })),
    /** The unit's question while it waits for the citizen's reply. */
    infoRequest: record.status === 'info_requested' && record.infoQuestion ? { question: record.infoQuestion } : null,
    // The answer stays readable while the Centre reviews it at the citizen's request.
    answer: record.status === 'answered' || record.status === 'reopened' ? record.answer : null,
    answeredAt: record.status === 'answered' || record.status === 'reopened' ? record.answeredAt : null,
    referral: record.status === 'referred' ? record.referral : null,
    mergedInto: options.mergedIntoReference ?? null,
    deadline: deadline ? { stage: deadline.stage, dueAt: deadline.dueAt, overdue: deadline.overdue } : null,
    rating: record.rating,
    canRate: canRate(record),
    canRequestReview: reviewOpen,
    reviewWindowEndsAt: record.status === 'answered' ? (reviewWindowEnd(record, options.reviewWindowDays)?.toISOString() ?? null) : null,
  };
}

export type StaffCaseView = ReturnType<typeof presentCaseForStaff>;
export type CitizenCaseView = ReturnType<typeof presentCaseForCitizen>;

/** How much of the description a list row shows (the case page shows it whole). */
const ROW_SUMMARY_CHARS = 160;

/**
 * What a row of a case list shows (issue 11): who, where, how urgent, and a summary of the description,
 * never the citizen's identity, the answer or the notes. A page of 50 stays a few kilobytes.
 */
export function presentCaseRow(view: StaffCaseView) {
  const flat = view.description.replace(/\s+/g, ' ').trim();
  return {
    id: view.id,
    reference: view.reference,
    channel: view.channel,
    status: view.status,
    reportedCategory: view.reportedCategory,
    category: view.category,
    outOfScopeClass: view.outOfScopeClass,
    concernedUnitId: view.concernedUnitId,
    unitId: view.unitId,
    confidential: view.confidential,
    assignee: view.assignee,
    deadline: view.deadline,
    presentationWarning: view.presentationWarning,
    createdAt: view.createdAt,
    summary: flat.length > ROW_SUMMARY_CHARS ? `${flat.slice(0, ROW_SUMMARY_CHARS - 1).trimEnd()}…` : flat,
  };
}
