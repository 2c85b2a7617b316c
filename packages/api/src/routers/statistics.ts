import { DEFAULT_PUBLIC_PERIOD, DomainError, PublicStatisticsInputSchema } from '@pakn/domain';
import { enforceRateLimit } from '../citizen-policy.ts';
import { publicStatisticsView } from '../public-statistics.ts';
import { publicProcedure, router } from '../trpc.ts';

export const statisticsRouter = router({
  /**
   * The public statistics (issue 12) of a period, one unit's or the city's and every unit's: anyone may read
   * them, without a session, as on /thong-ke and /api/v1/statistics (the same cached figures and view); each
   * source is limited per hour like every citizen call.
   */
  public: publicProcedure.input(PublicStatisticsInputSchema).query(async ({ ctx, input }) => {
    enforceRateLimit(ctx, 'statistics');
    const snapshot = await ctx.services.publicStatistics.snapshot(input.period ?? DEFAULT_PUBLIC_PERIOD);
    if (input.unitId === undefined) return publicStatisticsView(snapshot);
    const unit = snapshot.statistics.units.find((u) => u.unitId === input.unitId);
    if (!unit) throw new DomainError('not_found', 'No such unit in the public statistics');
    return publicStatisticsView(snapshot, unit);
  }),
});
