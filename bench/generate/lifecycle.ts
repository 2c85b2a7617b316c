/**
 * Walks one case through the Centre's process, move by move, until its story ends or the clock reaches
 * "now": old cases are mostly answered or referred, recent ones are still open at whatever stage they have
 * reached. Every status change goes through the domain's `move()`, so the history obeys the same rules as
 * the application's; events that do not change the status take the status the case has at their time.
 */
import { DEFAULT_REFERRALS, EXTENSION_MAX_DAYS, OUT_OF_SCOPE_CLASSES, move, type CaseEventKind, type CaseMove, type Mover } from '@pakn/domain';
import type { PlannedCase } from './plan.ts';
import type { Random } from './random.ts';
import * as words from './vocabulary.ts';

const HOUR = 3600_000;

/** The generated staff who act on cases (ids of rows the generator wrote). */
export interface Actors {
  readonly intake: readonly string[];
  readonly director: string;
  handler(unitId: string): string;
  head(unitId: string): string;
}

export interface LifeContext {
  readonly rng: Random;
  readonly now: number;
  readonly actors: Actors;
  readonly unitName: (unitId: string) => string;
  /** The last register number given per year (letters are numbered when approved). */
  readonly letterNumbers: Map<number, number>;
  readonly categories: readonly string[];
  /** A unit that receives forwarded cases, drawn with realistic weights. */
  readonly drawUnit: () => string;
  readonly newId: () => string;
}

/** A case's story in progress: its clock and the officer who handles it at the Centre. */
export class Life {
  t: number;
  readonly officer: string;

  constructor(
    readonly c: PlannedCase,
    readonly ctx: LifeContext,
  ) {
    this.t = c.createdAt;
    this.officer = ctx.rng.pick(ctx.actors.intake);
  }

  /** Moves the clock on by a random span; false once it passes "now" (the story stops there). */
  wait(minHours: number, maxHours: number): boolean {
    this.t += Math.round((minHours + this.ctx.rng.next() * (maxHours - minHours)) * HOUR);
    return this.t <= this.ctx.now;
  }

  /** A move of the workflow, checked by the domain's rules. */
  move(kind: CaseMove, by: Mover, actor: string | null, note: string | null = null): void {
    const moved = move({ status: this.c.status, unitId: this.c.unitId }, kind, { role: by, unitId: this.c.unitId }, note);
    this.c.events.push({ at: this.t, kind, from: moved.from, to: moved.to, actor, note, visible: moved.visibleToCitizen });
    this.c.status = moved.to;
    this.c.updatedAt = this.t;
  }

  /** An event that does not change the status (an extension, an assignment, a call). */
  note(kind: CaseEventKind, actor: string | null, note: string | null, at = this.t): void {
    this.c.events.push({ at, kind, from: this.c.status, to: this.c.status, actor, note, visible: false });
    this.c.updatedAt = Math.max(this.c.updatedAt, at);
  }
}

/** Classification: out of scope (referred) or in scope, then forwarding and handling. */
export function live(life: Life): void {
  const { c, ctx } = life;
  const { rng } = ctx;
  if (!life.wait(0.2, 30)) return;
  if (rng.chance(0.12)) {
    const outOfScope = rng.pick(OUT_OF_SCOPE_CLASSES);
    c.outOfScopeClass = outOfScope;
    c.referral = DEFAULT_REFERRALS[outOfScope].vi;
    life.move('referred', 'intake_officer', life.officer, c.referral);
    return;
  }
  c.category = rng.chance(0.9) ? c.reportedCategory : rng.pick(ctx.categories);
  life.move('classified_in_scope', 'intake_officer', life.officer);
  // A few cases wait at the Centre for weeks: the follow-up lists' overdue classification.
  if (rng.chance(0.004) && !life.wait(24 * 20, 24 * 40)) return;
  if (!forward(life)) return;
  handle(life);
}

/** Drafts the forwarding letter, sometimes has it returned and redrafted, and forwards. */
function forward(life: Life): boolean {
  const { c, ctx } = life;
  const { rng, actors } = ctx;
  const unitId = c.concernedUnitId;
  for (let attempt = 0; ; attempt++) {
    if (!life.wait(1, 40)) return false;
    const letter = {
      id: ctx.newId(),
      unitId,
      status: 'draft' as 'draft' | 'approved' | 'returned',
      draftedBy: life.officer,
      draftedAt: life.t,
      decidedBy: null as string | null,
      decidedAt: null as number | null,
      comment: null as string | null,
      year: null as number | null,
      number: null as number | null,
    };
    c.letters.push(letter);
    life.move('forwarding_drafted', 'intake_officer', life.officer, ctx.unitName(unitId));
    if (!life.wait(1, 30)) return false;
    letter.decidedBy = actors.director;
    letter.decidedAt = life.t;
    if (attempt === 0 && rng.chance(0.07)) {
      letter.status = 'returned';
      letter.comment = rng.pick(words.RETURN_NOTES);
      life.move('forwarding_returned', 'director', actors.director, letter.comment);
      continue;
    }
    const year = new Date(life.t).getUTCFullYear();
    const number = (ctx.letterNumbers.get(year) ?? 0) + 1;
    ctx.letterNumbers.set(year, number);
    letter.status = 'approved';
    letter.year = year;
    letter.number = number;
    c.unitId = unitId;
    c.forwardedAt = life.t;
    life.move('forwarded', 'director', actors.director);
    return true;
  }
}

