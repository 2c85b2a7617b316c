import { deleteEndedSessions, deleteSession, findStaffForLogin, insertSession } from '@pakn/db';
import { DomainError, LoginInputSchema } from '@pakn/domain';
import { auditStaff } from '../audit.ts';
import type { Context } from '../context.ts';
import { LoginThrottledError, pruneLoginFailures, reserveLoginAttempt, settleSuccessfulLogin } from '../login-throttle.ts';
import { assertSameOriginWrite, publicProcedure, router } from '../trpc.ts';
import { dummyPasswordHash, newSessionToken, sha256Hex, verifyPassword } from '../secrets.ts';

/**
 * Issue 9, defect 3. Every attempt first passes the throttle (per account, address and network; stored in the
 * database): a refused attempt answers 429 before the username is looked up, the same for every name, known or
 * not, locked or not, with the right password or not. An attempt let through always runs one argon2 verify
 * (against a dummy hash for an unknown name) and fails with the same message for an unknown name and a wrong
 * password. Failures are audited with the name tried, never the password.
 */
async function takeAttempt(ctx: Context, username: string) {
  const { db, now, loginThrottle } = ctx.services;
  try {
    return await reserveLoginAttempt(db, loginThrottle, username, ctx.request.clientAddress, now());
  } catch (error) {
    if (error instanceof LoginThrottledError) ctx.request.setResponseHeader?.('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

export const authRouter = router({
  /** Signs a staff member in and sets the session cookie. Login is CSRF-guarded too (login CSRF). */
  login: publicProcedure.input(LoginInputSchema).mutation(async ({ ctx, input }) => {
    assertSameOriginWrite(ctx);
    const { db, now, sessionTtlSeconds, sessionIdleSeconds, loginThrottle } = ctx.services;
    const attempt = await takeAttempt(ctx, input.username);
    const found = await findStaffForLogin(db, input.username);
    // Verify against a dummy hash for unknown users so both failures take as long.
    const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!found || !ok) {
      await db.write(async (tx) => {
        await auditStaff(tx, ctx, {
          action: 'auth.login_failed',
          entityType: 'staff',
          // An unknown name is audited as typed, without an account.
          entityId: found?.staff.id ?? null,
          after: { username: input.username, address: ctx.request.clientAddress, lockedUntil: attempt.lockedUntil },
        });
        await pruneLoginFailures(tx, loginThrottle, now());
      });
      throw new DomainError('unauthenticated', 'Bad credentials', { reason: 'bad_login' });
    }
    await settleSuccessfulLogin(db, loginThrottle, attempt);
    const session = newSessionToken();
    const at = now();
    await db.write(async (tx) => {
      // Sessions that timed out are of no use to anyone: each sign-in clears its own account's.
      await deleteEndedSessions(tx, found.staff.id, at, sessionIdleSeconds);
      await insertSession(tx, { tokenHash: session.hash, staffId: found.staff.id, expiresAt: new Date(at.getTime() + sessionTtlSeconds * 1000) }, at);
    });
    ctx.request.setSessionCookie(session.token, sessionTtlSeconds);
    return found.staff;
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    assertSameOriginWrite(ctx);
    const token = ctx.request.sessionToken;
    if (token) {
      const tokenHash = sha256Hex(token);
      await ctx.services.db.write((tx) => deleteSession(tx, tokenHash));
      // Live streams of this session (other tabs) end now, not at their next check.
      ctx.services.sessionEvents.ended({ tokenHash });
    }
    ctx.request.setSessionCookie(null, 0);
    return { ok: true as const };
  }),

  /** The signed-in staff member, or null: the portal calls it first to choose between login and work. */
  me: publicProcedure.query(({ ctx }) => ctx.staff),
});
