/**
 * Fair limits on what anyone on the internet may call: submissions, proof-of-work challenges, tracking lookups
 * and uploads. They must degrade fairly: one attacker may exhaust its own share, never the citizens'.
 *
 * Who a caller is. Every call counts against its source at three levels: the client address; its prefix (IPv4
 * /24, IPv6 /64); and its network (IPv6 /48; for IPv4 the /24 again). One subscriber holds a whole /64 and
 * often a /48, and 250 addresses of one /24 are cheap to rent, so a limit per address alone limits nothing.
 * A network's limits are NETWORK_FACTOR times its prefix's (a /48 counts as a few /64s, not as one).
 *
 * Submissions, checked in this order (the first that fails refuses the call, and a refused call counts nowhere).
 * The per-source limits count attempts; the ceilings and fair shares count submissions stored (`recordStored`),
 * so that refused or replayed proofs cannot fill them and a citizen's failed first try leaves them fresh.
 *  1. Per source, per hour: `submitsPerAddress` attempts from the address, `submitsPerPrefix` from its prefix,
 *     NETWORK_FACTOR × `submitsPerPrefix` from its network. Refused as `rate_limited`.
 *  2. The hard ceiling: once everyone together sent `submitsGlobalHard` this hour, everyone is refused
 *     (`server_busy`). It protects the database and the Centre's staff, whoever the senders are.
 *  3. The soft ceiling sheds abusers first: once everyone together sent `submitsGlobal` this hour, only sources
 *     still within a fair share are accepted: an address that sent fewer than `fairSharePerAddress` (1: its first
 *     report of the hour), in a prefix that sent fewer than `fairSharePerPrefix`, in a network that sent fewer
 *     than NETWORK_FACTOR × that. The sources that filled the soft ceiling have all used more than that; a
 *     citizen's first report of the hour from a network the attacker does not hold has not, and is accepted until
 *     the hard ceiling. Refused as `server_busy`.
 *
 * With the defaults an attacker gets at most 20 reports an hour from one address, 60 from one /24 or one /64,
 * 240 from one IPv6 /48; to fill the soft ceiling (2,000) it needs 34 /24s, and once it is full each further
 * fresh /24 it holds adds at most 3 until the hard ceiling (10,000), so reaching that takes some 2,700 more
 * /24s. What this cannot tell apart: an attacker holding thousands of unrelated networks (a botnet) looks like
 * thousands of citizens; the hard ceiling and the proof of work are all that bound it.
 *
 * Tracking, challenges, uploads and the public statistics have the per-source limits (1) and no global ceiling: a global one would let
 * one attacker lock every citizen out again. Challenges also get harder for a busy source (`difficultyMultiplier`).
 *
 * Counters are fixed one-hour windows in this process's memory (`RateLimiter`). Addresses, prefixes, networks
 * and the global count live in separate maps, so a flood of fresh addresses that fills the address map (and
 * drops its oldest keys) cannot reset a prefix's, a network's or everyone's count. To share the counts between
 * processes, back `CitizenLimiter` by a `HitCounter` over the database (see rate-limit.ts).
 */
import { addressNetwork, addressPrefix, normalizeAddress } from './address-prefix.ts';
import { RateLimiter, type HitCounter } from './rate-limit.ts';

/** Limits per hour. 0 turns a limit off (tests of other behaviour, load benchmarks). */
export interface CitizenLimits {
  readonly submitsPerAddress: number;
  /** Per IPv4 /24 or IPv6 /64 (an IPv6 /48 gets NETWORK_FACTOR times as many). */
  readonly submitsPerPrefix: number;
  /** Everyone together: above it, only sources within their fair share are accepted. */
  readonly submitsGlobal: number;
  /** Everyone together: above it, no one is accepted. At least `submitsGlobal`. */
  readonly submitsGlobalHard: number;
  /** Under load (above `submitsGlobal`): what an address may already have sent this hour and still be accepted. */
  readonly fairSharePerAddress: number;
  /** Under load: what a prefix may already have sent this hour (a network: NETWORK_FACTOR times as many). */
  readonly fairSharePerPrefix: number;
  readonly tracksPerAddress: number;
  readonly tracksPerPrefix: number;
  readonly challengesPerAddress: number;
  readonly challengesPerPrefix: number;
  readonly uploadsPerAddress: number;
  readonly uploadsPerPrefix: number;
  /** The public statistics (issue 12): generous, as many visitors of a ward's site may share one address. */
  readonly statisticsPerAddress: number;
  readonly statisticsPerPrefix: number;
}

