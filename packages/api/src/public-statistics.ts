import { createHash } from 'node:crypto';
import { reportCutOffDay } from './report-cut-off.ts';
import { listUnits, publicStatisticsFacts, type Db } from '@pakn/db';
import {
  PUBLIC_MIN_CASES,
  PUBLIC_MIN_RATINGS,
  publicPeriod,
  publicStatistics,
  vietnamDateOf,
  type PublicPeriod,
  type PublicPeriodKey,
  type PublicStatistics,
  type PublicUnitFigures,
} from '@pakn/domain';

/** How long a period's figures are served from memory: the facts move with every verified answer, the page need not. */
export const PUBLIC_STATISTICS_TTL_MS = 5 * 60_000;

export interface PublicSnapshot {
  readonly period: PublicPeriod;
  readonly statistics: PublicStatistics;
  /** A strong validator of the figures (HTTP ETag): a hash of them, the same for the same figures. */
  readonly version: string;
  /** When they were computed (service clock), for the page's "as of". */
  readonly computedAt: string;
}

interface Entry<T> {
  readonly value: Promise<T>;
  readonly expiresAt: number;
}

/**
 * A value per key computed at most once per `ttlMs`: callers that arrive while it is being computed share the
 * same promise (one read of the database however many requests come at once), and a failed computation is
 * forgotten so that the next caller tries again. `clock` is injected (milliseconds, monotonic by default) so
 * that tests move time instead of waiting. The keys are few (the public periods of the current day).
 */
export class SingleFlightCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly maxKeys = 64,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    const value = compute();
    // A key of a past day stays until evicted: the oldest go first.
    if (!entry && this.#entries.size >= this.maxKeys) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAt: now + this.ttlMs });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }
}

export interface PublicStatisticsOptions {
  readonly db: Db;
  /** The service clock: which day it is (tests and e2e move it). */
  readonly now: () => Date;
  /** The cache's clock, in milliseconds. */
  readonly cacheClock?: () => number;
  readonly ttlMs?: number;
}

/** The public statistics of a period, computed from the unit sums (two to four small reads) and kept for a few minutes. */
export class PublicStatisticsService {
  readonly #cache: SingleFlightCache<PublicSnapshot>;

  constructor(private readonly options: PublicStatisticsOptions) {
    this.#cache = new SingleFlightCache(options.ttlMs ?? PUBLIC_STATISTICS_TTL_MS, options.cacheClock);
  }

  snapshot(key: PublicPeriodKey): Promise<PublicSnapshot> {
    const now = this.options.now();
    const today = vietnamDateOf(now);
    // The reporting periods follow the admin's cut-off day, read with the figures: a change shows within the TTL.
    return this.#cache.get(`${key}|${today}`, async () => {
      const { db } = this.options;
      const period = publicPeriod(key, today, await reportCutOffDay(db));
      const [units, facts] = await Promise.all([listUnits(db), publicStatisticsFacts(db, period)]);
      const statistics = publicStatistics(units, facts, period);
      const version = createHash('sha256')
        .update(JSON.stringify([period, statistics]))
        .digest('base64url')
        .slice(0, 22);
      return { period, statistics, version, computedAt: now.toISOString() };
    });
  }
}

/**
 * What the public read of a period shows (the JSON of /api/v1/statistics and `statistics.public`): the period,
 * when the figures were computed, the small-sample thresholds, and one unit's figures or the city's and every
 * unit's. Counts, rates, averages and names of units only: no case, person, text or staff member is in a snapshot.
 */
export function publicStatisticsView(snapshot: PublicSnapshot, unit?: PublicUnitFigures) {
  const { period, statistics, computedAt } = snapshot;
  const common = {
    period: { key: period.key, from: period.from, to: period.to, name: period.name },
    computedAt,
    minCases: PUBLIC_MIN_CASES,
    minRatings: PUBLIC_MIN_RATINGS,
  };
  return unit ? { ...common, unit } : { ...common, city: statistics.city, units: statistics.units };
}
