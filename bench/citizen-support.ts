/**
 * What every bench that plays a citizen needs: solving the proof-of-work challenge as the widget does, and an
 * in-process citizen's context with the abuse limits off and an easy proof, so that a figure measures the
 * server's own work, not its defences.
 */
import { NO_CITIZEN_LIMITS, createApiServices, type Context } from '@pakn/api';
import type { Db } from '@pakn/db';

export { solveChallenge, type ChallengeData } from '@pakn/api';

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