export const DEFAULT_CITIZEN_LIMITS: CitizenLimits = {
  submitsPerAddress: 20,
  submitsPerPrefix: 60,
  submitsGlobal: 2000,
  submitsGlobalHard: 10_000,
  fairSharePerAddress: 1,
  fairSharePerPrefix: 3,
  tracksPerAddress: 120,
  tracksPerPrefix: 600,
  challengesPerAddress: 60,
  challengesPerPrefix: 300,
  uploadsPerAddress: 60,
  uploadsPerPrefix: 300,
  statisticsPerAddress: 600,
  statisticsPerPrefix: 3000,
};

/** Every limit off: benchmarks of the server's own work, and tests of other behaviour. */
export const NO_CITIZEN_LIMITS: CitizenLimits = {
  submitsPerAddress: 0,
  submitsPerPrefix: 0,
  submitsGlobal: 0,
  submitsGlobalHard: 0,
  fairSharePerAddress: 0,
  fairSharePerPrefix: 0,
  tracksPerAddress: 0,
  tracksPerPrefix: 0,
  challengesPerAddress: 0,
  challengesPerPrefix: 0,
  uploadsPerAddress: 0,
  uploadsPerPrefix: 0,
  statisticsPerAddress: 0,
  statisticsPerPrefix: 0,
};

/** An IPv6 /48 counts as this many /64s: its limits, fair share and free challenges are this many times a prefix's. */
const NETWORK_FACTOR = 4;

export const HOUR_MS = 3600_000;

export type LimitedAction = 'submit' | 'track' | 'challenge' | 'upload' | 'statistics';

/** A client address and the networks it belongs to (see address-prefix.ts). */
export interface Source {
  readonly address: string;
  readonly prefix: string;
  readonly network: string;
}

export function sourceOf(clientAddress: string): Source {
  return { address: normalizeAddress(clientAddress), prefix: addressPrefix(clientAddress), network: addressNetwork(clientAddress) };
}

/** Calls of one action a source made in the current hour, at each level. */
export interface SourceCounts {
  readonly address: number;
  readonly prefix: number;
  readonly network: number;
}

type Refusal = { readonly reason: 'rate_limited' | 'server_busy'; readonly level: keyof SourceCounts | 'global' };

export type Admission = ({ readonly ok: true } & { readonly used: SourceCounts }) | ({ readonly ok: false } & Refusal);

function perSourceLimits(action: LimitedAction, limits: CitizenLimits): SourceCounts {
  const [address, prefix] =
    action === 'submit'
      ? [limits.submitsPerAddress, limits.submitsPerPrefix]
      : action === 'track'
        ? [limits.tracksPerAddress, limits.tracksPerPrefix]
        : action === 'challenge'
          ? [limits.challengesPerAddress, limits.challengesPerPrefix]
          : action === 'statistics'
            ? [limits.statisticsPerAddress, limits.statisticsPerPrefix]
            : [limits.uploadsPerAddress, limits.uploadsPerPrefix];
  return { address, prefix, network: prefix * NETWORK_FACTOR };
}

const LEVELS = ['address', 'prefix', 'network'] as const;

/** Submissions stored this hour (not attempts): what the ceilings and the fair share are about. */
interface StoredLoad {
  readonly source: SourceCounts;
  readonly global: number;
}

/**
 * The policy described at the top of this file: null admits the call. `attempts` are the source's calls of
 * `action` admitted before this one; `stored` the submissions stored this hour. Pure, so that a store shared by
 * several processes can run it between its read and its write.
 */
function judge(action: LimitedAction, attempts: SourceCounts, stored: StoredLoad, limits: CitizenLimits): Refusal | null {
  const perSource = perSourceLimits(action, limits);
  for (const level of LEVELS) {
    if (perSource[level] > 0 && attempts[level] >= perSource[level]) return { reason: 'rate_limited', level };
  }
  if (action !== 'submit') return null;
  if (limits.submitsGlobalHard > 0 && stored.global >= limits.submitsGlobalHard) return { reason: 'server_busy', level: 'global' };
  if (limits.submitsGlobal > 0 && stored.global >= limits.submitsGlobal) {
    const fairShare: SourceCounts = {
      address: limits.fairSharePerAddress,
      prefix: limits.fairSharePerPrefix,
      network: limits.fairSharePerPrefix * NETWORK_FACTOR,
    };
    for (const level of LEVELS) if (stored.source[level] >= fairShare[level]) return { reason: 'server_busy', level };
  }
  return null;
}

