import { listCases, searchCases, staffDirectory } from '@pakn/db';
import { DomainError, OPEN_STATUSES, can, isUnitRole, searchTerms, type CaseStatus, type StaffMember } from '@pakn/domain';
import type { Context } from './context.ts';
import { byDeadline } from './deadlines.ts';
import { staffView } from './routers/case-support.ts';

export interface CaseListInput {
  /** open (default), all, or one status. */
  readonly status?: 'open' | 'all' | CaseStatus | undefined;
  readonly assignedToMe?: boolean | undefined;
  /** Full-text search, with or without diacritics; blank means none. */
  readonly q?: string | undefined;
}

/**
 * The cases a staff member's inbox shows, as staff see them, nearest deadline first: everything for the
 * Centre and inspectors, the unit's own cases for a unit member. The inbox and the CSV export both read
 * this, so an export never shows more than the screen. With a search, only the matching cases, best match
 * first; a unit's search never matches the Centre's notes nor a confidential citizen's identity.
 */
export async function visibleCaseList(ctx: Context, staff: StaffMember, input: CaseListInput, limit: number) {
  const filter = input.status ?? 'open';
  const statuses: readonly CaseStatus[] | undefined = filter === 'open' ? OPEN_STATUSES : filter === 'all' ? undefined : [filter];
  let unitId: string | undefined;
  if (!can(staff.role, 'viewAllCases')) {
    if (!isUnitRole(staff.role) || staff.unitId === null) throw new DomainError('forbidden', 'No case list for this role');
    unitId = staff.unitId;
  }
  const db = ctx.services.db;
  const assignedTo = input.assignedToMe ? staff.id : undefined;
  const terms = searchTerms(input.q ?? '');
  const searching = terms.length > 0;
  const cases = searching
    ? await searchCases(db, { terms, scope: unitId === undefined ? 'all' : 'unit', unitId, statuses, assignedTo, limit })
    : await listCases(db, { unitId, statuses, assignedTo, limit });
  const names = await staffDirectory(db, cases.flatMap((c) => (c.assignedTo ? [c.assignedTo] : [])));
  const views = await Promise.all(cases.map((c) => staffView(ctx, c, staff, db, false, names)));
  // Search results keep their relevance order.
  return searching ? views : views.sort(byDeadline);
}
