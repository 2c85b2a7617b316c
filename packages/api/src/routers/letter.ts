import { countLetterRegister, getCase, getLetter, letterRegisterPage } from '@pakn/db';
import { DomainError, LIST_PAGE_SIZE, RegisterInputSchema, can, isUnitRole } from '@pakn/domain';
import * as z from 'zod/mini';
import { decodeRegisterCursor, encodeRegisterCursor } from '../list-cursor.ts';
import { router, staffQuery } from '../trpc.ts';

/** The forwarding register: every letter the Centre sends, numbered per year once the Director approves it. */
export const letterRouter = router({
  /**
   * A page of the register of a year (50 letters by default; `next` is the cursor of the following page, null on
   * the last): the approved letters by number, highest first, then the drafts awaiting approval, newest first.
   * A unit sees only the approved letters sent to it; the Centre and inspectors see all. `total` and `drafts`
   * count the whole register (from indexes), on every page. Rows carry no letter body.
   */
  register: staffQuery.input(RegisterInputSchema).query(async ({ ctx, input }) => {
    const { staff } = ctx;
    if (!can(staff.role, 'viewAllCases') && !isUnitRole(staff.role)) throw new DomainError('forbidden', 'No register for this role');
    const filter = { year: input.year, unitId: can(staff.role, 'viewAllCases') ? undefined : (staff.unitId ?? '-') };
    const limit = input.limit ?? LIST_PAGE_SIZE;
    const db = ctx.services.db;
    const rows = await letterRegisterPage(db, filter, decodeRegisterCursor(input.cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const counts = await countLetterRegister(db, filter);
    return { items: page.map((r) => r.letter), next: rows.length > limit && last ? encodeRegisterCursor(last.position) : null, ...counts };
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
