import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CLOSED_STATUSES, type CaseStatus } from './case-status.ts';
import { DomainError } from './errors.ts';
import { ROLES } from './roles.ts';
import { CASE_MOVE_NAMES, CASE_MOVES, availableMoves, move, type CaseMove, type MoveActor } from './workflow.ts';

const intake: MoveActor = { role: 'intake_officer', unitId: 'centre' };
const director: MoveActor = { role: 'director', unitId: 'centre' };
const handlerA: MoveActor = { role: 'unit_handler', unitId: 'ward-a' };
const handlerB: MoveActor = { role: 'unit_handler', unitId: 'ward-b' };
const citizen: MoveActor = { role: 'citizen', unitId: null };

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'OK';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('the Centre’s process', () => {
  it('walks a case from receipt to a verified answer', () => {
    const steps: [CaseMove, MoveActor, string?][] = [
      ['classified_in_scope', intake],
      ['forwarding_drafted', intake],
      ['forwarded', director],
      ['acknowledged', handlerA],
      ['info_requested', handlerA, 'Đề nghị cung cấp số biên nhận hồ sơ.'],
      ['info_provided', citizen, 'Số biên nhận: 000.00.12.H26-1.'],
      ['answer_submitted', handlerA],
      ['answered', intake],
    ];
    let status: CaseStatus = 'received';
    for (const [kind, actor, note] of steps) status = move({ status, unitId: 'ward-a' }, kind, actor, note).to;
    expect(status).toBe('answered');
  });

  it('sends a returned draft back to the officer and a returned answer back to the unit, each with a comment', () => {
    expect(move({ status: 'awaiting_approval', unitId: null }, 'forwarding_returned', director, 'Sai đơn vị.').to).toBe('accepted');
    expect(codeOf(() => move({ status: 'awaiting_approval', unitId: null }, 'forwarding_returned', director, ' '))).toBe('invalid');
    expect(move({ status: 'awaiting_verification', unitId: 'ward-a' }, 'answer_returned', intake, 'Chưa trả lời đủ.').to).toBe('in_progress');
  });

  it('lets only the Director approve forwarding', () => {
    expect(codeOf(() => move({ status: 'awaiting_approval', unitId: null }, 'forwarded', intake))).toBe('forbidden');
  });

  it('lets only the unit handling the case act on it', () => {
    expect(codeOf(() => move({ status: 'forwarded', unitId: 'ward-a' }, 'acknowledged', handlerB))).toBe('not_found');
    expect(codeOf(() => move({ status: 'forwarded', unitId: 'ward-a' }, 'acknowledged', intake))).toBe('forbidden');
  });

  it('refuses every move from a status it does not start from', () => {
    for (const kind of CASE_MOVE_NAMES) {
      const rule = CASE_MOVES[kind];
      const actor: MoveActor = { role: rule.by[0], unitId: 'ward-a' };
      for (const status of CASE_STATUSES) {
        const expected = (rule.from as readonly CaseStatus[]).includes(status) ? 'OK' : 'illegal_transition';
        expect(
          codeOf(() => move({ status, unitId: 'ward-a' }, kind, actor, 'ghi chú')),
          `${kind} from ${status}`,
        ).toBe(expected);
      }
    }
  });

  it('leaves every open status a way forward, and closed ones only the review', () => {
    const actors: MoveActor[] = [...ROLES.map((role) => ({ role, unitId: 'ward-a' })), citizen];
    for (const status of CASE_STATUSES) {
      const moves = new Set(actors.flatMap((actor) => availableMoves({ status, unitId: 'ward-a' }, actor)));
      if (status === 'answered') expect([...moves]).toEqual(['review_requested']);
      else if (CLOSED_STATUSES.includes(status)) expect([...moves], status).toEqual([]);
      else expect(moves.size, status).toBeGreaterThan(0);
    }
  });

  it('offers inspectors and admins no moves at all', () => {
    for (const role of ['inspector', 'admin'] as const) {
      for (const status of CASE_STATUSES) expect(availableMoves({ status, unitId: 'ward-a' }, { role, unitId: 'ward-a' })).toEqual([]);
    }
  });
});
