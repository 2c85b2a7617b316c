import { markCalendarRecounted, pendingCalendarRecounts, recountAnswerFacts, recountCaseQueues, type Db } from '@pakn/db';
import type { CalendarStore } from './calendar-store.ts';

/**
 * Counts the stored deadlines (the open cases' list keys) and answer timings (the evaluation's facts) again after
 * a year's schedule is saved, in the background.
 *
 * Why not inside the save: at a million cases that is tens of thousands of open cases and a year's answers, in
 * batches of 500, minutes rather than a request an admin waits on (and a proxy cuts). Until it is done, the
 * cases nobody touched still sort by their old deadline; every case written since the save, and every case page
 * (which computes its deadline live), already follows the new calendar. What is pending is stored (migration
 * 0020), so a recount cut short by a restart is resumed at the next start (`start()` from the server).
 */
export class CalendarRecounter {
  readonly #db: Db;
  readonly #calendars: CalendarStore;
  readonly #onError: (error: unknown) => void;
  #running: Promise<void> | null = null;
  /** A save landed during a run: look again when it ends. */
  #again = false;

  constructor(db: Db, calendars: CalendarStore, onError: (error: unknown) => void) {
    this.#db = db;
    this.#calendars = calendars;
    this.#onError = onError;
  }

  /** Counts whatever saved schedules left pending, unless a run is under way (which then looks again). */
  start(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => (this.#running = null));
  }

  /** Resolves when no run is under way (tests; a caller that must see the recounted figures). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Whether the stored figures do not follow every saved schedule yet. */
  async pending(): Promise<boolean> {
    return this.#running !== null || (await pendingCalendarRecounts(this.#db)).length > 0;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.#recount();
      } catch (error) {
        // Left pending in the database: the next save or start tries again.
        this.#onError(error);
        return;
      }
    } while (this.#again);
  }

  async #recount(): Promise<void> {
    const pending = await pendingCalendarRecounts(this.#db);
    if (pending.length === 0) return;
    // Read after the pending revisions: a save in between is either in these calendars or still pending after.
    const calendars = await this.#calendars.all();
    await recountCaseQueues(this.#db, calendars, 'all');
    // Answers sent in the earliest year saved or later; the day before 1 January in UTC is a margin for
    // Vietnam's offset.
    const first = Math.min(...pending.map((p) => p.year));
    await recountAnswerFacts(this.#db, calendars, { since: `${first - 1}-12-31T00:00:00.000Z` });
    await this.#db.write(async (tx) => {
      for (const year of pending) await markCalendarRecounted(tx, year);
    });
  }
}
