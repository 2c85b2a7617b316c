import { listAudit, readCheckpointFile, verifyAuditChain } from '@pakn/db';
import { AuditListInputSchema, VIETNAM_UTC_OFFSET_MS } from '@pakn/domain';
import { requirePermission, router, staffQuery } from '../trpc.ts';

/** The audit trail, for inspectors: every action and every opening of an identity, in a verifiable chain. */
export const auditRouter = router({
  /** Entries oldest first, filtered; each with the staff actor's name and role beside the id the chain keeps. */
  list: staffQuery.input(AuditListInputSchema).query(({ ctx, input }) => {
    requirePermission(ctx.staff, 'readAudit');
    const { from, to, limit, ...filter } = input;
    // Dates are Vietnamese calendar days: from the start of `from` to the end of `to`.
    const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_UTC_OFFSET_MS);
    return listAudit(ctx.services.db, {
      ...filter,
      fromAt: from ? dayStart(from).toISOString() : undefined,
      toAt: to ? new Date(dayStart(to).getTime() + 86_400_000).toISOString() : undefined,
      limit: limit ?? 500,
    });
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
