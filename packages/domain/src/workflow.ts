/**
 * The Centre's process as data: every move a case can make, from which statuses, to which, who may make it,
 * and whether the citizen sees it in their history. `move()` is the one pure function that checks a move;
 * the API adds what only it can know (the record, the unit, the clock).
 */
import type { CaseStatus } from './case-status.ts';
import { DomainError } from './errors.ts';
import type { Role } from './roles.ts';

export type Mover = Role | 'citizen';

interface MoveRule {
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus;
  readonly by: readonly Mover[];
  readonly visibleToCitizen: boolean;
  /** The move needs a text (a comment, a question, a reason). */
  readonly needsNote: boolean;
  /** Only members of the unit handling the case may make it. */
  readonly unitOnly?: boolean;
}

const CENTRE: readonly Mover[] = ['intake_officer', 'director'];
const UNIT: readonly Mover[] = ['unit_handler', 'unit_head'];
const OPEN_FOR_MERGE: readonly CaseStatus[] = ['received', 'accepted', 'awaiting_approval', 'forwarded', 'in_progress', 'info_requested', 'reopened'];

export const CASE_MOVES = {
  classified_in_scope: { from: ['received'], to: 'accepted', by: CENTRE, visibleToCitizen: true, needsNote: false },
  referred: { from: ['received'], to: 'referred', by: CENTRE, visibleToCitizen: true, needsNote: true },
  /** The officer drafts the forwarding letter; the Director approves or returns it. */
  forwarding_drafted: { from: ['accepted', 'reopened'], to: 'awaiting_approval', by: CENTRE, visibleToCitizen: false, needsNote: false },
  forwarded: { from: ['awaiting_approval'], to: 'forwarded', by: ['director'], visibleToCitizen: true, needsNote: false },
  forwarding_returned: { from: ['awaiting_approval'], to: 'accepted', by: ['director'], visibleToCitizen: false, needsNote: true },
  /** The unit confirms it received the forwarded case. */
  acknowledged: { from: ['forwarded'], to: 'in_progress', by: UNIT, visibleToCitizen: true, needsNote: false, unitOnly: true },
  /** The unit asks the citizen for more information: its clock stops until the citizen replies. */
  info_requested: { from: ['in_progress'], to: 'info_requested', by: UNIT, visibleToCitizen: true, needsNote: true, unitOnly: true },
  info_provided: { from: ['info_requested'], to: 'in_progress', by: ['citizen'], visibleToCitizen: true, needsNote: true },
  /** The unit says the case belongs to another unit: back to the Centre to forward again. */
  declined: { from: ['forwarded', 'in_progress'], to: 'accepted', by: UNIT, visibleToCitizen: false, needsNote: true, unitOnly: true },
  answer_submitted: { from: ['in_progress'], to: 'awaiting_verification', by: UNIT, visibleToCitizen: false, needsNote: false, unitOnly: true },
  /** The officer checks the unit's answer before the citizen sees it. */
  answered: { from: ['awaiting_verification'], to: 'answered', by: CENTRE, visibleToCitizen: true, needsNote: false },
  answer_returned: { from: ['awaiting_verification'], to: 'in_progress', by: CENTRE, visibleToCitizen: false, needsNote: true },
  review_requested: { from: ['answered'], to: 'reopened', by: ['citizen'], visibleToCitizen: true, needsNote: true },
  /** After a review the Centre may keep the answer (or forward the case again). */
  answer_confirmed: { from: ['reopened'], to: 'answered', by: CENTRE, visibleToCitizen: true, needsNote: true },
  merged: { from: OPEN_FOR_MERGE, to: 'merged', by: CENTRE, visibleToCitizen: true, needsNote: false },
} as const satisfies Record<string, MoveRule>;

export type CaseMove = keyof typeof CASE_MOVES;
export const CASE_MOVE_NAMES = Object.keys(CASE_MOVES) as CaseMove[];

export interface MoveContext {
  readonly status: CaseStatus;
  /** The unit handling the case. */
  readonly unitId: string | null;
}

export interface MoveActor {
  readonly role: Mover;
  readonly unitId: string | null;
}

export interface MoveResult {
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly kind: CaseMove;
  readonly visibleToCitizen: boolean;
}

/** Whether an actor's role may ever make this move (before looking at a particular case). */
export function mayMove(role: Mover, kind: CaseMove): boolean {
  return (CASE_MOVES[kind].by as readonly Mover[]).includes(role);
}

/** Checks a move and returns what it does. Throws `forbidden`, `illegal_transition` or `invalid`. */
export function move(current: MoveContext, kind: CaseMove, actor: MoveActor, note?: string | null): MoveResult {
  const rule: MoveRule = CASE_MOVES[kind];
  if (!mayMove(actor.role, kind)) throw new DomainError('forbidden', `${actor.role} may not make the move ${kind}`);
  if (rule.unitOnly && (actor.unitId === null || actor.unitId !== current.unitId)) {
    throw new DomainError('not_found', `The case is not with unit ${actor.unitId ?? '(none)'}`);
  }
  if (!rule.from.includes(current.status)) {
    throw new DomainError('illegal_transition', `Cannot make the move ${kind} from ${current.status}`);
  }
  if (rule.needsNote && !note?.trim()) {
    throw new DomainError('invalid', `The move ${kind} needs a note`, { fields: { note: 'required' } });
  }
  return { from: current.status, to: rule.to, kind, visibleToCitizen: rule.visibleToCitizen };
}

/** The moves an actor can make on a case now: what the portal offers as buttons. */
export function availableMoves(current: MoveContext, actor: MoveActor): CaseMove[] {
  return CASE_MOVE_NAMES.filter((kind) => {
    const rule: MoveRule = CASE_MOVES[kind];
    if (!mayMove(actor.role, kind) || !rule.from.includes(current.status)) return false;
    return !rule.unitOnly || (actor.unitId !== null && actor.unitId === current.unitId);
  });
}
