/**
 * The one error class the domain throws. `code` is a closed union so that the API layer can map every
 * code to a transport error in one place, and clients can translate it into the user's language.
 */
export const DomainErrorCode = {
  IllegalTransition: 'illegal_transition',
  NotFound: 'not_found',
  Forbidden: 'forbidden',
  Conflict: 'conflict',
  Invalid: 'invalid',
  Unauthenticated: 'unauthenticated',
  RateLimited: 'rate_limited',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  /** Optional per-field reasons, keyed by field path (e.g. `contact.email`). */
  readonly fields: Readonly<Record<string, string>> | undefined;
  /** A more precise message key than `code` for the user (see ERROR_MESSAGES), e.g. `bad_login`. */
  readonly reason: string | undefined;

  constructor(code: DomainErrorCode, message: string, options: { cause?: unknown; fields?: Record<string, string>; reason?: string } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.reason = options.reason;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
