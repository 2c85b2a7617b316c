/** One figure of `pnpm bench`, as bench/results.json and docs/benchmarks.json keep it. */
export interface Result {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The budget: value (or ratio, see goalOn) must be at most this or at least it, see `better`. */
  readonly goal: number | null;
  readonly better: 'lower' | 'higher';
  /** What the value is compared with in the same run (bare Hono, raw inserts, the demo data). */
  readonly baseline?: number | null;
  /** value / baseline. */
  readonly ratio?: number | null;
  /** Which number the goal is about; the value unless said. */
  readonly goalOn?: 'value' | 'ratio';
}

export function withinGoal(r: Result): boolean {
  if (r.goal === null) return true;
  const measured = r.goalOn === 'ratio' ? (r.ratio ?? NaN) : r.value;
  return r.better === 'lower' ? measured <= r.goal : measured >= r.goal;
}

export function describe(r: Result): string {
  const ok = withinGoal(r);
  const baseline = r.baseline === undefined || r.baseline === null ? '' : ` baseline ${r.baseline}`;
  const ratio = r.ratio === undefined || r.ratio === null ? '' : ` ratio ${r.ratio}`;
  const goal =
    r.goal === null
      ? '(no goal)'
      : `goal ${r.goalOn === 'ratio' ? 'ratio ' : ''}${r.better === 'lower' ? '≤' : '≥'} ${r.goal}${r.goalOn === 'ratio' ? '' : ` ${r.unit}`}`;
  return `${ok ? 'ok  ' : 'OVER'} ${r.name.padEnd(52)} ${String(r.value).padStart(9)} ${r.unit.padEnd(9)}${baseline}${ratio} ${goal}`;
}

export function ratio(value: number, baseline: number): number {
  return baseline === 0 ? NaN : Number((value / baseline).toFixed(3));
}
