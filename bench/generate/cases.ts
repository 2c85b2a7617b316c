/**
 * Draws the cases of one batch: who writes (a pool of repeat callers and many one-time citizens), through
 * which channel, about which unit and procedure, in what words; then lives each case's story
 * (lifecycle.ts), merges some duplicates into an earlier case of the batch and adds follow-up calls.
 */
import { createHash } from 'node:crypto';
import { ACCESS_KEY_ALPHABET, ACCESS_KEY_LENGTH, formatReference, type CaseStatus, type Channel } from '@pakn/domain';
import { Life, live, type LifeContext } from './lifecycle.ts';
import type { Citizen, PlannedCase } from './plan.ts';
import * as words from './vocabulary.ts';

const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = { web_widget: 35, hotline: 25, zalo: 14, viber: 5, walk_in: 13, email: 8 };

/** The id and access key of the case at `index`, derived from the seed: the bench tracks generated cases with it. */
export function generatedIdentity(seed: number, index: number): { id: string; accessKey: string } {
  const digest = createHash('sha512').update(`pakn-generated\u0000${seed}\u0000${index}`).digest();
  const hex = digest.subarray(0, 16).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  let accessKey = '';
  for (const byte of digest.subarray(16, 16 + ACCESS_KEY_LENGTH)) accessKey += ACCESS_KEY_ALPHABET[byte % 32];
  return { id, accessKey };
}

/** Person number `n`: the same name and phone every time it is drawn (repeat callers). */
function person(n: number): Citizen {
  const family = words.FAMILY_NAMES[n % words.FAMILY_NAMES.length] ?? 'Nguyễn';
  const middle = words.MIDDLE_NAMES[Math.floor(n / 16) % words.MIDDLE_NAMES.length] ?? 'Văn';
  const given = words.GIVEN_NAMES[Math.floor(n / 224) % words.GIVEN_NAMES.length] ?? 'An';
  const phone = `09${String((n * 7919 + 1_234_567) % 100_000_000).padStart(8, '0')}`;
  return { name: `${family} ${middle} ${given}`, phone, email: n % 5 === 0 ? `congdan${n}@example.vn` : null };
}

export interface BatchContext extends LifeContext {
  readonly seed: number;
  /** The total number of cases: repeat callers are a pool of about 2% of it. */
  readonly total: number;
  readonly from: number;
  readonly span: number;
  /** The last reference number given per year. */
  readonly referenceNumbers: Map<number, number>;
  readonly siteKey: string;
  readonly accessKeyHash: (raw: string) => string;
}

function sentence(ctx: BatchContext, category: string, street: string): string {
  const { rng } = ctx;
  const problem = rng.pick(words.PROBLEMS[category] ?? words.PROBLEMS.other_violation ?? []);
  const when = `ngày ${rng.int(1, 28)}/${rng.int(1, 12)}`;
  return `${rng.pick(words.OPENINGS)} ${rng.pick(words.PROCEDURES)} ${when} tại bộ phận một cửa ${ctx.unitName(ctx.drawUnit())}, nhà tôi ở ${street}, nhưng ${problem}. ${rng.pick(words.REQUESTS)}`.trim();
}

