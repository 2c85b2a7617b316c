import { EventEmitter, on } from 'node:events';
import type { CaseStatus } from '@pakn/domain';

/** A change to a case that open portals should show without a reload. */
export interface CaseChange {
  readonly caseId: string;
  readonly reference: string;
  readonly status: CaseStatus;
  /** The unit handling it, so that unit members only hear about their own cases. */
  readonly unitId: string | null;
  readonly kind: string;
  readonly at: string;
}

/**
 * In-process fan-out of case changes to tRPC subscriptions (server-sent events). Several server processes
 * each notify their own portals; a shared bus (e.g. libsql polling of case_events) would replace this there.
 */
export class CaseFeed {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Each open portal is one listener; a Centre has dozens, not thousands.
    this.#emitter.setMaxListeners(1000);
  }

  publish(change: CaseChange): void {
    this.#emitter.emit('change', change);
  }

  async *subscribe(signal: AbortSignal | undefined): AsyncGenerator<CaseChange> {
    for await (const [change] of on(this.#emitter, 'change', signal ? { signal } : {})) {
      yield change as CaseChange;
    }
  }

  get listeners(): number {
    return this.#emitter.listenerCount('change');
  }
}
