/**
 * Proof of work without a third party: ALTCHA challenges (altcha-lib, v1 format: find n such that
 * SHA-256(salt + n) = challenge), signed with our key, valid for a few minutes, each spendable once.
 */
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { spendProof, type Executor } from '@pakn/db';
import { DomainError } from '@pakn/domain';
import type { CitizenPolicy } from './citizen-policy.ts';

export interface Challenge {
  readonly algorithm: string;
  readonly challenge: string;
  readonly maxnumber: number;
  readonly salt: string;
  readonly signature: string;
}

export async function issueChallenge(policy: CitizenPolicy, now: Date): Promise<Challenge> {
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    hmacKey: policy.powHmacKey,
    maxNumber: policy.powMaxNumber,
    expires: new Date(now.getTime() + policy.powTtlSeconds * 1000),
  });
  return {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    maxnumber: challenge.maxnumber ?? policy.powMaxNumber,
    salt: challenge.salt,
    signature: challenge.signature,
  };
}

function invalidProof(why: string): DomainError {
  return new DomainError('invalid', `Proof of work rejected: ${why}`, { reason: 'proof_invalid' });
}

/** Checks a solved challenge and returns what is needed to spend it. Throws `proof_invalid` otherwise. */
export async function checkProof(policy: CitizenPolicy, proof: string, now: Date): Promise<{ signature: string; expiresAt: Date }> {
  let payload: { signature?: unknown; salt?: unknown };
  try {
    payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8')) as typeof payload;
  } catch {
    throw invalidProof('not base64 JSON');
  }
  if (typeof payload.signature !== 'string' || typeof payload.salt !== 'string') throw invalidProof('malformed');
  const expires = Number(extractParams({ salt: payload.salt } as Parameters<typeof extractParams>[0]).expires);
  if (!Number.isFinite(expires) || expires * 1000 < now.getTime()) throw invalidProof('expired');
  // altcha-lib checks `expires` against the wall clock; we checked it against ours above.
  if (!(await verifySolution(proof, policy.powHmacKey, false))) throw invalidProof('wrong solution or signature');
  return { signature: payload.signature, expiresAt: new Date(expires * 1000) };
}

/** Marks a proof as spent inside the submission's transaction; a second use is refused. */
export async function spendCheckedProof(tx: Executor, checked: { signature: string; expiresAt: Date }, now: Date): Promise<void> {
  if (!(await spendProof(tx, checked.signature, checked.expiresAt, now))) throw invalidProof('already used');
}
