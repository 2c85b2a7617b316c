import { directorName, evaluationFacts, intakeCounts, listCategories, listUnits } from '@pakn/db';
import {
  compareFigures,
  evaluateUnits,
  periodFigures,
  previousReportPeriod,
  reportPeriodOf,
  reportRange,
  unitTable,
  vietnamDateOf,
  type PeriodReport,
  type PeriodReportInput,
  type ReportPeriod,
  type Text,
} from '@pakn/domain';
import type { ApiServices } from './context.ts';
import { reportCutOffDay } from './report-cut-off.ts';

/** The period asked for; without a year and index, the current reporting period of the kind (at the service clock). */
export function chosenPeriod(input: PeriodReportInput, cutOffDay: number, now: Date): ReportPeriod {
  if (input.year !== undefined && input.index !== undefined) return { kind: input.kind, year: input.year, index: input.index };
  return reportPeriodOf(input.kind, vietnamDateOf(now.getTime()), cutOffDay);
}

/**
 * A period's figures: the counts of received cases (migration 0022) and the per-unit evaluation's rows (its sums
 * kept on write), whatever columns the evaluation computes: the report shows them all.
 */
async function figuresOf(services: ApiServices, period: ReportPeriod, cutOffDay: number) {
  const { db } = services;
  const range = reportRange(period, cutOffDay);
  const [intake, unitList, facts] = await Promise.all([
    intakeCounts(db, range.from, range.to),
    listUnits(db),
    evaluationFacts(db, range, services.now().toISOString()),
  ]);
  const units = evaluateUnits({ units: unitList, ...facts });
  return { range, units, figures: periodFigures(intake, units) };
}

/**
 * A period report, read from sums kept on write (never the cases themselves): two periods' worth of daily and
 * monthly rows, so a year's report costs what a year's evaluation does, twice. No personal data, no case text.
 */
export async function periodReport(services: ApiServices, period: ReportPeriod): Promise<PeriodReport> {
  const { db } = services;
  const cutOffDay = await reportCutOffDay(db);
  const previousPeriod = previousReportPeriod(period);
  const [current, previous, categories, signerName] = await Promise.all([
    figuresOf(services, period, cutOffDay),
    figuresOf(services, previousPeriod, cutOffDay),
    listCategories(db),
    directorName(db),
  ]);
  const categoryLabels: Record<string, Text> = Object.create(null) as Record<string, Text>;
  for (const c of categories) categoryLabels[c.key] = c.label;
  return {
    period,
    range: current.range,
    cutOffDay,
    previousPeriod,
    previousRange: previous.range,
    drawnAt: services.now().toISOString(),
    // A display name may carry a note in brackets ("Trần Văn Minh (Giám đốc)"): the signature has the name only.
    signerName: signerName?.replace(/\s*\([^)]*\)\s*$/, '') || null,
    figures: current.figures,
    categoryLabels,
    units: unitTable(current.units),
    comparison: compareFigures(current.figures, previous.figures),
  };
}
