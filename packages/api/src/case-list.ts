import { identitySearchTokens, listCases, searchCases, searchCasesByIdentity, staffDirectory, type Executor } from '@pakn/db';
import {
  DomainError,
  OPEN_STATUSES,
  can,
  identitySearchScope,
  identitySearchTerms,
  isContactShaped,
  isUnitRole,
  maskIdentitySearch,
  searchTerms,
  type CaseRecord,
  type CaseStatus,
  type StaffMember,
} from '@pakn/domain';
import { auditStaff } from './audit.ts';
import type { Context } from './context.ts';
import { byDeadline } from './deadlines.ts';
import { staffView } from './case-support.ts';

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
 * first; a unit's search never matches the Centre's notes nor a confidential citizen's identity, and
 * identities match by whole value only (see searchByIdentity).
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
  const q = input.q ?? '';
  const terms = searchTerms(q);
  const where = { unitId, statuses, assignedTo, limit };
  // Punctuation only is no search: the usual inbox. (Every identity term is among the words too.)
  const searching = terms.length > 0;
  let cases: CaseRecord[];
  if (!searching) {
    cases = await listCases(db, where);
  } else {
    // Whole identity values first (the caller named someone), then the case's words by prefix.
    const byIdentity = await searchByIdentity(ctx, staff, q, where);
    const byText = await searchCases(db, { terms, scope: unitId === undefined ? 'all' : 'unit', ...where });
    const seen = new Set(byIdentity.map((c) => c.id));
    cases = [...byIdentity, ...byText.filter((c) => !seen.has(c.id))].slice(0, limit);
  }
  const names = await staffDirectory(
    db,
    cases.flatMap((c) => (c.assignedTo ? [c.assignedTo] : [])),
  );
  const views = await Promise.all(cases.map((c) => staffView(ctx, c, staff, db, false, names)));
  // Search results keep their relevance order.
  return searching ? views : views.sort(byDeadline);
}

/**
 * The identity part of a search (issue 9): only for a role that may see identities unmasked, by whole value
 * (a full number or email, names by whole words), confidential citizens for the Centre's revealing roles only.
 * A search that finds someone by identity, or asks for a number or an email at all, is audited with its terms
 * masked and the cases found, so that probing who complained leaves a trace.
 */
async function searchByIdentity(
  ctx: Context,
  staff: StaffMember,
  q: string,
  filter: { unitId: string | undefined; statuses: readonly CaseStatus[] | undefined; assignedTo: string | undefined; limit: number },
): Promise<CaseRecord[]> {
  const scope = identitySearchScope(staff.role);
  if (scope === 'none') return [];
  const search = identitySearchTerms(q);
  const tokens = identitySearchTokens(search);
  if (tokens.length === 0) return [];
  const db = ctx.services.db;
  const found = await searchCasesByIdentity(db, { tokens, columns: scope, ...filter });
  if (found.length > 0 || isContactShaped(search)) {
    await db.write((tx: Executor) =>
      auditStaff(tx, ctx, {
        action: 'identity.search',
        entityType: 'search',
        entityId: null,
        after: { terms: maskIdentitySearch(search), cases: found.map((c) => c.id) },
      }),
    );
  }
  return found;
}
