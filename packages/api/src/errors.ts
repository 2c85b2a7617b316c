import type { TRPCError } from '@trpc/server';
import { DomainError, fieldErrors, pickLang, type IssueLike, type Lang } from '@pakn/domain';
import { domainErrorPayload, refusalOfTRPCError, refusalPayload } from './http-errors.ts';

export { toTRPCError } from './http-errors.ts';

function issuesOf(cause: unknown): readonly IssueLike[] | null {
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues)) {
    return cause.issues as IssueLike[];
  }
  return null;
}

export interface ErrorData {
  /** The application's reason, a key of ERROR_MESSAGES: clients may translate it themselves. */
  readonly reason: string;
  /** Field path → message in the user's language. */
  readonly fieldErrors: Record<string, string> | null;
}

/**
 * Shapes every error the API returns: a message in the user's language, a reason code, field errors for
 * forms, and never a stack, SQL or a path. The words and reasons are those the REST routes answer with
 * (http-errors.ts). Unknown errors become "internal"; the server logs them once (its tRPC onError).
 */
export function formatError(error: TRPCError, lang: Lang | undefined): { message: string; data: ErrorData } {
  const language = lang ?? pickLang(undefined);
  const cause = error.cause;
  const {
    reason,
    message,
    fieldErrors: fields,
  } = cause instanceof DomainError
    ? domainErrorPayload(cause, language)
    : refusalPayload(refusalOfTRPCError(error), language, error.code === 'BAD_REQUEST' ? zodFieldErrors(cause, language) : null);
  return { message, data: { reason, fieldErrors: fields } };
}

function zodFieldErrors(cause: unknown, lang: Lang): Record<string, string> | null {
  const issues = issuesOf(cause);
  return issues ? fieldErrors(issues, lang) : null;
}
