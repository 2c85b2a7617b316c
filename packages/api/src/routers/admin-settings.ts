import {
  getCase,
  getCategory,
  getTemplate,
  getSetting,
  getUnit,
  insertCategory,
  listCategories,
  moveCategory,
  reindexCategory,
  saveSetting,
  saveTemplate,
  updateCategory,
} from '@pakn/db';
import {
  CategoryInputSchema,
  DECREE_09_CUT_OFF_DAY,
  DEFAULT_LETTER_TEMPLATE,
  DomainError,
  LETTER_PLACEHOLDERS,
  LetterTemplateInputSchema,
  MoveCategoryInputSchema,
  PreviewLetterTemplateInputSchema,
  ReportSettingsInputSchema,
  SAMPLE_LETTER_FACTS,
  letterTemplateErrorCode,
  letterTemplateProblems,
  renderLetterTemplate,
  type LetterFacts,
} from '@pakn/domain';
import { auditStaff } from '../audit.ts';
import type { Context } from '../context.ts';
import { reportCutOffDay } from '../report-cut-off.ts';
import { requirePermission, staffMutation, staffQuery } from '../trpc.ts';

function assertValidTemplate(template: string): void {
  const problems = letterTemplateProblems(template);
  if (problems) {
    throw new DomainError('invalid', 'Invalid letter template', { reason: 'letter_template_invalid', fields: { template: letterTemplateErrorCode(problems) } });
  }
}

/**
 * The facts of a real case for a preview. The preview is shown to the admin, who may not open identities:
 * the citizen is always rendered as confidential here, whatever the case says.
 */
async function caseFacts(ctx: Context, caseId: string, unitId: string | undefined): Promise<LetterFacts> {
  const { db } = ctx.services;
  const record = await getCase(db, caseId);
  if (!record) throw new DomainError('not_found', 'No such case', { fields: { caseId: 'invalid' } });
  const unit = await getUnit(db, unitId ?? record.unitId ?? record.concernedUnitId ?? '');
  const key = record.category ?? record.reportedCategory;
  const category = key ? await getCategory(db, key) : null;
  return {
    reference: record.reference,
    unitName: unit?.name ?? SAMPLE_LETTER_FACTS.unitName,
    categoryLabel: category?.label.vi ?? key,
    description: record.description,
    dossierCode: record.dossierCode,
    receivedAt: record.createdAt,
    citizen: null,
    answerDueAt: null,
  };
}

/** Categories and the forwarding-letter template: configuration the admin edits (issue 5). */
export const adminSettingsProcedures = {
  /** Every category, inactive ones too, in display order. */
  categories: staffQuery.query(({ ctx }) => {
    requirePermission(ctx.staff, 'administer');
    return listCategories(ctx.services.db);
  }),

  /** Adds a category (a new key) or changes one; keys never change, since cases keep them. */
  saveCategory: staffMutation.input(CategoryInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const { db, now } = ctx.services;
    const hint = input.hint.vi || input.hint.en ? input.hint : null;
    const change = { key: input.key, label: input.label, hint, active: input.active };
    await db.write(async (tx) => {
      const before = await getCategory(tx, input.key);
      if (input.isNew && before) throw new DomainError('conflict', 'Category key taken', { reason: 'invalid', fields: { key: 'category_key_taken' } });
      if (!input.isNew && !before) throw new DomainError('not_found', 'No such category', { fields: { key: 'invalid' } });
      if (before) await updateCategory(tx, change, now());
      else await insertCategory(tx, change, now());
      // Search matches a case by its category's label: a renamed category's cases are found by the new name.
      if (before && before.label.vi !== change.label.vi) await reindexCategory(tx, input.key);
      await auditStaff(tx, ctx, {
        action: before ? 'category.update' : 'category.create',
        entityType: 'category',
        entityId: input.key,
        before: before && { label: before.label, hint: before.hint, active: before.active },
        after: { label: change.label, hint: change.hint, active: change.active },
      });
    });
    return listCategories(db);
  }),

  moveCategory: staffMutation.input(MoveCategoryInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const { db, now } = ctx.services;
    await db.write(async (tx) => {
      const before = (await listCategories(tx)).map((c) => c.key);
      if (!before.includes(input.key)) throw new DomainError('not_found', 'No such category', { fields: { key: 'invalid' } });
      if (!(await moveCategory(tx, input.key, input.direction, now()))) return;
      const after = (await listCategories(tx)).map((c) => c.key);
      await auditStaff(tx, ctx, { action: 'category.move', entityType: 'category', entityId: input.key, before: { order: before }, after: { order: after } });
    });
    return listCategories(db);
  }),

  /** The stored template and the placeholders it may use. */
  letterTemplate: staffQuery.query(async ({ ctx }) => {
    requirePermission(ctx.staff, 'administer');
    const stored = await getTemplate(ctx.services.db, 'forwarding_letter');
    return {
      template: stored?.body ?? DEFAULT_LETTER_TEMPLATE,
      updatedAt: stored?.updatedAt ?? null,
      defaultTemplate: DEFAULT_LETTER_TEMPLATE,
      placeholders: Object.entries(LETTER_PLACEHOLDERS).map(([name, meaning]) => ({ name, meaning })),
    };
  }),

  /** Saves the template; letters drafted before keep their text (a letter stores its body). */
  saveLetterTemplate: staffMutation.input(LetterTemplateInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    assertValidTemplate(input.template);
    const { db, now } = ctx.services;
    await db.write(async (tx) => {
      const before = await getTemplate(tx, 'forwarding_letter');
      await saveTemplate(tx, 'forwarding_letter', input.template, ctx.staff.id, now());
      await auditStaff(tx, ctx, {
        action: 'template.update',
        entityType: 'template',
        entityId: 'forwarding_letter',
        before: before && { body: before.body },
        after: { body: input.template },
      });
    });
    return { template: input.template, updatedAt: now().toISOString() };
  }),

  /**
   * Renders a draft template without saving it: the body, or the problems as field errors. A mutation only for
   * transport: a template of several kilobytes, percent-encoded, would not fit in a query's URL.
   */
  previewLetterTemplate: staffMutation.input(PreviewLetterTemplateInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    assertValidTemplate(input.template);
    const facts = input.caseId ? await caseFacts(ctx, input.caseId, input.unitId) : SAMPLE_LETTER_FACTS;
    return { body: renderLetterTemplate(input.template, facts) };
  }),

  /** The reports' settings: the cut-off day of the reporting periods (Decree 09/2019/NĐ-CP art. 12: 15). */
  reportSettings: staffQuery.query(async ({ ctx }) => {
    requirePermission(ctx.staff, 'administer');
    return { cutOffDay: await reportCutOffDay(ctx.services.db), defaultCutOffDay: DECREE_09_CUT_OFF_DAY };
  }),

  /** Sets the cut-off day (1-28; 1 gives calendar months): every report drawn after it uses the new periods. */
  saveReportSettings: staffMutation.input(ReportSettingsInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const { db, now } = ctx.services;
    await db.write(async (tx) => {
      const before = await getSetting(tx, 'report_cut_off_day');
      await saveSetting(tx, 'report_cut_off_day', input.cutOffDay, ctx.staff.id, now());
      await auditStaff(tx, ctx, {
        action: 'settings.update',
        entityType: 'settings',
        entityId: 'report_cut_off_day',
        before: before === undefined ? null : { cutOffDay: before },
        after: { cutOffDay: input.cutOffDay },
      });
    });
    return { cutOffDay: input.cutOffDay, defaultCutOffDay: DECREE_09_CUT_OFF_DAY };
  }),
};
