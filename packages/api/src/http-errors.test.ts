import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { DomainError, DomainErrorCode, ERROR_MESSAGES, type Lang } from '@pakn/domain';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import type { Context } from './context.ts';
import { formatError } from './errors.ts';
import { domainErrorResponse, REFUSALS, refusalResponse, type RefusalReason } from './http-errors.ts';
import { publicProcedure, router } from './trpc.ts';

const CODES = Object.values(DomainErrorCode);
const REASONS = [undefined, ...Object.keys(ERROR_MESSAGES)];

/** One procedure that throws whatever domain error it is asked for, through the API's own middleware. */
const failing = router({
  fail: publicProcedure
    .input(z.object({ code: z.enum(CODES), reason: z.string().optional(), fields: z.record(z.string(), z.string()).optional() }))
    .mutation(({ input }): never => {
      throw new DomainError(input.code, 'Refused', {
        ...(input.reason === undefined ? {} : { reason: input.reason }),
        ...(input.fields === undefined ? {} : { fields: input.fields }),
      });
    }),
});

interface TrpcErrorBody {
  error: { message: string; data: { reason: string; fieldErrors: Record<string, string> | null; httpStatus: number } };
}

/** The procedure's answer over HTTP, as a browser gets it. */
async function overTrpc(input: { code: DomainErrorCode; reason?: string; fields?: Record<string, string> }, lang: Lang) {
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    router: failing,
    req: new Request('http://pakn.test/trpc/fail', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
    // The formatter reads only the language from the context.
    createContext: () => ({ request: { lang } }) as unknown as Context,
  });
  return { status: res.status, body: (await res.json()) as TrpcErrorBody };
}

describe('issue 10: one mapping from errors to HTTP for tRPC and the REST routes', () => {
  it.each(CODES)('answers a domain error coded %s with the same status, reason and words on both, for every reason', async (code) => {
    for (const [i, reason] of REASONS.entries()) {
      const lang: Lang = i % 2 === 0 ? 'vi' : 'en';
      const error = new DomainError(code, 'Refused', reason === undefined ? {} : { reason });
      const rest = domainErrorResponse(error, lang);
      const trpc = await overTrpc({ code, ...(reason === undefined ? {} : { reason }) }, lang);
      const label = `${code}/${reason ?? '-'}`;
      expect(trpc.status, label).toBe(rest.status);
      expect(trpc.body.error.data.httpStatus, label).toBe(rest.status);
      expect({ reason: trpc.body.error.data.reason, message: trpc.body.error.message }, label).toEqual(rest.body.error);
      expect(trpc.body.error.data.fieldErrors, label).toBeNull();
    }
  });

  it('words the field errors of a domain error the same on both', async () => {
    const fields = { to: 'date_order', siteKey: 'invalid', odd: 'no_such_code' };
    const rest = domainErrorResponse(new DomainError('invalid', 'Bad filter', { fields }), 'en');
    const trpc = await overTrpc({ code: 'invalid', fields }, 'en');
    expect(rest.body.error.fieldErrors).toEqual({ to: 'The end date cannot be before the start date.', siteKey: 'Invalid value.', odd: 'Invalid value.' });
    expect(trpc.body.error.data.fieldErrors).toEqual(rest.body.error.fieldErrors);
    expect(trpc.status).toBe(rest.status);
  });

  it('keeps the statuses clients already tell apart', () => {
    const status = (code: DomainErrorCode, reason?: string) => domainErrorResponse(new DomainError(code, 'x', reason ? { reason } : {}), 'vi').status;
    expect(status('unauthenticated')).toBe(401);
    expect(status('forbidden', 'csrf')).toBe(403);
    expect(status('forbidden', 'origin_not_allowed')).toBe(403);
    expect(status('not_found', 'case_not_found')).toBe(404);
    expect(status('invalid', 'attachment_too_large')).toBe(413);
    expect(status('invalid', 'attachment_type')).toBe(415);
    expect(status('invalid', 'unknown_site')).toBe(400);
    expect(status('rate_limited', 'server_busy')).toBe(429);
    expect(status('conflict', 'username_taken')).toBe(409);
  });

  it.each(Object.keys(REFUSALS) as RefusalReason[])('refuses %s with the status and words its tRPC code has', (reason) => {
    const rest = refusalResponse(reason, 'vi');
    const trpcError = new TRPCError({ code: REFUSALS[reason].trpc });
    expect(getHTTPStatusCodeFromError(trpcError)).toBe(rest.status);
    if (reason === 'attachment_too_large') {
      // Refused before any procedure, only on the file routes: the same answer as the domain's own refusal.
      expect(domainErrorResponse(new DomainError('invalid', 'x', { reason }), 'vi')).toEqual(rest);
      return;
    }
    const formatted = formatError(trpcError, 'vi');
    expect({ reason: formatted.data.reason, message: formatted.message }).toEqual(rest.body.error);
  });
});