/** The unit acknowledges, may ask the citizen, ask for more time, answer; the Centre verifies. */
function handle(life: Life): void {
  const { c, ctx } = life;
  const { rng, actors } = ctx;
  const unitId = c.unitId ?? c.concernedUnitId;
  const handler = actors.handler(unitId);
  if (!life.wait(2, 60)) return;
  c.acknowledgedAt = life.t;
  life.move('acknowledged', 'unit_handler', handler);
  if (rng.chance(0.4) && life.wait(1, 24)) {
    c.assignedTo = handler;
    life.note('assigned', actors.head(unitId), null);
  }
  if (rng.chance(0.1)) {
    if (!life.wait(12, 96)) return;
    c.infoQuestion = rng.pick(words.UNIT_QUESTIONS);
    c.pauses.push({ from: new Date(life.t).toISOString(), to: null });
    life.move('info_requested', 'unit_handler', handler, c.infoQuestion);
    if (!life.wait(12, 24 * 8)) return;
    c.pauses = c.pauses.map((p) => (p.to === null ? { ...p, to: new Date(life.t).toISOString() } : p));
    c.infoQuestion = null;
    life.move('info_provided', 'citizen', null, rng.pick(words.CITIZEN_REPLIES));
  }
  if (rng.chance(0.08) && !extend(life, handler)) return;
  if (rng.chance(0.03) && life.wait(24, 24 * 5)) {
    const note = rng.pick(words.RECORD_NOTES.reminder);
    life.note('reminder_sent', life.officer, note);
    c.records.push({ id: ctx.newId(), unitId, kind: 'reminder', note, recordedBy: life.officer, at: life.t });
  }
  answer(life, handler);
}

/** The unit asks for more days; the Director approves most requests. */
function extend(life: Life, handler: string): boolean {
  const { c, ctx } = life;
  if (!life.wait(24, 24 * 8)) return false;
  c.extension = { status: 'requested', days: ctx.rng.int(3, EXTENSION_MAX_DAYS), reason: ctx.rng.pick(words.EXTENSION_REASONS) };
  life.note('extension_requested', handler, c.extension.reason);
  if (!life.wait(2, 48)) return false;
  const approved = ctx.rng.chance(0.75);
  c.extension = { ...c.extension, status: approved ? 'approved' : 'refused' };
  life.note(approved ? 'extension_approved' : 'extension_refused', ctx.actors.director, approved ? null : 'Không đủ căn cứ gia hạn.');
  return true;
}

function answer(life: Life, handler: string): void {
  const { c, ctx } = life;
  const { rng } = ctx;
  const late = rng.chance(0.15);
  if (!life.wait(24, late ? 24 * 40 : 24 * 14)) return;
  c.answer = rng.pick(words.ANSWERS);
  c.answerOutcome = rng.pick(['substantiated', 'partly_substantiated', 'not_substantiated'] as const);
  life.move('answer_submitted', 'unit_handler', handler);
  if (!life.wait(2, 48)) return;
  if (rng.chance(0.08)) {
    life.move('answer_returned', 'intake_officer', life.officer, rng.pick(words.RETURN_NOTES));
    if (!life.wait(24, 24 * 6)) return;
    life.move('answer_submitted', 'unit_handler', handler);
    if (!life.wait(2, 48)) return;
  }
  c.answeredAt = life.t;
  life.move('answered', 'intake_officer', life.officer);
  const unitId = c.unitId ?? c.concernedUnitId;
  if (late && rng.chance(0.4)) {
    c.records.push({ id: ctx.newId(), unitId, kind: 'reprimand', note: rng.pick(words.RECORD_NOTES.reprimand), recordedBy: ctx.actors.director, at: life.t });
  } else if (rng.chance(0.03)) {
    c.records.push({
      id: ctx.newId(),
      unitId,
      kind: 'commendation',
      note: rng.pick(words.RECORD_NOTES.commendation),
      recordedBy: ctx.actors.director,
      at: life.t,
    });
  }
  afterAnswer(life);
}

/** The citizen's rating, and now and then a review request that the Centre settles. */
function afterAnswer(life: Life): void {
  const { c, ctx } = life;
  const { rng } = ctx;
  if (rng.chance(0.04)) {
    if (!life.wait(24, 24 * 10)) return;
    life.move('review_requested', 'citizen', null, rng.pick(words.REVIEW_REASONS));
    if (!life.wait(24, 24 * 7)) return;
    c.answeredAt = life.t;
    life.move('answer_confirmed', 'intake_officer', life.officer, 'Trung tâm giữ nguyên kết quả trả lời của đơn vị.');
  }
  if (rng.chance(0.4) && life.wait(2, 24 * 10)) {
    const score = rng.weighted({ 1: 1, 2: 1, 3: 2, 4: 4, 5: 4 });
    c.rating = { score: Number(score), comment: score === '1' ? 'Chưa hài lòng với cách giải quyết.' : null, at: life.t };
    c.updatedAt = life.t;
  }
}
