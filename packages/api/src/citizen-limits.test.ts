/**
 * The fair-limits policy with numbers, on the limiter itself and an injected clock: how much an attacker gets
 * through in an hour from one address, one /24 and one IPv6 /48, and that a citizen from another network is
 * never refused because of it (until the hard ceiling). Router-level checks are in citizen.test.ts and
 * regression/issue-9-fair-limits.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CitizenLimiter, DEFAULT_CITIZEN_LIMITS, HOUR_MS, difficultyMultiplier, sourceOf, type CitizenLimits, type LimitedAction } from './citizen-limits.ts';
import { defaultCitizenPolicy } from './citizen-policy.ts';

const START = Date.parse('2026-03-02T02:00:00Z');

/** One limiter and its clock; `call` is one attempt, true when admitted. */
function world(limits: Partial<CitizenLimits> = {}) {
  const limiter = new CitizenLimiter();
  const all = { ...DEFAULT_CITIZEN_LIMITS, ...limits };
  const state = { nowMs: START };
  return {
    state,
    /** One call; an admitted submission is then stored, as the router does after its transaction. */
    call(action: LimitedAction, address: string): boolean {
      return this.refusal(action, address) === 'ok';
    },
    refusal(action: LimitedAction, address: string): string {
      const admission = limiter.admit(action, sourceOf(address), all, state.nowMs);
      if (admission.ok && action === 'submit') limiter.recordStored(sourceOf(address), state.nowMs);
      return admission.ok ? 'ok' : admission.reason;
    },
    /** A submission admitted but then refused (a wrong proof, a field to fix): never stored. */
    failedAttempt(address: string): boolean {
      return limiter.admit('submit', sourceOf(address), all, state.nowMs).ok;
    },
    /** Attempts `tries` rounds of one call from each address, a second apart (keep it under an hour); admitted per address. */
    attack(action: LimitedAction, addresses: readonly string[], tries: number): Map<string, number> {
      const admitted = new Map<string, number>();
      for (let round = 0; round < tries; round++) {
        for (const address of addresses) {
          if (this.call(action, address)) admitted.set(address, (admitted.get(address) ?? 0) + 1);
        }
        state.nowMs += 1000;
      }
      return admitted;
    },
    used(action: LimitedAction, address: string) {
      return limiter.used(action, sourceOf(address), state.nowMs);
    },
  };
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const range = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
/** 250 addresses of one /24, as a rented block gives. */
const ONE_24 = range(250, (i) => `198.51.100.${i + 1}`);
/** 1,000 /64s of one IPv6 /48, one address each. */
const ONE_48 = range(1000, (i) => `2001:db8:77:${i.toString(16)}::1`);
/** Citizens: each from a network of their own, none of the attacker's. */
const CITIZENS = [...range(50, (i) => `203.0.${i}.10`), ...range(50, (i) => `2001:db8:${(i + 0x100).toString(16)}:1::7`), '::ffff:192.0.2.44'];

describe('issue 9: submissions an attacker gets through in an hour', () => {
  it('from one address: 20, whatever it tries; then 20 again the next hour', () => {
    const w = world();
    expect(total(w.attack('submit', ['198.51.100.7'], 1000))).toBe(20);
    expect(w.refusal('submit', '198.51.100.7')).toBe('rate_limited');
    // The same client through a dual-stack socket is the same address.
    expect(w.refusal('submit', '::ffff:198.51.100.7')).toBe('rate_limited');
    w.state.nowMs = START + HOUR_MS + 1;
    expect(total(w.attack('submit', ['198.51.100.7'], 1000))).toBe(20);
  });

  it('from 250 addresses of one /24: 60 in all, at most 20 from any one address', () => {
    const w = world();
    const admitted = w.attack('submit', ONE_24, 10);
    expect(total(admitted)).toBe(60);
    expect(Math.max(...admitted.values())).toBeLessThanOrEqual(20);
    for (const citizen of CITIZENS) expect(w.refusal('submit', citizen)).toBe('ok');
  });

  it('from 1,000 /64s of one IPv6 /48: 240 in all, at most 60 from any /64', () => {
    const w = world();
    const admitted = w.attack('submit', ONE_48, 5);
    expect(total(admitted)).toBe(240);
    // Many addresses of one /64 are one prefix.
    const oneSlash64 = range(300, (i) => `2001:db8:99:1::${(i + 1).toString(16)}`);
    expect(total(w.attack('submit', oneSlash64, 3))).toBe(60);
    for (const citizen of CITIZENS) expect(w.refusal('submit', citizen)).toBe('ok');
  });

  it('with all three at once and a ceiling low enough to reach, a fresh citizen elsewhere is still accepted', () => {
    // The ceilings a tenth of the defaults, so that this attacker fills the soft one.
    const w = world({ submitsGlobal: 200, submitsGlobalHard: 1000 });
    const attacker = [
      '198.51.100.7',
      ...ONE_24,
      ...ONE_48,
      // 40 further /24s of a hosting provider, 5 addresses each.
      ...range(40 * 5, (i) => `100.64.${Math.floor(i / 5)}.${(i % 5) + 1}`),
    ];
    const admitted = total(w.attack('submit', attacker, 20));
    // It filled the soft ceiling (200: 60 from its /24, 140 from its /48). After that each of its 40 hosting
    // /24s, fresh, still had the fair share of 3 to give (one per fresh address); its /24 and /48, already over
    // theirs, nothing.
    expect(admitted).toBe(200 + 3 * 40);
    // None of its addresses gets another one this hour...
    for (const address of ['198.51.100.7', '198.51.100.200', '100.64.3.1', '2001:db8:77:5::1', '2001:db8:77:ffff::1']) {
      expect(w.refusal('submit', address)).not.toBe('ok');
    }
    // ...while every citizen's first report of the hour from another network is accepted.
    for (const citizen of CITIZENS) expect(w.refusal('submit', citizen)).toBe('ok');
    // A citizen's second report in the same hour is not "fresh" any more while the system is loaded.
    expect(w.refusal('submit', CITIZENS[0] ?? '')).toBe('server_busy');
  });

  it('counts only stored submissions towards the ceilings: refused attempts neither fill them nor make a citizen stale', () => {
    const w = world({ submitsGlobal: 100, submitsGlobalHard: 400 });
    // Attempts that fail later (a wrong or replayed proof) from 500 networks: each network's attempts are
    // limited, but the ceilings do not move.
    for (let i = 0; i < 500; i++) for (let k = 0; k < 3; k++) w.failedAttempt(`10.${Math.floor(i / 250)}.${i % 250}.1`);
    for (let i = 0; i < 99; i++) expect(w.refusal('submit', `172.16.${i}.1`)).toBe('ok');
    // One stored submission short of the soft ceiling: a citizen's first try fails (a field to fix)...
    expect(w.failedAttempt('203.0.113.9')).toBe(true);
    expect(w.refusal('submit', '172.17.0.1')).toBe('ok');
    // ...and over the soft ceiling their corrected report is still their first stored one: accepted.
    expect(w.refusal('submit', '203.0.113.9')).toBe('ok');
  });

  it('refuses everyone at the hard ceiling, which an attacker with thousands of networks can reach', () => {
    const w = world({ submitsGlobal: 100, submitsGlobalHard: 400 });
    // A botnet: 2,000 unrelated /24s, 1 address each. Indistinguishable from citizens, so bounded only here.
    const botnet = range(2000, (i) => `10.${Math.floor(i / 250)}.${i % 250}.1`);
    expect(total(w.attack('submit', botnet, 3))).toBe(400);
    expect(w.refusal('submit', '203.0.113.9')).toBe('server_busy');
    w.state.nowMs += HOUR_MS;
    expect(w.refusal('submit', '203.0.113.9')).toBe('ok');
  });
});

describe('issue 9: tracking brute force', () => {
  it('allows 120 lookups an hour from one address and 600 from one /24 (2,400 from an IPv6 /48)', () => {
    const w = world();
    expect(total(w.attack('track', ['198.51.100.7'], 3000))).toBe(120);
    expect(total(w.attack('track', ONE_24, 20))).toBe(600 - 120);
    expect(total(w.attack('track', ONE_48, 10))).toBe(2400);
    // A citizen following their case from elsewhere is not affected.
    for (const citizen of CITIZENS) expect(w.refusal('track', citizen)).toBe('ok');
    w.state.nowMs = START + HOUR_MS + 1;
    expect(total(w.attack('track', ['198.51.100.7'], 3000))).toBe(120);
  });

  it('gives a 100-bit access key no real chance: 600 guesses an hour per /24 for a year is about 2^22', () => {
    const guessesPerYear = 600 * 24 * 365;
    expect(Math.log2(guessesPerYear)).toBeLessThan(23);
    // With a million live cases the chance of any hit stays below 2^-57 per /24 and year.
    expect(Math.log2(guessesPerYear) + Math.log2(1_000_000) - 100).toBeLessThan(-57);
  });
});

describe('issue 9: other citizen calls', () => {
  it('limits challenges and uploads per address and per /24, without a global ceiling', () => {
    const w = world();
    expect(total(w.attack('challenge', ['198.51.100.7'], 500))).toBe(60);
    expect(total(w.attack('challenge', ONE_24, 10))).toBe(300 - 60);
    expect(total(w.attack('upload', ['198.51.100.7'], 500))).toBe(60);
    expect(total(w.attack('upload', ONE_24, 10))).toBe(300 - 60);
    for (const citizen of CITIZENS) {
      expect(w.refusal('challenge', citizen)).toBe('ok');
      expect(w.refusal('upload', citizen)).toBe('ok');
    }
  });

  it('keeps prefix counts when a flood of fresh addresses fills the address map', () => {
    const limiter = new CitizenLimiter(1000);
    const limits = DEFAULT_CITIZEN_LIMITS;
    let admitted = 0;
    // 5,000 addresses of one /64: the address map drops its oldest keys again and again; the /64 count holds.
    for (let i = 0; i < 5000; i++) if (limiter.admit('submit', sourceOf(`2001:db8:5:5::${i.toString(16)}`), limits, START).ok) admitted++;
    expect(admitted).toBe(60);
  });
});

describe('issue 9: proof-of-work difficulty rises with the load from a source', () => {
  const policy = defaultCitizenPolicy();

  function difficulties(w: ReturnType<typeof world>, address: string, count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      out.push(difficultyMultiplier(w.used('challenge', address), policy));
      w.call('challenge', address);
    }
    return out;
  }

  it('doubles for one address after 5 free challenges an hour, up to 16 times', () => {
    const w = world();
    const steps = difficulties(w, '198.51.100.7', 40);
    expect(steps.slice(0, 5)).toEqual([1, 1, 1, 1, 1]);
    expect(steps.slice(5, 10)).toEqual([2, 2, 2, 2, 2]);
    expect(steps[10]).toBe(4);
    expect(steps[20]).toBe(16);
    expect(Math.max(...steps)).toBe(16);
    // A citizen elsewhere still gets the base difficulty.
    expect(difficultyMultiplier(w.used('challenge', '203.0.113.9'), policy)).toBe(1);
    // The next hour, the address starts again from the base.
    w.state.nowMs = START + HOUR_MS + 1;
    expect(difficultyMultiplier(w.used('challenge', '198.51.100.7'), policy)).toBe(1);
  });

  it('rises for every address of a /24 that takes many, so fresh addresses there do not help', () => {
    const w = world();
    for (const address of ONE_24.slice(0, 100)) w.call('challenge', address);
    // 100 challenges from the /24: 20 free, then doubling every 20, up to 16 times.
    expect(difficultyMultiplier(w.used('challenge', '198.51.100.250'), policy)).toBe(16);
    expect(difficultyMultiplier(w.used('challenge', '198.51.101.1'), policy)).toBe(1);
  });

  it('rises for the /64s of one /48 together', () => {
    const w = world();
    for (const address of ONE_48.slice(0, 160)) w.call('challenge', address);
    // 160 from the /48: its free allowance is 80, so one doubling; a fresh /64 of it pays that too.
    expect(difficultyMultiplier(w.used('challenge', '2001:db8:77:ffff::1'), policy)).toBe(4);
    expect(difficultyMultiplier(w.used('challenge', '2001:db8:78:1::1'), policy)).toBe(1);
  });

  it('stays at the base when the multiplier is 1 (the end-to-end suite)', () => {
    const w = world();
    const fixed = defaultCitizenPolicy({ powMaxMultiplier: 1 });
    for (let i = 0; i < 50; i++) w.call('challenge', '127.0.0.1');
    expect(difficultyMultiplier(w.used('challenge', '127.0.0.1'), fixed)).toBe(1);
  });
});
