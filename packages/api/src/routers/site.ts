import { getSite, listUnits } from '@pakn/db';
import { SiteKeyInputSchema } from '@pakn/domain';
import { assertSiteOrigin } from '../sites.ts';
import { publicProcedure, router, staffQuery } from '../trpc.ts';

export const siteRouter = router({
  /** What the widget needs to render for a site: its name, its default unit and the units to choose from. */
  config: publicProcedure.input(SiteKeyInputSchema).query(async ({ ctx, input }) => {
    const site = await getSite(ctx.services.db, input.siteKey);
    assertSiteOrigin(ctx, site);
    const units = await listUnits(ctx.services.db);
    return {
      key: site.key,
      name: site.name,
      defaultUnitId: site.defaultUnitId,
      units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    };
  }),
});

export const unitRouter = router({
  list: staffQuery.query(({ ctx }) => listUnits(ctx.services.db)),
});
