import type { Lang } from '@pakn/domain';
import { errorInfo, type ErrorInfo } from './client.ts';
import { SessionExpiredEvent } from './events.ts';

/**
 * What a failed call means for the page, in the few kinds a page reacts to differently:
 * - `signed-out`: the session ended; the shell shows the login form (this helper tells it).
 * - `forbidden`: the role may not do this; say so, offer nothing to retry.
 * - `not-found`: the thing is gone or was never visible to this user; pages show their own "not found".
 * - `validation`: the input was refused; `fieldErrors` go beside their fields.
 * - `stale`: someone else moved the record first; offer to reload.
 * - `network`: the server was not reached; offer to retry.
 * - `other`: anything else, with the server's message.
 */
type FailureKind = 'signed-out' | 'forbidden' | 'not-found' | 'validation' | 'stale' | 'network' | 'other';

export interface Failure extends ErrorInfo {
  readonly kind: FailureKind;
}

const KIND_OF_REASON: Readonly<Record<string, FailureKind>> = {
  unauthenticated: 'signed-out',
  forbidden: 'forbidden',
  not_found: 'not-found',
  case_not_found: 'not-found',
  invalid: 'validation',
  conflict: 'stale',
  illegal_transition: 'stale',
  network: 'network',
};

/** The kind of a failure, from its reason; a refusal that names fields is a validation failure whatever its reason. */
function failureKind(info: ErrorInfo): FailureKind {
  const kind = KIND_OF_REASON[info.reason];
  if (kind) return kind;
  return Object.keys(info.fieldErrors).length > 0 ? 'validation' : 'other';
}

/**
 * The one way the portal handles a failed call: whatever was thrown becomes a message in the user's language
 * with its kind and field errors, and a lost session also tells the shell (which shows the login form).
 */
export function callFailed(host: EventTarget, error: unknown, lang: Lang): Failure {
  const info = errorInfo(error, lang);
  const failure: Failure = { ...info, kind: failureKind(info) };
  if (failure.kind === 'signed-out') host.dispatchEvent(new SessionExpiredEvent());
  return failure;
}

/** A failed load, carried through a Task's error so that its renderer knows the kind and the message. */
export class LoadFailure extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.message);
    this.name = 'LoadFailure';
    this.failure = failure;
  }
}
