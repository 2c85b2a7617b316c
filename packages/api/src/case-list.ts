import {
  countCaseQueue,
  identitySearchTokens,
  listCaseQueue,
  searchCases,
  searchCasesByIdentity,
  staffDirectory,
  type CaseQueueFilter,
  type FigureFilter,
  type UnitGroup,
  type Executor,
  type IdentityCaseSearch,
  type SearchPage,
  type QueuedCase,
} from '@pakn/db';
import {
  DomainError,
  LIST_PAGE_SIZE,
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
import { staffView } from './case-support.ts';
import { decodeQueueCursor, decodeSearchCursor, encodeQueueCursor, encodeSearchCursor } from './list-cursor.ts';
import type { StaffCaseView } from './presenters.ts';

export interface CaseListInput {
  /** open (default), all, or one status. */
  readonly status?: 'open' | 'all' | CaseStatus | undefined;
  readonly assignedToMe?: boolean | undefined;
  /** Full-text search, with or without diacritics; blank means none. */
  readonly q?: string | undefined;
  /** The previous page's `next`; none for the first page. */
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
  /** The cases behind a dashboard figure (issue 12); see InboxInputSchema. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly channel?: string | undefined;
  readonly category?: string | undefined;
  readonly scope?: 'in' | 'out' | 'pending' | undefined;
  readonly unitId?: string | undefined;
  readonly group?: UnitGroup | undefined;
}

/** The unit kinds of a dashboard group. */
const GROUP_KINDS: Readonly<Record<UnitGroup, readonly string[]>> = { wards: ['ward', 'commune'], branches: ['branch'], departments: ['department'] };

/** The figure filter of a list input, when it has a period. */
function figureOf(input: CaseListInput): FigureFilter | undefined {
  if (!input.from || !input.to) return undefined;
  return {
    from: input.from,
    to: input.to,
    channel: input.channel,
    category: input.category === '-' ? '' : input.category,
    scope: input.scope,
    unitId: input.unitId,
    unitKinds: input.group ? GROUP_KINDS[input.group] : undefined,
  };
}

export interface CasePage<T> {
  readonly items: T[];
  /** The cursor of the next page; null on the last one. */
  readonly next: string | null;
}

/** The unit a staff member's lists are limited to (undefined: every case), or a refusal for other roles. */
export function listScope(staff: StaffMember): string | undefined {
  if (can(staff.role, 'viewAllCases')) return undefined;
  if (!isUnitRole(staff.role) || staff.unitId === null) throw new DomainError('forbidden', 'No case list for this role');
  return staff.unitId;
}

/** Staff views of a page of cases (assignees' names looked up once for the page). */
export async function viewsOf(ctx: Context, staff: StaffMember, cases: readonly CaseRecord[]): Promise<StaffCaseView[]> {
  const db = ctx.services.db;
  const names = await staffDirectory(
    db,
    cases.flatMap((c) => (c.assignedTo ? [c.assignedTo] : [])),
  );
  return Promise.all(cases.map((c) => staffView(ctx, c, staff, db, false, names)));
}

/** The page of `limit` rows out of `limit + 1` read, and the cursor after its last row. */
export function queuePage(rows: readonly QueuedCase[], limit: number): CasePage<CaseRecord> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => r.record), next: rows.length > limit && last ? encodeQueueCursor(last.position) : null };
}

/**
 * A page of the cases a staff member's inbox shows, as staff see them, the most urgent first (see caseQueueKey:
 * cases that need a look, then the nearest running deadline, then those waiting for the citizen, then the rest
 * oldest first): everything for the Centre and inspectors, the unit's own cases for a unit member. The inbox
 * and the CSV export both read this, so an export never shows more than the screen. With a search, only the
 * matching cases, best match first; a unit's search never matches the Centre's notes nor a confidential
 * citizen's identity, and identities match by whole value only (see searchByIdentity). `columns: 'row'` reads
 * a summary of the description (the inbox), `full` whole cases (the export).
 */
export async function visibleCasePage(
  ctx: Context,
  staff: StaffMember,
  input: CaseListInput,
  columns: 'row' | 'full' = 'row',
): Promise<CasePage<StaffCaseView>> {
  const status = input.status ?? 'open';
  const unitId = listScope(staff);
  const assignedTo = input.assignedToMe ? staff.id : undefined;
  const limit = input.limit ?? LIST_PAGE_SIZE;
  const q = input.q ?? '';
  // Punctuation only is no search: the usual inbox. (Every identity term is among the words too.)
  if (searchTerms(q).length > 0) {
    const found = await searchPage(ctx, staff, { q, unitId, assignedTo, status, limit, cursor: input.cursor });
    return { items: await viewsOf(ctx, staff, found.items), next: found.next };
  }
  const filter: CaseQueueFilter = { unitId, assignedTo, status: status === 'all' ? undefined : status, figure: figureOf(input) };
  const rows = await listCaseQueue(ctx.services.db, filter, decodeQueueCursor(input.cursor), limit + 1, columns);
  const page = queuePage(rows, limit);
  return { items: await viewsOf(ctx, staff, page.items), next: page.next };
}

