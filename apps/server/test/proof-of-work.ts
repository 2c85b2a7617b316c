import { createHash } from 'node:crypto';

/** A proof-of-work challenge as `case.challenge` answers it (ALTCHA's fields that a solver needs). */
export interface Challenge {
  readonly challenge: string;
  readonly salt: string;
  readonly maxnumber: number;
}

/** Solves a challenge as the widget does: the n for which SHA-256(salt + n) is the challenge, as the payload it sends. */
export function solveChallenge(challenge: Challenge): string {
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
