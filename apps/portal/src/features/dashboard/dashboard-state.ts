import { CALENDAR_PERIOD_KINDS, DashboardInputSchema, UNIT_GROUP_KEYS, calendarPeriod, type CalendarPeriodKind, type UnitGroupKey } from '@pakn/domain';
import { BASE_PATH } from '#shared/pages.ts';

/**
 * The dashboard's filters, as they live in its address (shareable; Back and Forward walk through them):
 * `period` (a calendar period kind, or `range`), `date` (a day inside it; default today), `from` and `to` (a range
 * typed by hand), `group` (wards, branches, departments) or `unit`, and `grain` (day, week or month) of the chart.
 */
export interface DashboardState {
  readonly period: CalendarPeriodKind | 'range';
  readonly date: string;
  readonly from: string;
  readonly to: string;
  readonly group: UnitGroupKey | '';
  readonly unit: string;
  readonly grain: Grain;
}
export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  (values as readonly string[]).includes(value) ? (value as T) : fallback;

/** The grain that suits a period's length: days up to a month, weeks up to half a year, then months. */
function defaultGrain(from: string, to: string): Grain {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return days <= 31 ? 'day' : days <= 184 ? 'week' : 'month';
}

/** The state of the attributes the shell sets from the address; anything unreadable falls back to this month. */
export function readState(attrs: Readonly<Record<'period' | 'date' | 'from' | 'to' | 'group' | 'unit' | 'grain', string>>, today: string): DashboardState {
  const period = oneOf([...CALENDAR_PERIOD_KINDS, 'range'] as const, attrs.period, 'month');
  const date = DATE.test(attrs.date) ? attrs.date : today;
  const range = period === 'range' ? { from: attrs.from, to: attrs.to } : calendarPeriod(period, date);
  const group = oneOf(['', ...UNIT_GROUP_KEYS] as const, attrs.group, '');
  return {
    period,
    date,
    from: range.from,
    to: range.to,
    group: attrs.unit ? '' : group,
    unit: attrs.unit,
    grain: oneOf(GRAINS, attrs.grain, defaultGrain(range.from, range.to)),
  };
}

/** The procedure's input of a state, or the reason it cannot be asked (a reversed or too long range). */
export function stateInput(state: DashboardState) {
  return DashboardInputSchema.safeParse({
    from: state.from,
    to: state.to,
    ...(state.group ? { group: state.group } : {}),
    ...(state.unit ? { unitId: state.unit } : {}),
  });
}

/** The dashboard's address for a state: only what differs from the defaults is written. */
export function stateUrl(state: DashboardState, today: string): string {
  const params = new URLSearchParams();
  if (state.period !== 'month') params.set('period', state.period);
  if (state.period === 'range') {
    params.set('from', state.from);
    params.set('to', state.to);
  } else if (state.date !== today) params.set('date', state.date);
  if (state.group) params.set('group', state.group);
  if (state.unit) params.set('unit', state.unit);
  if (state.grain !== defaultGrain(state.from, state.to)) params.set('grain', state.grain);
  return `${BASE_PATH}dashboard${params.size ? `?${params}` : ''}`;
}

/** What a figure counts, as the inbox's filters. */
export interface CasesFilter {
  readonly channel?: string;
  readonly category?: string;
  readonly scope?: 'in' | 'out' | 'pending';
  readonly unit?: string;
}

/** The inbox listing the cases behind a figure: every status, received in the period, of the unit or group shown. */
export function casesUrl(state: DashboardState, filter: CasesFilter, from = state.from, to = state.to): string {
  const params = new URLSearchParams({ status: 'all', from, to });
  const unit = filter.unit ?? state.unit;
  if (unit) params.set('unit', unit);
  else if (state.group) params.set('group', state.group);
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.category !== undefined) params.set('category', filter.category === '' ? '-' : filter.category);
  if (filter.scope) params.set('scope', filter.scope);
  return `${BASE_PATH}?${params}`;
}
