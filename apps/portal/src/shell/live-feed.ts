import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CaseChangedEvent, type CaseChange } from '#shared/events.ts';

/** A change this page made itself is not "news": no notice for it within this many milliseconds. */
const OWN_CHANGE_MS = 10_000;
/** How long a change waits for this page's own request to report it, before it is announced. */
const OWN_CHANGE_GRACE_MS = 1_500;

export interface LiveFeedOptions {
  /** Whether someone is signed in: changes are announced only then. */
  readonly active: () => boolean;
  /** The server ended the feed (its session ended, or the network did). */
  readonly stopped: (error: unknown) => void;
}

/**
 * The server's live feed of case changes, while someone is signed in: each change goes to the features as a
 * `pakn-case-changed` event on `window`, and someone else's change becomes the shell's discreet `notice`.
 * The feed's code is loaded after sign-in, so that the login page does not pay for it.
 */
export class LiveFeedController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LiveFeedOptions;
  #stop: (() => void) | null = null;
  /** Cases this page changed itself, and when: their echo from the feed is not announced. */
  readonly #ownChanges = new Map<string, number>();
  #notice: CaseChange | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LiveFeedOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    host.addEventListener('pakn-case-updated', (event) => this.#ownChanges.set(event.caseId, Date.now()));
  }

  /** The latest change someone else made, shown until dismissed. */
  get notice(): CaseChange | null {
    return this.#options.active() ? this.#notice : null;
  }

  dismiss(): void {
    this.#notice = null;
    this.#host.requestUpdate();
  }

  /** Starts the feed (once) or stops it, after the session changed. */
  sync(): void {
    if (this.#options.active()) void this.#start();
    else this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  async #start(): Promise<void> {
    if (this.#stop) return;
    this.#stop = () => undefined;
    try {
      const { watchCaseChanges } = await import('#shared/live.ts');
      if (!this.#options.active()) {
        this.#stop = null;
        return;
      }
      this.#stop = watchCaseChanges({
        onChange: (change) => this.#onChange(change),
        onStopped: (error) => {
          this.#stop = null;
          this.#options.stopped(error);
        },
      });
    } catch (error) {
      console.warn('[portal] live updates unavailable', error);
      this.#stop = null;
    }
  }

  stop(): void {
    this.#stop?.();
    this.#stop = null;
    this.#notice = null;
  }

  #onChange(change: CaseChange): void {
    window.dispatchEvent(new CaseChangedEvent(change));
    // The feed often brings this page's own change before the page hears back from its request: decide a
    // little later whether it is news.
    setTimeout(() => {
      const own = this.#ownChanges.get(change.caseId);
      if (own !== undefined && Date.now() - own < OWN_CHANGE_MS) return;
      if (!this.#options.active()) return;
      this.#notice = change;
      this.#host.requestUpdate();
    }, OWN_CHANGE_GRACE_MS);
  }
}
