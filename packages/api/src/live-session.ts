import { findSession, staffStillAs } from '@pakn/db';
import type { StaffMember } from '@pakn/domain';
import type { Context } from './context.ts';
import { sha256Hex } from './secrets.ts';

/** A live stream's hold on its session: `signal` aborts when the stream's client leaves or the session ends. */
export interface SessionWatch {
  readonly signal: AbortSignal;
  /** True when the stream ended because its session did (logout, expiry, account disabled or changed). */
  readonly sessionEnded: () => boolean;
  readonly stop: () => void;
}

/**
 * Issue 9, defect 7: an open stream must end with its session. It ends at once on this process's signal
 * (logout, an admin's change to the account), and a periodic re-check catches the rest: idle or absolute
 * expiry, and logouts or changes made through another server process. The re-check reads the session
 * without recording a use: an open stream alone does not keep an idle session alive.
 */
export function watchSession(ctx: Context & { staff: StaffMember }, outer: AbortSignal | undefined): SessionWatch {
  const { db, now, sessionIdleSeconds, sessionRecheckMs, sessionEvents } = ctx.services;
  const staff = ctx.staff;
  const tokenHash = ctx.request.sessionToken ? sha256Hex(ctx.request.sessionToken) : null;
  const controller = new AbortController();
  let ended = false;
  const end = () => {
    ended = true;
    controller.abort();
  };

  const stillValid = async (): Promise<boolean> => {
    // Contexts built without a cookie (in-process callers) have only the account to check.
    if (!tokenHash) return staffStillAs(db, staff);
    const session = await findSession(db, tokenHash, now(), sessionIdleSeconds);
    return session !== null && session.staff.id === staff.id && session.staff.role === staff.role && session.staff.unitId === staff.unitId;
  };
  let checking = false;
  const check = () => {
    if (checking || controller.signal.aborted) return;
    checking = true;
    stillValid()
      .then((valid) => {
        if (!valid) end();
      })
      // A database hiccup does not end the stream; the next check decides.
      .catch((error: unknown) => console.warn('[api] live stream session check failed:', error))
      .finally(() => {
        checking = false;
      });
  };

  const timer = setInterval(check, sessionRecheckMs);
  timer.unref();
  const unsubscribe = sessionEvents.onEnded((event) => {
    if ('tokenHash' in event) {
      if (event.tokenHash === tokenHash) end();
    } else if (event.staffId === staff.id) {
      check();
    }
  });
  const onOuterAbort = () => controller.abort();
  if (outer?.aborted) controller.abort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });

  return {
    signal: controller.signal,
    sessionEnded: () => ended,
    stop: () => {
      clearInterval(timer);
      unsubscribe();
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}
