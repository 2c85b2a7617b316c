import type { Category, OutOfScopeClass } from './categories.ts';
import type { CaseStatus } from './case-status.ts';
import type { Channel } from './channels.ts';
import type { Lang } from './i18n.ts';
import type { Role } from './roles.ts';
import type { CaseEventKind } from './transitions.ts';

export const UNIT_KINDS = ['centre', 'branch', 'department', 'commune', 'ward'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  readonly id: string;
  readonly kind: UnitKind;
  readonly name: string;
  readonly parentId: string | null;
}

/** A website allowed to embed the widget. */
export interface Site {
  readonly key: string;
  readonly name: string;
  readonly allowedOrigins: readonly string[];
  readonly defaultUnitId: string | null;
}

export interface StaffMember {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string | null;
}

export interface CaseContact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface CaseRating {
  readonly score: number;
  readonly comment: string | null;
  readonly at: string;
}

export const ANSWER_OUTCOMES = ['substantiated', 'partly_substantiated', 'not_substantiated'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

export interface Pause {
  readonly from: string;
  readonly to: string | null;
}

export interface Extension {
  readonly status: 'requested' | 'approved' | 'refused';
  readonly days: number;
  readonly reason: string;
}

export interface CaseRecord {
  readonly id: string;
  readonly reference: string;
  readonly channel: Channel;
  readonly siteKey: string | null;
  readonly status: CaseStatus;
  /** What the citizen picked; intake may correct it in `category`. */
  readonly reportedCategory: Category | null;
  readonly category: Category | null;
  readonly outOfScopeClass: OutOfScopeClass | null;
  readonly referral: string | null;
  /** The unit the citizen complains about, if known. */
  readonly concernedUnitId: string | null;
  /** The unit the case was forwarded to for handling. */
  readonly unitId: string | null;
  readonly description: string;
  /** The dossier's code (mã hồ sơ), if the citizen gave it. */
  readonly dossierCode: string | null;
  /** For a late result: the date on the appointment slip, and the date the result actually came (null: not yet). */
  readonly appointmentDate: string | null;
  readonly returnedDate: string | null;
  readonly contact: CaseContact;
  /** The citizen asked that their identity not be revealed to the unit concerned. */
  readonly confidential: boolean;
  /** The citizen asked to be told by email when the case moves on. */
  readonly wantsUpdates: boolean;
  readonly lang: Lang;
  readonly answer: string | null;
  readonly answeredAt: string | null;
  /** When the unit confirmed it received the forwarded case. */
  readonly acknowledgedAt: string | null;
  /** The unit member the unit head assigned the case to. */
  readonly assignedTo: string | null;
  /** While the unit waits for the citizen's reply its clock stops: these are those intervals. */
  readonly pauses: readonly Pause[];
  /** The unit's open question to the citizen. */
  readonly infoQuestion: string | null;
  readonly extension: Extension | null;
  readonly answerOutcome: AnswerOutcome | null;
  /** The unit's notes for the Centre, never shown to the citizen. */
  readonly internalNote: string | null;
  /** The case this duplicate was merged into. */
  readonly mergedInto: string | null;
  /** When the case was last forwarded to a unit: the answer stage's clock starts here. */
  readonly forwardedAt: string | null;
  /** The citizen's satisfaction with the answer, 1 (very unsatisfied) to 5. */
  readonly rating: CaseRating | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface CaseEvent {
  readonly id: number;
  readonly caseId: string;
  readonly at: string;
  readonly kind: CaseEventKind;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly actorStaffId: string | null;
  readonly note: string | null;
  readonly visibleToCitizen: boolean;
}
