import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import {
  DomainError,
  errorMessage,
  fieldErrors,
  pickLang,
  type DomainErrorCode,
  type IssueLike,
  type Lang,
} from '@pakn/domain';

/** The one place where domain error codes become transport codes. */
const TRPC_CODES: Readonly<Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>> = {
  illegal_transition: 'CONFLICT',
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  invalid: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  rate_limited: 'TOO_MANY_REQUESTS',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODES[error.code], message: error.message, cause: error });
}

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
 * forms, and never a stack, SQL or a path. Unknown errors become "internal" and are logged once here.
 */
export function formatError(error: TRPCError, lang: Lang | undefined): { message: string; data: ErrorData } {
  const language = lang ?? pickLang(undefined);
  const cause = error.cause;
  if (cause instanceof DomainError) {
    const reason = cause.reason ?? cause.code;
    const fields = cause.fields ? mapFieldCodes(cause.fields, language) : null;
    return { message: errorMessage(reason, language), data: { reason, fieldErrors: fields } };
  }
  if (error.code === 'BAD_REQUEST') {
    const issues = issuesOf(cause);
    if (issues) {
      return {
        message: errorMessage('invalid', language),
        data: { reason: 'invalid', fieldErrors: fieldErrors(issues, language) },
      };
    }
    return { message: errorMessage('invalid', language), data: { reason: 'invalid', fieldErrors: null } };
  }
  if (error.code === 'PAYLOAD_TOO_LARGE') {
    return { message: errorMessage('payload_too_large', language), data: { reason: 'payload_too_large', fieldErrors: null } };
  }
  if (error.code === 'NOT_FOUND' || error.code === 'METHOD_NOT_SUPPORTED') {
    return { message: errorMessage('not_found', language), data: { reason: 'not_found', fieldErrors: null } };
  }
  if (error.code === 'SERVICE_UNAVAILABLE') {
    return { message: errorMessage('storage_unavailable', language), data: { reason: 'storage_unavailable', fieldErrors: null } };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    console.error('[api] internal error:', cause ?? error);
  }
  return { message: errorMessage('internal', language), data: { reason: 'internal', fieldErrors: null } };
}

function mapFieldCodes(fields: Readonly<Record<string, string>>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, code] of Object.entries(fields)) {
    out[field] = fieldErrors([{ code: 'custom', message: code, path: [field] }], lang)[field] ?? code;
  }
  return out;
}
