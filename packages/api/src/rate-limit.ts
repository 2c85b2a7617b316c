/**
 * Fixed-window counters kept in memory, keyed on the connection's address (never on a header a client can
 * forge). One process holds its own counts; behind several processes each enforces its share.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  readonly #maxKeys: number;

  constructor(maxKeys = 50_000) {
    this.#maxKeys = maxKeys;
  }

  /** Counts one hit on `key`; returns false when `limit` hits were already counted in this window. */
  hit(key: string, limit: number, windowMs: number, nowMs: number): boolean {
    if (limit <= 0) return true; // 0 disables a limit
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= nowMs) {
      if (this.#windows.size >= this.#maxKeys) this.#prune(nowMs);
      window = { count: 0, resetAt: nowMs + windowMs };
      this.#windows.set(key, window);
    }
    if (window.count >= limit) return false;
    window.count++;
    return true;
  }

  #prune(nowMs: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= nowMs) this.#windows.delete(key);
    // Still full of live windows (a flood of addresses): drop the oldest half rather than grow without bound.
    if (this.#windows.size >= this.#maxKeys) {
      let drop = Math.floor(this.#maxKeys / 2);
      for (const key of this.#windows.keys()) {
        if (drop-- <= 0) break;
        this.#windows.delete(key);
      }
    }
  }
}
