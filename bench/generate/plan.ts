/**
 * One generated case as rows: the case, its history, its letters, calls and records. Only plain data; the
 * writer (write.ts) turns it into rows and its index document.
 */
import type { CaseEventKind, CaseStatus, Channel, OutOfScopeClass, Pause } from '@pakn/domain';

interface PlannedEvent {
  readonly at: number;
  readonly kind: CaseEventKind;
  readonly from: CaseStatus | null;
  readonly to: CaseStatus;
  readonly actor: string | null;
  readonly note: string | null;
  readonly visible: boolean;
}

interface PlannedLetter {
  readonly id: string;
  readonly unitId: string;
  status: 'draft' | 'approved' | 'returned';
  readonly draftedBy: string;
  readonly draftedAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  comment: string | null;
  year: number | null;
  number: number | null;
}

interface PlannedContact {
  readonly id: string;
  readonly at: number;
  readonly summary: string;
  readonly recordedBy: string;
}

interface PlannedRecord {
  readonly id: string;
  readonly unitId: string;
  readonly kind: 'reminder' | 'reprimand' | 'commendation';
  readonly note: string;
  readonly recordedBy: string;
  readonly at: number;
}

export interface Citizen {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** The case row, as the writer stores it (times in epoch milliseconds). */
export interface PlannedCase {
  readonly id: string;
  readonly reference: string;
  readonly accessKeyHash: string;
  readonly channel: Channel;
  readonly siteKey: string | null;
  readonly createdAt: number;
  readonly reportedCategory: string;
  readonly concernedUnitId: string;
  readonly description: string;
  readonly dossierCode: string | null;
  readonly appointmentDate: string | null;
  readonly citizen: Citizen;
  readonly confidential: boolean;
  readonly wantsUpdates: boolean;
  status: CaseStatus;
  category: string | null;
  outOfScopeClass: OutOfScopeClass | null;
  referral: string | null;
  unitId: string | null;
  answer: string | null;
  answeredAt: number | null;
  answerOutcome: 'substantiated' | 'partly_substantiated' | 'not_substantiated' | null;
  forwardedAt: number | null;
  acknowledgedAt: number | null;
  assignedTo: string | null;
  pauses: Pause[];
  infoQuestion: string | null;
  extension: { status: 'requested' | 'approved' | 'refused'; days: number; reason: string } | null;
  rating: { score: number; comment: string | null; at: number } | null;
  returnedDate: string | null;
  mergedInto: string | null;
  updatedAt: number;
  readonly events: PlannedEvent[];
  readonly letters: PlannedLetter[];
  readonly contacts: PlannedContact[];
  readonly records: PlannedRecord[];
  /** Duplicates merged into this case (their references and descriptions go to its search notes). */
  readonly mergedHere: PlannedCase[];
}
