import { countCaseQueue, listCaseQueue, type QueuePosition } from '@pakn/db';
import { DEFAULT_AT_RISK_WORKING_DAYS, LIST_PAGE_SIZE, QueueRank, addWorkingDays, type StaffMember } from '@pakn/domain';
import { listScope, queuePage, viewsOf, type CasePage } from './case-list.ts';
import type { Context } from './context.ts';
import { decodeQueueCursor, encodeQueueCursor } from './list-cursor.ts';
import type { StaffCaseView } from './presenters.ts';

export interface FollowUpInput {
  readonly overdueCursor?: string | undefined;
  readonly atRiskCursor?: string | undefined;
  readonly limit?: number | undefined;
}

/** The lowest and highest place of a band of the list order (see caseQueueKey). */
const lowest = (rank: number, at = ''): QueuePosition => ({ rank, at, id: '' });

/** How many candidate rows one read takes while filling a page of at-risk cases. */
const CANDIDATES = 200;

/**
 * The follow-up lists (issue 11), each a page of the open cases in list order:
 * - overdue: the cases that need a look, then the running deadlines already past (longest overdue first): exactly
 *   the range of the list key before (running, now);
 * - at risk: the running deadlines from now to a bound no calendar's two working days can pass, then the cases
 *   waiting for the citizen; each candidate is kept when its live deadline says so (the bound only limits the read).
 * Unit members see their unit's cases only.
 */
export async function followUpPages(ctx: Context, staff: StaffMember, input: FollowUpInput) {
  const unitId = listScope(staff);
  const limit = input.limit ?? LIST_PAGE_SIZE;
  const now = ctx.services.now();
  const nowAt = now.toISOString();
  const db = ctx.services.db;

  const overdueBand = { unitId, until: lowest(QueueRank.running, nowAt) };
  const overduePage = queuePage(await listCaseQueue(db, overdueBand, decodeQueueCursor(input.overdueCursor), limit + 1), limit);
  const overdue = { items: await viewsOf(ctx, staff, overduePage.items), next: overduePage.next, total: await countCaseQueue(db, overdueBand) };

  const calendars = await ctx.services.calendars.all();
  const bound = Math.max(...[calendars.centre, ...calendars.units.values()].map((c) => addWorkingDays(c, now, DEFAULT_AT_RISK_WORKING_DAYS + 1).getTime()));
  const bands = [
    { unitId, from: lowest(QueueRank.running, nowAt), until: lowest(QueueRank.running, new Date(bound).toISOString()) },
    { unitId, from: lowest(QueueRank.waiting), until: lowest(QueueRank.waiting + 1) },
  ];
  const atRisk = await filledPage(ctx, staff, bands, decodeQueueCursor(input.atRiskCursor), limit, (v) =>
    Boolean(v.deadline && !v.deadline.overdue && v.deadline.atRisk),
  );
  return { overdue, atRisk };
}

/** A page of the rows of these bands (in order) that `keep` accepts, reading candidates in chunks. */
async function filledPage(
  ctx: Context,
  staff: StaffMember,
  bands: readonly { unitId: string | undefined; from: QueuePosition; until: QueuePosition }[],
  start: QueuePosition | null,
  limit: number,
  keep: (view: StaffCaseView) => boolean,
): Promise<CasePage<StaffCaseView>> {
  const kept: { view: StaffCaseView; position: QueuePosition }[] = [];
  for (const band of bands) {
    let after = start;
    while (kept.length <= limit) {
      const rows = await listCaseQueue(ctx.services.db, band, after, CANDIDATES);
      const views = await viewsOf(
        ctx,
        staff,
        rows.map((r) => r.record),
      );
      views.forEach((view, i) => {
        const row = rows[i];
        if (row && keep(view)) kept.push({ view, position: row.position });
      });
      const last = rows[rows.length - 1];
      if (!last || rows.length < CANDIDATES) break;
      after = last.position;
    }
  }
  const page = kept.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((k) => k.view), next: kept.length > limit && last ? encodeQueueCursor(last.position) : null };
}
