import { WidgetClientError, type CaseReceipt, type WidgetClient } from '@pakn/api-client/widget';
import type { ReportForm } from '@pakn/domain';

/** What the form's status line says while a report is on its way. */
export type Phase = '' | 'verifying' | 'sending' | 'offline' | 'retry';

/** Submissions that fail on the server's side (5xx, 429) are tried this many times before the citizen is asked. */
const SERVER_ATTEMPTS = 4;
/** Thrown inside the send loop when the values, re-checked before a retry, are no longer valid. */
export const INVALID = new Error('invalid');

/** 16 random bytes, base64url: the key that makes every retry of this report return the same case. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Resolves after `ms`, or earlier when the browser comes back online. */
function waitForRetry(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    addEventListener('online', done);
  });
}

/** A proof of work for one submission, or 'none' from a server that asks for none. */
async function prove(api: WidgetClient, site: string): Promise<string> {
  let challenge;
  try {
    challenge = await api.challenge({ siteKey: site });
  } catch (error) {
    // A server without proof of work yet (development) answers not_found: send without one.
    if (error instanceof WidgetClientError && error.reason === 'not_found') return 'none';
    throw error;
  }
  // The solver is fetched with the challenge, when the network is known to work; a failure is retried.
  const { solveChallenge } = await import('./proof-of-work.ts').catch(() => {
    throw new WidgetClientError('network');
  });
  return solveChallenge(challenge);
}

/** What the send loop needs from the form: its values re-checked, its files uploaded, its status line. */
export interface DeliveryHost {
  site(): string;
  /** The hidden field only bots fill. */
  honeypot(): string;
  /** The server's input, or null (the problems are then shown beside the fields). */
  check(): Promise<ReportForm | null>;
  attachmentIds(): Promise<string[]>;
  phase(phase: Phase, retryIn?: number): void;
}

/**
 * One report's way to the server: its idempotency key and proof of work live here from the first press of
 * "Gửi" until the server has answered with a receipt, across retries and across presses.
 */
export class ReportSender {
  #key = '';
  #proof = '';

  /** Called once the values are valid: a report keeps the key of its first try. */
  begin(): void {
    this.#key ||= newIdempotencyKey();
  }

  /** The report arrived: the next one gets a key and a proof of its own. */
  reset(): void {
    this.#key = this.#proof = '';
  }

  /**
   * Uploads what is left, proves work and submits, until it works: offline, the report waits for the network;
   * network failures, 5xx and 429 are retried with exponential backoff (1 s, 2 s, 4 s… at most 30 s), always with
   * the same idempotency key, so that the server creates one case whatever reached it.
   */
  async deliver(api: WidgetClient, host: DeliveryHost): Promise<CaseReceipt> {
    let failures = 0;
    let renewedProof = false;
    for (;;) {
      const input = await host.check();
      if (!input) throw INVALID;
      try {
        if (navigator.onLine === false) throw new WidgetClientError('network');
        const attachments = await host.attachmentIds();
        if (!this.#proof) {
          host.phase('verifying');
          this.#proof = await prove(api, host.site());
        }
        host.phase('sending');
        return await api.submit({
          ...input,
          idempotencyKey: this.#key,
          proof: this.#proof,
          website: host.honeypot() || undefined,
          attachments: attachments.length ? attachments : undefined,
        });
      } catch (caught) {
        const error = caught instanceof WidgetClientError ? caught : new WidgetClientError('internal');
        if (error.reason === 'proof_invalid' && !renewedProof) {
          // Expired or already spent: one new challenge.
          renewedProof = true;
          this.#proof = '';
          continue;
        }
        if (!error.retryable || (error.reason !== 'network' && failures >= SERVER_ATTEMPTS - 1)) throw error;
        const delay = Math.min(1000 * 2 ** failures++, 30_000);
        host.phase(error.reason === 'network' ? 'offline' : 'retry', delay / 1000);
        await waitForRetry(delay);
      }
    }
  }
}
