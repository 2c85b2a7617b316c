import { getCase, getLetter, letterRegister } from '@pakn/db';
import { DomainError, can, isUnitRole } from '@pakn/domain';
import * as z from 'zod/mini';
import { router, staffQuery } from '../trpc.ts';

/** The forwarding register: every letter the Centre sends, numbered per year once the Director approves it. */
export const letterRouter = router({
  register: staffQuery.input(z.object({ year: z.number().check(z.int(), z.gte(2000), z.lte(2100)) })).query(({ ctx, input }) => {
    const { staff } = ctx;
    if (!can(staff.role, 'viewAllCases') && !isUnitRole(staff.role)) throw new DomainError('forbidden', 'No register for this role');
    // A unit sees the letters sent to it; the Centre and inspectors see all.
    return letterRegister(ctx.services.db, input.year, can(staff.role, 'viewAllCases') ? undefined : (staff.unitId ?? '-'));
  }),

  /** One letter, for reading and printing (A4). */
  get: staffQuery.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const letter = await getLetter(ctx.services.db, input.id);
    if (!letter) throw new DomainError('not_found', 'No such letter');
    if (!can(ctx.staff.role, 'viewAllCases')) {
      const record = await getCase(ctx.services.db, letter.caseId);
      if (letter.status !== 'approved' || ctx.staff.unitId === null || record?.unitId !== ctx.staff.unitId) {
        throw new DomainError('not_found', 'No such letter');
      }
    }
    return letter;
  }),
});
