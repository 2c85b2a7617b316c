import { randomBytes } from 'node:crypto';
import { DomainError } from '@pakn/domain';
import {
  DEFAULT_CITIZEN_LIMITS,
  sourceOf,
  type CitizenLimiter,
  type CitizenLimits,
  type DifficultyPolicy,
  type LimitedAction,
  type SourceCounts,
} from './citizen-limits.ts';

export { DEFAULT_CITIZEN_LIMITS, NO_CITIZEN_LIMITS, type CitizenLimits, type LimitedAction } from './citizen-limits.ts';

export interface CitizenPolicy extends DifficultyPolicy {
  /** Per-source and global limits; see citizen-limits.ts for the policy. */
  readonly limits: CitizenLimits;
  /** Secret that signs proof-of-work challenges; the same on every process of a deployment. */
  readonly powHmacKey: string;
  /** Upper bound of the challenge's number at the base difficulty: the client tries half of it on average. */
  readonly powMaxNumber: number;
  readonly powTtlSeconds: number;
  readonly reviewWindowDays: number;
  /** Uploaded files not attached to a case within this time are refused (and later purged). */
  readonly attachmentMaxAgeMs: number;
}

/** What a caller may override; limits not named keep their defaults. */
export type CitizenPolicyOptions = Partial<Omit<CitizenPolicy, 'limits'>> & { readonly limits?: Partial<CitizenLimits> };

export function defaultCitizenPolicy(overrides: CitizenPolicyOptions = {}): CitizenPolicy {
  return {
    powHmacKey: randomBytes(32).toString('base64url'),
    powMaxNumber: 20_000,
    powMaxMultiplier: 16,
    powFreeChallengesPerAddress: 5,
    powFreeChallengesPerPrefix: 20,
    powTtlSeconds: 600,
    reviewWindowDays: 30,
    attachmentMaxAgeMs: 24 * 3600_000,
    ...overrides,
    limits: { ...DEFAULT_CITIZEN_LIMITS, ...overrides.limits },
  };
}

/**
 * What the limits read of a call: the part of the API's Context they need, named here so that this module
 * stays below context.ts (which builds its services from `defaultCitizenPolicy`).
 */
export interface LimitedCall {
  readonly services: { readonly limiter: CitizenLimiter; readonly citizen: Pick<CitizenPolicy, 'limits'>; readonly now: () => Date };
  readonly request: { readonly clientAddress: string };
}

/**
 * Refuses the call when its source (address, prefix, network) is over its limit, or, for submissions, when
 * everyone together is over the ceilings and the source over its fair share (see citizen-limits.ts). Returns
 * the source's counts from before the call.
 */
export function enforceRateLimit(ctx: LimitedCall, action: LimitedAction): SourceCounts {
  const { limiter, citizen, now } = ctx.services;
  const admission = limiter.admit(action, sourceOf(ctx.request.clientAddress), citizen.limits, now().getTime());
  if (!admission.ok) {
    // No address in the message: it may reach a log line.
    throw new DomainError('rate_limited', `Too many ${action} calls (${admission.level} ${admission.reason})`, { reason: admission.reason });
  }
  return admission.used;
}

/** A citizen's submission was stored: it counts towards the global ceilings and its source's fair share. */
export function recordStoredSubmission(ctx: LimitedCall): void {
  ctx.services.limiter.recordStored(sourceOf(ctx.request.clientAddress), ctx.services.now().getTime());
}
