import { getSetting, type Executor } from '@pakn/db';
import { DECREE_09_CUT_OFF_DAY, ReportSettingsInputSchema } from '@pakn/domain';

/**
 * The reporting cut-off day the admin set; Decree 09/2019/NĐ-CP's 15 until then, or should the stored value be
 * bad. Its own module: the period reports, the evaluation and the public statistics (which the services hold)
 * all read it.
 */
export async function reportCutOffDay(db: Executor): Promise<number> {
  const parsed = ReportSettingsInputSchema.safeParse({ cutOffDay: await getSetting(db, 'report_cut_off_day') });
  return parsed.success ? parsed.data.cutOffDay : DECREE_09_CUT_OFF_DAY;
}
