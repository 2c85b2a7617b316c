import { deleteAuthority, listAuthorities, saveAuthority } from '@pakn/db';
import { AuthorityInputSchema, DomainError } from '@pakn/domain';
import * as z from 'zod/mini';
import { auditStaff } from '../audit.ts';
import { requirePermission, router, staffMutation, staffQuery } from '../trpc.ts';

/** Competent authorities for out-of-scope matters, with the referral texts officers start from. */
export const authorityRouter = router({
  list: staffQuery.query(({ ctx }) => listAuthorities(ctx.services.db)),

  save: staffMutation.input(AuthorityInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'manageAuthorities');
    await ctx.services.db.write(async (tx) => {
      await saveAuthority(tx, input, ctx.services.now());
      await auditStaff(tx, ctx, { action: 'authority.save', entityType: 'authority', entityId: input.id, after: input });
    });
    return listAuthorities(ctx.services.db);
  }),

  remove: staffMutation.input(z.object({ id: z.string() })).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'manageAuthorities');
    await ctx.services.db.write(async (tx) => {
      if (!(await deleteAuthority(tx, input.id))) throw new DomainError('not_found', 'No such authority');
      await auditStaff(tx, ctx, { action: 'authority.remove', entityType: 'authority', entityId: input.id });
    });
    return listAuthorities(ctx.services.db);
  }),
});