/** How many cases the list holds (from counters and indexes); null for a search, which pages by relevance. */
export async function visibleCaseCount(ctx: Context, staff: StaffMember, input: CaseListInput): Promise<number | null> {
  // A figure's cases are counted on the dashboard; counting them here would read a range of the whole table.
  if (searchTerms(input.q ?? '').length > 0 || figureOf(input)) return null;
  const status = input.status ?? 'open';
  return countCaseQueue(ctx.services.db, {
    unitId: listScope(staff),
    assignedTo: input.assignedToMe ? staff.id : undefined,
    status: status === 'all' ? undefined : status,
  });
}

interface SearchRequest {
  readonly q: string;
  readonly unitId: string | undefined;
  readonly assignedTo: string | undefined;
  readonly status: 'open' | 'all' | CaseStatus;
  readonly limit: number;
  readonly cursor: string | undefined;
}

/**
 * A page of search results: whole identity values first (the caller named someone), then the case's words by
 * prefix, best match first, without the cases the identity part showed. The cursor says which part the next
 * page continues and where (a SearchPosition): each page reads its own results only, at any depth.
 */
async function searchPage(ctx: Context, staff: StaffMember, r: SearchRequest): Promise<CasePage<CaseRecord>> {
  const at = decodeSearchCursor(r.cursor);
  const statuses: readonly CaseStatus[] | undefined = r.status === 'open' ? OPEN_STATUSES : r.status === 'all' ? undefined : [r.status];
  const where = { unitId: r.unitId, statuses, assignedTo: r.assignedTo };
  const identity = identitySearchFor(staff, r.q);
  const items: CaseRecord[] = [];
  if (at.part === 'identity' && identity) {
    const found = await searchByIdentity(ctx, r.q, identity, { ...where, limit: r.limit, from: at.from });
    items.push(...found.cases);
    if (found.next) return { items, next: encodeSearchCursor({ part: 'identity', from: found.next }) };
  }
  const byText = await searchCases(ctx.services.db, {
    terms: searchTerms(r.q),
    scope: r.unitId === undefined ? 'all' : 'unit',
    ...where,
    // What is left of the page; 0 still tells whether a page of words follows.
    limit: r.limit - items.length,
    from: at.part === 'text' ? at.from : null,
    excludeIdentity: identity ?? undefined,
  });
  items.push(...byText.cases);
  return { items, next: byText.next ? encodeSearchCursor({ part: 'text', from: byText.next }) : null };
}

/** The whole identity values a staff member's search names, and the columns the role may match; null for none. */
function identitySearchFor(staff: StaffMember, q: string): { tokens: string[]; columns: 'open' | 'all' } | null {
  const scope = identitySearchScope(staff.role);
  if (scope === 'none') return null;
  const tokens = identitySearchTokens(identitySearchTerms(q));
  return tokens.length > 0 ? { tokens, columns: scope } : null;
}

/**
 * The identity part of a search (issue 9): only for a role that may see identities unmasked, by whole value
 * (a full number or email, names by whole words), confidential citizens for the Centre's revealing roles only.
 * A search that finds someone by identity, or asks for a number or an email at all, is audited with its terms
 * masked and the cases found, so that probing who complained leaves a trace.
 */
async function searchByIdentity(
  ctx: Context,
  q: string,
  identity: { tokens: string[]; columns: 'open' | 'all' },
  filter: Omit<IdentityCaseSearch, 'tokens' | 'columns'>,
): Promise<SearchPage> {
  const search = identitySearchTerms(q);
  const db = ctx.services.db;
  const found = await searchCasesByIdentity(db, { ...identity, ...filter });
  if (found.cases.length > 0 || isContactShaped(search)) {
    await db.write((tx: Executor) =>
      auditStaff(tx, ctx, {
        action: 'identity.search',
        entityType: 'search',
        entityId: null,
        after: { terms: maskIdentitySearch(search), cases: found.cases.map((c) => c.id) },
      }),
    );
  }
  return found;
}
