import { initTRPC, TRPCError } from '@trpc/server';
import { storageFaultCode } from '@pakn/db';
import { DomainError, can, type Action, type StaffMember } from '@pakn/domain';
import type { Context } from './context.ts';
import { formatError, toTRPCError } from './errors.ts';

const t = initTRPC.context<Context>().create({
  // Stacks reach clients when isDev is true, and it defaults to NODE_ENV !== 'production'.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const { message, data } = formatError(error, ctx?.request.lang);
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...data },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns domain errors into transport errors with the right code, in one place. A storage fault (full disk,
 * read-only file) becomes 503: the write was rolled back, nothing was acknowledged, and a retry later can succeed.
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  if (!result.ok) {
    const fault = storageFaultCode(result.error.cause ?? result.error);
    if (fault) {
      console.error(`[api] storage unavailable (${fault}): the request was refused with 503`);
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Storage unavailable', cause: result.error.cause });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Any signed-in staff member. Queries only: they must never change anything. */
export const staffQuery = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.staff) throw new DomainError('unauthenticated', 'Sign in first');
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

/**
 * Same-origin guard for anything that changes state on behalf of staff: the custom header forces a CORS
 * preflight that no other origin passes, and the Origin must be the portal's own. Together with the
 * SameSite=Strict cookie this shuts out cross-site forms and fetches.
 */
export function assertSameOriginWrite(ctx: Context): void {
  const { origin, ownOrigin, hasCsrfHeader } = ctx.request;
  if (!hasCsrfHeader || origin !== ownOrigin) {
    throw new DomainError('forbidden', 'Missing anti-CSRF header or foreign Origin', { reason: 'csrf' });
  }
}

export const staffMutation = publicProcedure.use(({ ctx, next }) => {
  assertSameOriginWrite(ctx);
  if (!ctx.staff) throw new DomainError('unauthenticated', 'Sign in first');
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

export function requirePermission(staff: StaffMember, action: Action): void {
  if (!can(staff.role, action)) {
    throw new DomainError('forbidden', `Role ${staff.role} may not ${action}`);
  }
}
