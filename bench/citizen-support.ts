/**
 * What every bench that plays a citizen needs: solving the proof-of-work challenge as the widget does, and an
 * in-process citizen's context with the abuse limits off and an easy proof, so that a figure measures the
 * server's own work, not its defences.
 */
import { createHash } from 'node:crypto';
import { NO_CITIZEN_LIMITS, createApiServices, type Context } from '@pakn/api';
import type { Db } from '@pakn/db';

export interface ChallengeData {
  readonly challenge: string;
  readonly salt: string;
  readonly maxnumber: number;
}

/** Solves an ALTCHA challenge as the widget does: find n with SHA-256(salt + n) = challenge. */
export function solveChallenge(c: ChallengeData): string {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    ) {
      return Buffer.from(JSON.stringify({ ...c, number: n })).toString('base64');
    }
  }
  throw new Error('unsolvable challenge');
}

/** A citizen's request from the demo ward's site, in process, with the limits off and an easy proof. */
export function benchCitizenContext(db: Db): Context {
  return {
    services: createApiServices({ db, citizen: { powMaxNumber: 10, powMaxMultiplier: 1, limits: NO_CITIZEN_LIMITS } }),
    request: {
      origin: 'http://ward.bench',
      ownOrigin: 'http://pakn.bench',
      hasCsrfHeader: false,
      clientAddress: '127.0.0.1',
      lang: 'vi',
      sessionToken: null,
      setSessionCookie: () => undefined,
    },
    staff: null,
  };
}
