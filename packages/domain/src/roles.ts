import type { Text } from './i18n.ts';

/** Staff roles. Authorization is always decided on the server; this table is its single source. */
export const Role = {
  intake_officer: 'intake_officer',
  director: 'director',
  unit_handler: 'unit_handler',
  unit_head: 'unit_head',
  inspector: 'inspector',
  admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as readonly Role[];

export const ROLE_LABELS: Readonly<Record<Role, Text>> = {
  intake_officer: { vi: 'Cán bộ tiếp nhận', en: 'Intake officer' },
  director: { vi: 'Giám đốc Trung tâm', en: 'Director' },
  unit_handler: { vi: 'Cán bộ xử lý (đơn vị)', en: 'Unit handler' },
  unit_head: { vi: 'Lãnh đạo đơn vị', en: 'Unit head' },
  inspector: { vi: 'Thanh tra, giám sát', en: 'Inspector' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};

/** Staff actions that need a permission. */
export const Action = {
  viewAllCases: 'viewAllCases',
  viewUnitCases: 'viewUnitCases',
  classify: 'classify',
  forward: 'forward',
  answer: 'answer',
  manageCalendar: 'manageCalendar',
  logContact: 'logContact',
  merge: 'merge',
  manageAuthorities: 'manageAuthorities',
  remindUnit: 'remindUnit',
  judgeUnit: 'judgeUnit',
  setInspection: 'setInspection',
  readAudit: 'readAudit',
  revealIdentity: 'revealIdentity',
  requestExtension: 'requestExtension',
  decideExtension: 'decideExtension',
  assign: 'assign',
  exportCases: 'exportCases',
  readEvaluation: 'readEvaluation',
  readDashboard: 'readDashboard',
  administer: 'administer',
} as const;
export type Action = (typeof Action)[keyof typeof Action];

const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  viewAllCases: ['intake_officer', 'director', 'inspector', 'admin'],
  viewUnitCases: ['unit_handler', 'unit_head'],
  classify: ['intake_officer', 'director'],
  forward: ['intake_officer', 'director'],
  answer: ['unit_handler', 'unit_head'],
  manageCalendar: ['admin'],
  /** Record hotline calls, Zalo and Viber messages, walk-ins and emails. */
  logContact: ['intake_officer', 'director'],
  merge: ['intake_officer', 'director'],
  manageAuthorities: ['admin'],
  /** Reminders (đôn đốc) and escalations to the Director. */
  remindUnit: ['intake_officer', 'director'],
  /** Reprimands (nhắc nhở, chấn chỉnh) and commendations (biểu dương), which feed the yearly evaluation. */
  judgeUnit: ['director'],
  setInspection: ['director'],
  readAudit: ['inspector', 'director', 'admin'],
  /** Opening a citizen's identity, with a reason that is logged. Units never open a confidential one. */
  revealIdentity: ['intake_officer', 'director', 'inspector', 'unit_handler', 'unit_head'],
  /** One extension of up to 10 working days, asked by the unit with a reason, approved by the Director. */
  requestExtension: ['unit_handler', 'unit_head'],
  decideExtension: ['director'],
  /** The unit head hands a case to a member of the unit. */
  assign: ['unit_head'],
  /**
   * The case list as CSV, with the inbox's visibility: a unit exports only its own cases. Not the
   * administrator, who runs the system and has no business taking citizens' cases away in a file.
   */
  exportCases: ['intake_officer', 'director', 'inspector', 'unit_handler', 'unit_head'],
  /** The per-unit evaluation (received, answered on time, reprimands…): the Centre and inspectors judge units. */
  readEvaluation: ['intake_officer', 'director', 'inspector'],
  /** The dashboard: the evaluation's readers for any unit or group, a unit's members for their own unit. */
  readDashboard: ['intake_officer', 'director', 'inspector', 'unit_handler', 'unit_head'],
  /** Users, units and the sites that embed the widget. */
  administer: ['admin'],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/** Roles whose work is bound to one unit: they see and act on that unit's cases only. */
export function isUnitRole(role: Role): boolean {
  return role === 'unit_handler' || role === 'unit_head';
}

/**
 * Which citizens' identities a role may search by (issue 9): only a role that may see them unmasked. A unit
 * member, those who did not ask for confidentiality (of the unit's own cases, as the inbox is); the Centre's
 * revealing roles, all; the administrator, none.
 */
export type IdentitySearchScope = 'none' | 'open' | 'all';

export function identitySearchScope(role: Role): IdentitySearchScope {
  if (!can(role, 'revealIdentity')) return 'none';
  return isUnitRole(role) ? 'open' : 'all';
}
