import { countAudit, listAuditPage, readCheckpointFile, verifyAuditChain } from '@pakn/db';
import { AuditListInputSchema, LIST_PAGE_SIZE, VIETNAM_UTC_OFFSET_MS } from '@pakn/domain';
import { decodeAuditCursor, encodeAuditCursor } from '../list-cursor.ts';
import { requirePermission, router, staffQuery } from '../trpc.ts';

/** The audit trail, for inspectors: every action and every opening of an identity, in a verifiable chain. */
export const auditRouter = router({
  /**
   * A page of entries, oldest first (by time, then by the chain's order), filtered; each with the staff actor's
   * name and role beside the id the chain keeps. 50 entries by default; `next` is the cursor of the following
   * page (null on the last); `total` counts what the filters select, on the first page only (null after it).
   */
  list: staffQuery.input(AuditListInputSchema).query(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'readAudit');
    const { from, to, limit = LIST_PAGE_SIZE, cursor, ...rest } = input;
    // Dates are Vietnamese calendar days: from the start of `from` to the end of `to`.
    const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_UTC_OFFSET_MS);
    const filter = {
      ...rest,
      fromAt: from ? dayStart(from).toISOString() : undefined,
      toAt: to ? new Date(dayStart(to).getTime() + 86_400_000).toISOString() : undefined,
    };
    const db = ctx.services.db;
    const rows = await listAuditPage(db, filter, decodeAuditCursor(cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => r.entry),
      next: rows.length > limit && last ? encodeAuditCursor(last.position) : null,
      total: cursor ? null : await countAudit(db, filter),
    };
  }),

  /**
   * Recomputes the keyed chain and holds it against the signed checkpoints kept outside the database: an
   * edited or re-hashed row, an unkeyed row after keyed ones, removed newest rows and forged checkpoints show.
   */
  verify: staffQuery.query(async ({ ctx }) => {
    requirePermission(ctx.staff, 'readAudit');
    const file = ctx.services.auditCheckpointFile;
    // An unreadable file is reported like a missing one: the check must not fail where the anchor is gone.
    const checkpoints = file ? await readCheckpointFile(file).catch(() => '') : undefined;
    return verifyAuditChain(ctx.services.db, { checkpoints, requireCheckpoints: file !== null });
  }),
});
