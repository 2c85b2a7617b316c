/**
 * Proof of work without a third party: ALTCHA challenges (altcha-lib, v1 format: find n such that
 * SHA-256(salt + n) = challenge), signed with our key, valid for a few minutes, each spendable once.
 *
 * The difficulty rises with the load from the caller's source (see `difficultyMultiplier`). The salt carries,
 * under the signature, the challenge's `maxnumber` and a tag of the caller's prefix (`src`): the client cannot
 * lower the one, and cannot spend a cheap challenge fetched from a fresh address on another network.
 */
import { createHash, createHmac } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { purgeExpiredProofs, spendProof, type Executor } from '@pakn/db';
import { DomainError } from '@pakn/domain';
import { addressPrefix } from './address-prefix.ts';
import { difficultyMultiplier, type SourceCounts } from './citizen-limits.ts';
import type { CitizenPolicy } from './citizen-policy.ts';

/** The most work a challenge may ask, whatever the configuration: about 5 million hashes on average. */
const POW_MAX_NUMBER_CEILING = 10_000_000;

export interface Challenge {
  readonly algorithm: string;
  readonly challenge: string;
  readonly maxnumber: number;
  readonly salt: string;
  readonly signature: string;
}

/** A short keyed tag of the caller's prefix: binds a challenge to where it was fetched, without showing it. */
function sourceTag(policy: CitizenPolicy, clientAddress: string): string {
  return createHmac('sha256', policy.powHmacKey)
    .update(`pow-source:${addressPrefix(clientAddress)}`)
    .digest('hex')
    .slice(0, 16);
}

/** `used`: the challenges the caller's source took this hour before this one (from `enforceRateLimit`). */
export async function issueChallenge(policy: CitizenPolicy, now: Date, clientAddress: string, used: SourceCounts): Promise<Challenge> {
  const maxNumber = Math.min(POW_MAX_NUMBER_CEILING, policy.powMaxNumber * difficultyMultiplier(used, policy));
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    hmacKey: policy.powHmacKey,
    maxNumber,
    expires: new Date(now.getTime() + policy.powTtlSeconds * 1000),
    params: { maxnumber: String(maxNumber), src: sourceTag(policy, clientAddress) },
  });
  return {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    maxnumber: maxNumber,
    salt: challenge.salt,
    signature: challenge.signature,
  };
}

function invalidProof(why: string): DomainError {
  return new DomainError('invalid', `Proof of work rejected: ${why}`, { reason: 'proof_invalid' });
}

/**
 * Checks a solved challenge, fetched from the same prefix as `clientAddress`, and returns what is needed to
 * spend it. Throws `proof_invalid` otherwise.
 */
export async function checkProof(policy: CitizenPolicy, proof: string, now: Date, clientAddress: string): Promise<{ signature: string; expiresAt: Date }> {
  let payload: { signature?: unknown; salt?: unknown };
  try {
    payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8')) as typeof payload;
  } catch {
    throw invalidProof('not base64 JSON');
  }
  if (typeof payload.signature !== 'string' || typeof payload.salt !== 'string') throw invalidProof('malformed');
  const params = extractParams({ salt: payload.salt } as Parameters<typeof extractParams>[0]);
  const expires = Number(params.expires);
  if (!Number.isFinite(expires) || expires * 1000 < now.getTime()) throw invalidProof('expired');
  // The tag is under the signature (checked below): a client cannot change it without failing that check.
  if (params.src !== sourceTag(policy, clientAddress)) throw invalidProof('fetched from another network');
  // altcha-lib checks `expires` against the wall clock; we checked it against ours above.
  if (!(await verifySolution(proof, policy.powHmacKey, false))) throw invalidProof('wrong solution or signature');
  return { signature: payload.signature, expiresAt: new Date(expires * 1000) };
}

/**
 * Marks a proof as spent inside the submission's transaction. Returns false when it was spent before: a replay,
 * or a copy of the same request that committed first (the caller tells them apart by the idempotency key).
 */
export function spendCheckedProof(tx: Executor, checked: { signature: string; expiresAt: Date }): Promise<boolean> {
  return spendProof(tx, checked.signature, checked.expiresAt);
}

/** The refusal of a proof spent before. */
export function proofAlreadyUsed(): DomainError {
  return invalidProof('already used');
}

/**
 * Keeps the table of spent proofs small without a purge per submission (issue 11: a full scan of it on every
 * submission was a ceiling near 85 a second). Inside a submission's transaction, at most every `intervalMs`, one
 * batch of at most `batchSize` expired proofs goes, read through the expiry index; a full batch means more wait,
 * and the next submission takes the next batch. Purging late is safe: an expired proof is refused by its own
 * check (checkProof) whether or not its row is still there, and a proof that has not expired is never purged.
 */
export class ExpiredProofSweeper {
  readonly #intervalMs: number;
  readonly #batchSize: number;
  /** When the next batch is due (epoch ms); 0: at the next submission. */
  #dueAt = 0;

  constructor(options: { intervalMs?: number; batchSize?: number } = {}) {
    this.#intervalMs = options.intervalMs ?? 60_000;
    this.#batchSize = options.batchSize ?? 500;
  }

  /** Purges one batch when one is due; returns how many proofs it purged. */
  async sweepIfDue(tx: Executor, now: Date): Promise<number> {
    if (now.getTime() < this.#dueAt) return 0;
    const purged = await purgeExpiredProofs(tx, now, this.#batchSize);
    this.#dueAt = purged < this.#batchSize ? now.getTime() + this.#intervalMs : 0;
    return purged;
  }
}

/** A challenge's fields that a solver needs (what `case.challenge` answers carries more). */
export interface ChallengeData {
  readonly challenge: string;
  readonly salt: string;
  readonly maxnumber: number;
}

/**
 * Solves a challenge as the widget does with WebCrypto: the n for which SHA-256(salt + n) is the challenge, as the
 * payload the widget sends. For tests, benches and tools that play a citizen; the server never solves.
 */
export function solveChallenge(challenge: ChallengeData): string {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge
    ) {
      return Buffer.from(JSON.stringify({ ...challenge, number: n })).toString('base64');
    }
  }
  throw new Error('unsolvable challenge');
}
