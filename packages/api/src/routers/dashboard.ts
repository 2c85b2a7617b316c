import { dashboardCounts, dashboardOverdue, getUnit, type DashboardCounts, type DashboardHolder } from '@pakn/db';
import { DashboardInputSchema, DomainError, can, dashboardPreviousRange, isUnitRole, type DashboardInput, type StaffMember } from '@pakn/domain';
import { router, staffQuery } from '../trpc.ts';

/**
 * Whom the dashboard is drawn for. The Centre, the Director and inspectors (who read the evaluation) choose the
 * city, a group or a unit; a unit's own staff see only their unit, whatever they ask for; anyone else nothing.
 */
function holderFor(staff: StaffMember, input: DashboardInput): DashboardHolder {
  if (can(staff.role, 'readEvaluation')) {
    if (input.unitId) return { kind: 'unit', unitId: input.unitId };
    return input.group ? { kind: 'group', group: input.group } : { kind: 'city' };
  }
  if (isUnitRole(staff.role) && staff.unitId) return { kind: 'unit', unitId: staff.unitId };
  throw new DomainError('forbidden', `Role ${staff.role} may not read the dashboard`);
}

/** The figures of one period: counts only, never a contact (distinct contacts are counted in the database). */
function figures(counts: DashboardCounts) {
  const { days, totals, contacts, answers, ratings, reprimands, commendations } = counts;
  return {
    days,
    channels: totals.channel,
    contacts,
    scope: totals.scope,
    categories: totals.category,
    units: totals.unit,
    weekdayHours: totals.wh,
    answers,
    ratings,
    reprimands,
    commendations,
  };
}

export const dashboardRouter = router({
  /**
   * The numbers of a period (Vietnamese calendar days, both included) beside the previous period's: cases per
   * channel and day, distinct contacts, weekday and hour, scope, category, unit, the answering stage's timeliness,
   * ratings, reprimands and commendations, and the cases overdue now. Read from sums kept on write (migrations
   * 0019 and 0023): no case is loaded.
   */
  figures: staffQuery.input(DashboardInputSchema).query(async ({ ctx, input }) => {
    const holder = holderFor(ctx.staff, input);
    const { db, now } = ctx.services;
    if (holder.kind === 'unit' && !(await getUnit(db, holder.unitId))) throw new DomainError('not_found', 'No such unit');
    const period = { from: input.from, to: input.to };
    const previous = dashboardPreviousRange(period);
    const [current, before, overdueNow] = await Promise.all([
      dashboardCounts(db, holder, period.from, period.to),
      dashboardCounts(db, holder, previous.from, previous.to),
      dashboardOverdue(db, holder, now().toISOString()),
    ]);
    return { holder, period, previous, overdueNow, current: figures(current), before: figures(before) };
  }),
});
