import { deleteSession, findStaffForLogin, insertSession } from '@pakn/db';
import { DomainError, LoginInputSchema } from '@pakn/domain';
import { assertSameOriginWrite, publicProcedure, router } from '../trpc.ts';
import { dummyPasswordHash, newSessionToken, sha256Hex, verifyPassword } from '../secrets.ts';

export const authRouter = router({
  /** Signs a staff member in and sets the session cookie. Login is CSRF-guarded too (login CSRF). */
  login: publicProcedure.input(LoginInputSchema).mutation(async ({ ctx, input }) => {
    assertSameOriginWrite(ctx);
    const { db, now, sessionTtlSeconds } = ctx.services;
    const found = await findStaffForLogin(db, input.username);
    // Verify against a dummy hash for unknown users so both failures take as long.
    const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!found || !ok) throw new DomainError('unauthenticated', 'Bad credentials', { reason: 'bad_login' });
    const session = newSessionToken();
    const at = now();
    await db.write((tx) =>
      insertSession(
        tx,
        { tokenHash: session.hash, staffId: found.staff.id, expiresAt: new Date(at.getTime() + sessionTtlSeconds * 1000) },
        at,
      ),
    );
    ctx.request.setSessionCookie(session.token, sessionTtlSeconds);
    return found.staff;
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    assertSameOriginWrite(ctx);
    const token = ctx.request.sessionToken;
    if (token) await ctx.services.db.write((tx) => deleteSession(tx, sha256Hex(token)));
    ctx.request.setSessionCookie(null, 0);
    return { ok: true as const };
  }),

  /** The signed-in staff member, or null: the portal calls it first to choose between login and work. */
  me: publicProcedure.query(({ ctx }) => ctx.staff),
});
