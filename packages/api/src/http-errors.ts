/**
 * The one mapping from errors to HTTP, shared by the tRPC procedures and the REST routes (uploads, downloads,
 * exports, answer files): a domain error's code (or a more precise reason) decides both the status a REST route
 * answers and the tRPC code a procedure throws, whose HTTP status is the same; and both put the same reason,
 * message in the user's language and field errors in their bodies. http-errors.test.ts walks every reason.
 */
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { errorMessage, fieldErrors, type DomainError, type DomainErrorCode, type Lang } from '@pakn/domain';

/** The statuses errors are answered with. */
type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 500 | 503;

interface Transport {
  readonly status: ErrorStatus;
  readonly trpc: TRPC_ERROR_CODE_KEY;
}

const BY_CODE: Readonly<Record<DomainErrorCode, Transport>> = {
  illegal_transition: { status: 409, trpc: 'CONFLICT' },
  not_found: { status: 404, trpc: 'NOT_FOUND' },
  forbidden: { status: 403, trpc: 'FORBIDDEN' },
  conflict: { status: 409, trpc: 'CONFLICT' },
  invalid: { status: 400, trpc: 'BAD_REQUEST' },
  unauthenticated: { status: 401, trpc: 'UNAUTHORIZED' },
  rate_limited: { status: 429, trpc: 'TOO_MANY_REQUESTS' },
};

/** Reasons whose status says more than their code's: a file's size and type (so clients can tell them apart). */
const BY_REASON: ReadonlyMap<string, Transport> = new Map([
  ['attachment_too_large', { status: 413, trpc: 'PAYLOAD_TOO_LARGE' }],
  ['attachment_type', { status: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE' }],
]);

/**
 * Refusals made around the domain code rather than by it: by the transport (a body too large, a content type a
 * form could send), by an unknown path, by a full disk, or by a fault nobody foresaw. `message` is the key of
 * the words the user reads.
 */
export const REFUSALS = {
  invalid: { status: 400, trpc: 'BAD_REQUEST', message: 'invalid' },
  not_found: { status: 404, trpc: 'NOT_FOUND', message: 'not_found' },
  payload_too_large: { status: 413, trpc: 'PAYLOAD_TOO_LARGE', message: 'payload_too_large' },
  attachment_too_large: { status: 413, trpc: 'PAYLOAD_TOO_LARGE', message: 'attachment_too_large' },
  unsupported_media_type: { status: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE', message: 'invalid' },
  storage_unavailable: { status: 503, trpc: 'SERVICE_UNAVAILABLE', message: 'storage_unavailable' },
  internal: { status: 500, trpc: 'INTERNAL_SERVER_ERROR', message: 'internal' },
} as const satisfies Record<string, Transport & { message: string }>;
export type RefusalReason = keyof typeof REFUSALS;

/** tRPC's own errors (no domain error inside) as the refusal they stand for; any other code is `internal`. */
const REFUSAL_OF_TRPC_CODE: ReadonlyMap<TRPC_ERROR_CODE_KEY, RefusalReason> = new Map<TRPC_ERROR_CODE_KEY, RefusalReason>([
  ['BAD_REQUEST', 'invalid'],
  ['NOT_FOUND', 'not_found'],
  // A query called as a mutation or the other way round: to the caller, no such procedure.
  ['METHOD_NOT_SUPPORTED', 'not_found'],
  ['PAYLOAD_TOO_LARGE', 'payload_too_large'],
  ['UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type'],
  ['SERVICE_UNAVAILABLE', 'storage_unavailable'],
]);

/** What an error body says, on either transport: a reason clients may translate, words, and per-field words. */
interface ErrorPayload {
  readonly reason: string;
  readonly message: string;
  readonly fieldErrors: Record<string, string> | null;
}

/** A REST error body. `fieldErrors` only when there are some (forms); tRPC always has the key, null or not. */
export interface RestErrorBody {
  readonly error: { readonly reason: string; readonly message: string; readonly fieldErrors?: Record<string, string> };
}

export interface RestError {
  readonly status: ErrorStatus;
  readonly body: RestErrorBody;
}

function transportOf(error: DomainError): Transport {
  return (error.reason === undefined ? undefined : BY_REASON.get(error.reason)) ?? BY_CODE[error.code];
}

/** A domain error as the procedure throws it. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: transportOf(error).trpc, message: error.message, cause: error });
}

/** A domain error's field codes in the user's words, keyed by field path. */
function fieldMessages(fields: Readonly<Record<string, string>>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, code] of Object.entries(fields)) {
    out[field] = fieldErrors([{ code: 'custom', message: code, path: [field] }], lang)[field] ?? code;
  }
  return out;
}

export function domainErrorPayload(error: DomainError, lang: Lang): ErrorPayload {
  const reason = error.reason ?? error.code;
  return { reason, message: errorMessage(reason, lang), fieldErrors: error.fields ? fieldMessages(error.fields, lang) : null };
}

export function refusalPayload(reason: RefusalReason, lang: Lang, fields: Record<string, string> | null = null): ErrorPayload {
  return { reason, message: errorMessage(REFUSALS[reason].message, lang), fieldErrors: fields };
}

/** The refusal a tRPC error without a domain error inside stands for. */
export function refusalOfTRPCError(error: TRPCError): RefusalReason {
  return REFUSAL_OF_TRPC_CODE.get(error.code) ?? 'internal';
}

function restBody({ reason, message, fieldErrors: fields }: ErrorPayload): RestErrorBody {
  return { error: fields ? { reason, message, fieldErrors: fields } : { reason, message } };
}

/** A domain error as a REST route answers it. */
export function domainErrorResponse(error: DomainError, lang: Lang): RestError {
  return { status: transportOf(error).status, body: restBody(domainErrorPayload(error, lang)) };
}

/** A refusal as a REST route answers it. */
export function refusalResponse(reason: RefusalReason, lang: Lang): RestError {
  return { status: REFUSALS[reason].status, body: restBody(refusalPayload(reason, lang)) };
}

/**
 * A GET or HEAD on a route that only takes a POST (an audited download or export), refused with the reason the
 * user needs: 405, and an `Allow: POST` header from the route.
 */
export function methodNotAllowedResponse(reason: 'csrf' | 'download_by_button', lang: Lang): { status: 405; body: RestErrorBody } {
  return { status: 405, body: restBody({ reason, message: errorMessage(reason, lang), fieldErrors: null }) };
}
