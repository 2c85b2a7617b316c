import { describe, expect, it } from 'vitest';
import { Action, ROLES, can, type Role } from './roles.ts';

/** Who may do what: one row per action, the roles allowed. Changing a permission means changing this table. */
const MATRIX: Readonly<Partial<Record<Action, readonly Role[]>>> = {
  assign: ['unit_head'],
  exportCases: ['intake_officer', 'director', 'inspector', 'unit_handler', 'unit_head'],
  readEvaluation: ['intake_officer', 'director', 'inspector'],
  readDashboard: ['intake_officer', 'director', 'inspector', 'unit_handler', 'unit_head'],
  readAudit: ['inspector', 'director', 'admin'],
  viewAllCases: ['intake_officer', 'director', 'inspector', 'admin'],
};

describe('the roles matrix', () => {
  it.each(Object.entries(MATRIX))('allows %s to exactly the listed roles', (action, allowed) => {
    for (const role of ROLES) expect([role, can(role, action as Action)]).toEqual([role, allowed.includes(role)]);
  });

  it('knows every action it is asked about', () => {
    for (const action of Object.keys(MATRIX)) expect(Object.values(Action)).toContain(action);
  });
});