/** The case at `index`, as the citizen submitted it (status received, its first event). */
function submitted(ctx: BatchContext, index: number): PlannedCase {
  const { rng } = ctx;
  const createdAt = ctx.from + Math.floor(((index + rng.next() * 0.9) * ctx.span) / ctx.total);
  const year = new Date(createdAt).getUTCFullYear();
  const sequence = (ctx.referenceNumbers.get(year) ?? 0) + 1;
  ctx.referenceNumbers.set(year, sequence);
  const channel = rng.weighted(CHANNEL_WEIGHTS);
  const repeat = rng.chance(0.3);
  const citizen = rng.chance(0.08) ? { name: null, phone: null, email: null } : person(repeat ? rng.int(0, Math.max(1, ctx.total / 50)) : ctx.total + index);
  const category = rng.pick(ctx.categories);
  const outOfScopeText = rng.chance(0.1);
  const { id, accessKey } = generatedIdentity(ctx.seed, index);
  const dossier = rng.chance(0.3)
    ? `000.${rng.int(10, 99)}.${rng.int(10, 99)}.H26-${String(year).slice(2)}${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`
    : null;
  return {
    id,
    reference: formatReference(year, sequence),
    accessKeyHash: ctx.accessKeyHash(accessKey),
    channel,
    siteKey: channel === 'web_widget' ? ctx.siteKey : null,
    createdAt,
    reportedCategory: category,
    concernedUnitId: ctx.drawUnit(),
    description: outOfScopeText ? rng.pick(words.OUT_OF_SCOPE_TEXTS) : sentence(ctx, category, rng.pick(words.STREETS)),
    dossierCode: dossier,
    appointmentDate: category === 'late_result' ? new Date(createdAt - rng.int(1, 20) * 86400_000).toISOString().slice(0, 10) : null,
    citizen,
    confidential: rng.chance(0.7),
    wantsUpdates: citizen.email !== null && rng.chance(0.5),
    status: 'received',
    category: null,
    outOfScopeClass: null,
    referral: null,
    unitId: null,
    answer: null,
    answeredAt: null,
    answerOutcome: null,
    forwardedAt: null,
    acknowledgedAt: null,
    assignedTo: null,
    pauses: [],
    infoQuestion: null,
    extension: null,
    rating: null,
    returnedDate: null,
    mergedInto: null,
    updatedAt: createdAt,
    events: [{ at: createdAt, kind: 'submitted', from: null, to: 'received', actor: null, note: null, visible: true }],
    letters: [],
    contacts: [],
    records: [],
    mergedHere: [],
  };
}

function statusAt(c: PlannedCase, at: number): CaseStatus {
  // The latest event at or before `at`: notes added out of order (calls, merges) sit at the array's end.
  let status: CaseStatus = 'received';
  let latest = -Infinity;
  for (const e of c.events) {
    if (e.at <= at && e.at >= latest) {
      latest = e.at;
      status = e.to;
    }
  }
  return status;
}

/** A duplicate of an earlier case of the batch, merged into it by the Centre before anything else happened. */
function mergeInto(ctx: BatchContext, duplicate: PlannedCase, primary: PlannedCase): void {
  const life = new Life(duplicate, ctx);
  if (!life.wait(0.5, 48)) return;
  life.move('merged', 'intake_officer', life.officer, primary.reference);
  duplicate.mergedInto = primary.id;
  primary.mergedHere.push(duplicate);
  primary.events.push({
    at: life.t,
    kind: 'contact_logged',
    from: statusAt(primary, life.t),
    to: statusAt(primary, life.t),
    actor: life.officer,
    note: `Gộp phản ánh trùng ${duplicate.reference}: ${duplicate.description}`,
    visible: false,
  });
  primary.updatedAt = Math.max(primary.updatedAt, life.t);
}

/** Calls about the case after it was submitted: the hotline logs them against it. */
function followUpCalls(ctx: BatchContext, c: PlannedCase): void {
  const { rng } = ctx;
  if (c.citizen.phone === null || !rng.chance(0.15)) return;
  const calls = rng.int(1, 2);
  for (let k = 0; k < calls; k++) {
    const at = c.createdAt + rng.int(1, 24 * 25) * 3600_000;
    if (at > ctx.now) continue;
    const summary = rng.pick(words.CALL_SUMMARIES);
    const officer = rng.pick(ctx.actors.intake);
    c.contacts.push({ id: ctx.newId(), at, summary, recordedBy: officer });
    const status = statusAt(c, at);
    c.events.push({ at, kind: 'contact_logged', from: status, to: status, actor: officer, note: summary, visible: false });
    c.updatedAt = Math.max(c.updatedAt, at);
  }
}

/** Cases `start` to `end - 1`, each with its whole story, in creation order. */
export function batchOfCases(ctx: BatchContext, start: number, end: number): PlannedCase[] {
  const cases: PlannedCase[] = [];
  for (let index = start; index < end; index++) {
    const c = submitted(ctx, index);
    const earlier = cases.length > 0 ? cases[ctx.rng.int(Math.max(0, cases.length - 50), cases.length - 1)] : undefined;
    if (earlier && earlier.mergedInto === null && ctx.rng.chance(0.04)) {
      mergeInto(ctx, c, earlier);
    } else {
      live(new Life(c, ctx));
      followUpCalls(ctx, c);
    }
    cases.push(c);
  }
  // Events inserted later at an earlier time (a merge, a call) take their place in the history.
  for (const c of cases) c.events.sort((a, b) => a.at - b.at);
  return cases;
}
