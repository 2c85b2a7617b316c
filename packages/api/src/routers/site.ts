import { getSite, listCategories, listUnits } from '@pakn/db';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, SiteKeyInputSchema, officeStatus } from '@pakn/domain';
import { assertSiteOrigin } from '../sites.ts';
import { publicProcedure, router } from '../trpc.ts';

export const siteRouter = router({
  /** What the widget needs to render for a site: its name, its default unit, the units and categories to choose from. */
  config: publicProcedure.input(SiteKeyInputSchema).query(async ({ ctx, input }) => {
    const site = await getSite(ctx.services.db, input.siteKey);
    assertSiteOrigin(ctx, site);
    const units = await listUnits(ctx.services.db);
    const categories = await listCategories(ctx.services.db, { activeOnly: true });
    const office = officeStatus(await ctx.services.calendars.centre(), ctx.services.now());
    return {
      key: site.key,
      name: site.name,
      defaultUnitId: site.defaultUnitId,
      units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
      /** The categories citizens may choose now, in order, in both languages (admins edit them: issue 5). */
      categories: categories.map((c) => ({ key: c.key, label: c.label, hint: c.hint })),
      /** Whether the Centre is reading reports now, and if not, when it will. */
      office: { open: office.open, nextOpening: office.open ? null : office.nextPeriod.start.toISOString() },
      limits: { maxAttachments: MAX_ATTACHMENTS, maxAttachmentBytes: MAX_ATTACHMENT_BYTES, attachmentTypes: [...ATTACHMENT_TYPES] },
    };
  }),
});
