/**
 * Where hit counts live, in fixed windows per key. In memory today (`RateLimiter`, one process); a store shared
 * by several processes (the database) implements the same calls, reading the counts, deciding and adding in one
 * write transaction so that two processes cannot both admit the last allowed call.
 */
export interface HitCounter {
  /** Hits counted on `key` in its live window (0 when it has none). */
  count(key: string, nowMs: number): number;
  /** Counts one hit on `key`, opening a window of `windowMs` when none is live. */
  add(key: string, windowMs: number, nowMs: number): void;
}

/**
 * Fixed-window counters kept in memory, keyed on the connection's address (never on a header a client can
 * forge). One process holds its own counts; behind several processes each enforces its share.
 */
export class RateLimiter implements HitCounter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  readonly #maxKeys: number;

  constructor(maxKeys = 50_000) {
    this.#maxKeys = maxKeys;
  }

  /** Counts one hit on `key`; returns false when `limit` hits were already counted in this window. */
  hit(key: string, limit: number, windowMs: number, nowMs: number): boolean {
    if (limit <= 0) return true; // 0 disables a limit
    if (this.count(key, nowMs) >= limit) return false;
    this.add(key, windowMs, nowMs);
    return true;
  }

  count(key: string, nowMs: number): number {
    const window = this.#windows.get(key);
    return window && window.resetAt > nowMs ? window.count : 0;
  }

  add(key: string, windowMs: number, nowMs: number): void {
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= nowMs) {
      if (!window && this.#windows.size >= this.#maxKeys) this.#prune(nowMs);
      window = { count: 0, resetAt: nowMs + windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
  }

  /** Keys with a live window (for tests of memory bounds). */
  get size(): number {
    return this.#windows.size;
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