/** Counters kept for submissions that were stored, beside those of attempts. */
const STORED = 'stored';

/** The counters of every limited action. One per API instance (see `ApiServices.limiter`). */
export class CitizenLimiter {
  readonly #addresses: HitCounter;
  readonly #prefixes: HitCounter;
  readonly #networks: HitCounter;
  readonly #global: HitCounter;

  /** `maxKeys` bounds each map's memory (an entry is about 150 bytes). */
  constructor(maxKeys = 50_000) {
    this.#addresses = new RateLimiter(maxKeys);
    this.#prefixes = new RateLimiter(maxKeys);
    this.#networks = new RateLimiter(maxKeys);
    this.#global = new RateLimiter(16);
  }

  /** Counts of `action` (or of stored submissions) from the source in its current windows. */
  used(action: LimitedAction | typeof STORED, source: Source, nowMs: number): SourceCounts {
    return {
      address: this.#addresses.count(`${action}|${source.address}`, nowMs),
      prefix: this.#prefixes.count(`${action}|${source.prefix}`, nowMs),
      network: this.#networks.count(`${action}|${source.network}`, nowMs),
    };
  }

  /**
   * Decides one call and, when admitted, counts it as an attempt at every level. Returns the attempts from
   * before the call (the proof of work's difficulty grows with them), or why it is refused.
   */
  admit(action: LimitedAction, source: Source, limits: CitizenLimits, nowMs: number): Admission {
    const attempts = this.used(action, source, nowMs);
    const stored: StoredLoad =
      action === 'submit' ? { source: this.used(STORED, source, nowMs), global: this.#global.count(STORED, nowMs) } : { source: attempts, global: 0 };
    const refusal = judge(action, attempts, stored, limits);
    if (refusal) return { ok: false, ...refusal };
    this.#count(action, source, nowMs);
    return { ok: true, used: attempts };
  }

  /**
   * A submission was stored. Only these count towards the ceilings and a source's fair share: a citizen whose
   * first try failed (a field to fix, a network error) is still fresh, and an attacker cannot fill the ceilings
   * with refused or replayed proofs. Submissions in flight at once can pass a ceiling by as many as they are.
   */
  recordStored(source: Source, nowMs: number): void {
    this.#count(STORED, source, nowMs);
    this.#global.add(STORED, HOUR_MS, nowMs);
  }

  #count(kind: LimitedAction | typeof STORED, source: Source, nowMs: number): void {
    this.#addresses.add(`${kind}|${source.address}`, HOUR_MS, nowMs);
    this.#prefixes.add(`${kind}|${source.prefix}`, HOUR_MS, nowMs);
    this.#networks.add(`${kind}|${source.network}`, HOUR_MS, nowMs);
  }
}

/** What raises the proof of work's difficulty for a source that asks for many challenges. */
export interface DifficultyPolicy {
  /** The most the base difficulty is multiplied by; 1 keeps it fixed (end-to-end tests). */
  readonly powMaxMultiplier: number;
  /** Challenges an address gets at the base difficulty per hour; every further as many double it. */
  readonly powFreeChallengesPerAddress: number;
  /** The same for a prefix (a network: NETWORK_FACTOR times as many). */
  readonly powFreeChallengesPerPrefix: number;
}

/**
 * How many times the base difficulty a source's next challenge gets: 1 within the free allowance of its
 * address, prefix and network; doubling with every further allowance used at any level; at most
 * `powMaxMultiplier`. Citizens take one or two challenges an hour; a source that takes a hundred pays for them.
 */
export function difficultyMultiplier(used: SourceCounts, policy: DifficultyPolicy): number {
  const steps = (count: number, free: number) => (free > 0 ? Math.floor(count / free) : 0);
  const doublings = Math.max(
    steps(used.address, policy.powFreeChallengesPerAddress),
    steps(used.prefix, policy.powFreeChallengesPerPrefix),
    steps(used.network, policy.powFreeChallengesPerPrefix * NETWORK_FACTOR),
  );
  const max = Math.max(1, policy.powMaxMultiplier);
  return Math.min(max, 2 ** Math.min(doublings, 30));
}
