import { randomBytes } from 'node:crypto';
import { DomainError } from '@pakn/domain';
import type { Context } from './context.ts';

/** Limits per hour. 0 turns a limit off (tests of other behaviour, load benchmarks). */
export interface CitizenLimits {
  readonly submitsPerAddress: number;
  readonly submitsGlobal: number;
  readonly tracksPerAddress: number;
  readonly challengesPerAddress: number;
  readonly uploadsPerAddress: number;
}

export const DEFAULT_CITIZEN_LIMITS: CitizenLimits = {
  submitsPerAddress: 20,
  submitsGlobal: 2000,
  tracksPerAddress: 120,
  challengesPerAddress: 60,
  uploadsPerAddress: 60,
};

export interface CitizenPolicy {
  readonly limits: CitizenLimits;
  /** Secret that signs proof-of-work challenges; the same on every process of a deployment. */
  readonly powHmacKey: string;
  /** Upper bound of the challenge's number: the client tries half of it on average. */
  readonly powMaxNumber: number;
  readonly powTtlSeconds: number;
  readonly reviewWindowDays: number;
  /** Uploaded files not attached to a case within this time are refused (and later purged). */
  readonly attachmentMaxAgeMs: number;
}

export function defaultCitizenPolicy(overrides: Partial<CitizenPolicy> = {}): CitizenPolicy {
  return {
    limits: DEFAULT_CITIZEN_LIMITS,
    powHmacKey: randomBytes(32).toString('base64url'),
    powMaxNumber: 20_000,
    powTtlSeconds: 600,
    reviewWindowDays: 30,
    attachmentMaxAgeMs: 24 * 3600_000,
    ...overrides,
  };
}

const HOUR = 3600_000;

export type LimitedAction = 'submit' | 'track' | 'challenge' | 'upload';

/** Refuses the call when the caller's address, or everyone together for submissions, is over its limit. */
export function enforceRateLimit(ctx: Pick<Context, 'services' | 'request'>, action: LimitedAction): void {
  const { limiter, citizen, now } = ctx.services;
  const nowMs = now().getTime();
  const perAddress: Record<LimitedAction, number> = {
    submit: citizen.limits.submitsPerAddress,
    track: citizen.limits.tracksPerAddress,
    challenge: citizen.limits.challengesPerAddress,
    upload: citizen.limits.uploadsPerAddress,
  };
  const address = ctx.request.clientAddress;
  const ok =
    limiter.hit(`${action}:${address}`, perAddress[action], HOUR, nowMs) &&
    (action !== 'submit' || limiter.hit('submit:*', citizen.limits.submitsGlobal, HOUR, nowMs));
  if (!ok) throw new DomainError('rate_limited', `Too many ${action} calls from ${address}`);
}
