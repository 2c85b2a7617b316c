import { EventEmitter } from 'node:events';

/** A session that ended (logout), or every session of an account that was disabled or changed. */
export type SessionEnd = { readonly tokenHash: string } | { readonly staffId: string };

/**
 * In-process signal that sessions ended, so that open live streams of this process end at once. Streams also
 * re-check their session periodically, which covers expiry and changes made by another server process.
 */
export class SessionEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per open live stream.
    this.#emitter.setMaxListeners(0);
  }

  ended(end: SessionEnd): void {
    this.#emitter.emit('ended', end);
  }

  /** Calls `listener` on every end; returns the function that stops listening. */
  onEnded(listener: (end: SessionEnd) => void): () => void {
    this.#emitter.on('ended', listener);
    return () => this.#emitter.off('ended', listener);
  }
}
