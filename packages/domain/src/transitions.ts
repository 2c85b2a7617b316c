import type { Category, OutOfScopeClass } from './categories.ts';
import type { CaseStatus } from './case-status.ts';
import { DomainError } from './errors.ts';

/** The part of a case that decides which moves are legal. */
export interface CaseSnapshot {
  readonly status: CaseStatus;
  readonly unitId: string | null;
}

export type ClassifyDecision =
  | { readonly scope: 'in'; readonly category: Category }
  | {
      readonly scope: 'out';
      readonly outOfScopeClass: OutOfScopeClass;
      /** The guidance the citizen will read, naming the competent authority. */
      readonly referral: string;
    };

/** What a transition decided: the new status, the fields it changes, and the event to record. */
export interface TransitionResult {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly kind: CaseEventKind;
  /** Whether the citizen sees this step in their tracking history. */
  readonly visibleToCitizen: boolean;
}

/** What a case's history records: every move of workflow.ts, plus events that do not change the status. */
export const CaseEventKind = {
  submitted: 'submitted',
  classified_in_scope: 'classified_in_scope',
  referred: 'referred',
  forwarded: 'forwarded',
  answered: 'answered',
  review_requested: 'review_requested',
  forwarding_drafted: 'forwarding_drafted',
  forwarding_returned: 'forwarding_returned',
  acknowledged: 'acknowledged',
  info_requested: 'info_requested',
  info_provided: 'info_provided',
  declined: 'declined',
  answer_submitted: 'answer_submitted',
  answer_returned: 'answer_returned',
  answer_confirmed: 'answer_confirmed',
  merged: 'merged',
  extension_requested: 'extension_requested',
  extension_approved: 'extension_approved',
  extension_refused: 'extension_refused',
  reminder_sent: 'reminder_sent',
  escalated: 'escalated',
  contact_logged: 'contact_logged',
  assigned: 'assigned',
} as const satisfies Record<string, string>;
export type CaseEventKind = (typeof CaseEventKind)[keyof typeof CaseEventKind];

function illegal(current: CaseSnapshot, move: string): never {
  throw new DomainError(
    'illegal_transition',
    `Cannot ${move} a case whose status is ${current.status}`,
  );
}

export function classify(current: CaseSnapshot, decision: ClassifyDecision): TransitionResult {
  if (current.status !== 'received') illegal(current, 'classify');
  if (decision.scope === 'out') {
    if (decision.referral.trim().length === 0) {
      throw new DomainError('invalid', 'A referral text is required for an out-of-scope case', {
        fields: { referral: 'required' },
      });
    }
    return { from: current.status, to: 'referred', kind: 'referred', visibleToCitizen: true };
  }
  return { from: current.status, to: 'accepted', kind: 'classified_in_scope', visibleToCitizen: true };
}

export function forward(current: CaseSnapshot, unitId: string): TransitionResult {
  if (current.status !== 'accepted') illegal(current, 'forward');
  if (unitId.length === 0) throw new DomainError('invalid', 'A unit is required', { fields: { unitId: 'required' } });
  return { from: current.status, to: 'forwarded', kind: 'forwarded', visibleToCitizen: true };
}

export function answer(current: CaseSnapshot, answerText: string): TransitionResult {
  if (current.status !== 'forwarded') illegal(current, 'answer');
  if (answerText.trim().length === 0) {
    throw new DomainError('invalid', 'The answer is empty', { fields: { answer: 'required' } });
  }
  return { from: current.status, to: 'answered', kind: 'answered', visibleToCitizen: true };
}

/** The citizen asks the Centre to review an answer they are not satisfied with. */
export function requestReview(current: CaseSnapshot): TransitionResult {
  if (current.status !== 'answered') illegal(current, 'request a review of');
  return { from: current.status, to: 'reopened', kind: 'review_requested', visibleToCitizen: true };
}
