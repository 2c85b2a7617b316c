import { PeriodReportInputSchema } from '@pakn/domain';
import { chosenPeriod, periodReport } from '../period-report.ts';
import { reportCutOffDay } from '../report-cut-off.ts';
import { requirePermission, router, staffQuery } from '../trpc.ts';

/** The Centre's period reports (issue 12): for those who read the evaluation (the Centre's officers, the Director, inspectors). */
export const reportRouter = router({
  /**
   * The monthly, quarterly, six-monthly or yearly report; the current reporting period of the kind when no year
   * and index are given. Counts and unit names only: nothing in it identifies a citizen.
   */
  period: staffQuery.input(PeriodReportInputSchema).query(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'readEvaluation');
    const cutOffDay = await reportCutOffDay(ctx.services.db);
    return periodReport(ctx.services, chosenPeriod(input, cutOffDay, ctx.services.now()));
  }),
});
