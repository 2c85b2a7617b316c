import { loadWorkingCalendars, type Db, type WorkingCalendars } from '@pakn/db';
import { buildCalendar, type OfficeHours, type WorkingCalendar, type YearSchedule } from '@pakn/domain';

/**
 * The working-day calendars in force: the Centre's (standard office hours) and each unit's (its own office
 * hours), all with the statutory holidays plus the yearly schedules. Schedules saved by admins replace the
 * published defaults of their year. Reloaded after a change here, and every `ttlMs` to see changes made
 * through another process.
 */
export class CalendarStore {
  readonly #db: Db;
  readonly #ttlMs: number;
  #loaded: Promise<WorkingCalendars & { at: number }> | null = null;
  readonly #clock: () => number;

  constructor(db: Db, options: { ttlMs?: number; clock?: () => number } = {}) {
    this.#db = db;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#clock = options.clock ?? (() => performance.now());
  }

  async #state() {
    const current = this.#loaded ? await this.#loaded : null;
    if (current && this.#clock() - current.at < this.#ttlMs) return current;
    this.#loaded = this.#load();
    return this.#loaded;
  }

  async #load() {
    return { ...(await loadWorkingCalendars(this.#db)), at: this.#clock() };
  }

  /** Every calendar in force: what the cases' list keys are computed with (refreshCaseQueue). */
  async all(): Promise<WorkingCalendars> {
    return this.#state();
  }

  /** The Centre's calendar: classification and forwarding are counted on it. */
  async centre(): Promise<WorkingCalendar> {
    return (await this.#state()).centre;
  }

  /** A unit's calendar (its own office hours), or the Centre's when the unit keeps the standard hours. */
  async forUnit(unitId: string | null): Promise<WorkingCalendar> {
    const state = await this.#state();
    return (unitId ? state.units.get(unitId) : undefined) ?? state.centre;
  }

  /** The schedule in force for a year (saved, or published default), if any. */
  async schedule(year: number): Promise<YearSchedule | null> {
    return (await this.#state()).schedules.find((s) => s.year === year) ?? null;
  }

  /** A calendar as it would be with `schedule` replacing its year: for previews before saving. */
  async preview(schedule: YearSchedule, officeHours?: OfficeHours): Promise<WorkingCalendar> {
    const state = await this.#state();
    const schedules = [...state.schedules.filter((s) => s.year !== schedule.year), schedule];
    return buildCalendar(officeHours ? { officeHours, schedules } : { schedules });
  }

  invalidate(): void {
    this.#loaded = null;
  }
}
