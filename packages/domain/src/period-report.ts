/**
 * The figures of a period report (issue 12): the cases received by channel, scope and category, the answers and
 * their timeliness, the per-unit evaluation, the reprimands and commendations, and the same figures of the period
 * before. Pure: the counts come in (from sums kept on write, never from the cases), the tables go out. A report
 * holds no personal data and no case text: counts and unit names only.
 */
import * as z from 'zod/mini';
import { CHANNELS } from './channels.ts';
import type { Text } from './i18n.ts';
import { MAX_CUT_OFF_DAY, REPORT_PERIOD_KINDS, type DateRange, type ReportPeriodKind, type ReportPeriod } from './periods.ts';
import type { UnitEvaluationRow } from './unit-evaluation.ts';

/** Where a received case stands against the Centre's remit now. */
export const REPORT_SCOPES = ['in_scope', 'out_of_scope', 'referred', 'merged'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

export const REPORT_SCOPE_LABELS: Readonly<Record<ReportScope, Text>> = {
  in_scope: { vi: 'Thuộc phạm vi', en: 'In scope' },
  out_of_scope: { vi: 'Ngoài phạm vi', en: 'Out of scope' },
  referred: { vi: 'Hướng dẫn gửi cơ quan có thẩm quyền', en: 'Referred' },
  merged: { vi: 'Trùng lặp, đã gộp', en: 'Duplicates merged' },
};

/** One row of the daily counts of received cases (migration 0022), summed over a period. */
export interface IntakeCount {
  readonly channel: string;
  /** The category key; '' when the case has none. */
  readonly category: string;
  readonly scope: string;
  readonly cases: number;
}

/** The admin's settings of the reports: the cut-off day (Decree 09/2019/NĐ-CP art. 12: 15; 1 = calendar months). */
export const ReportSettingsInputSchema = z.object({
  cutOffDay: z
    .number({ error: 'cut_off_day' })
    .check(z.int({ error: 'cut_off_day' }), z.gte(1, { error: 'cut_off_day' }), z.lte(MAX_CUT_OFF_DAY, { error: 'cut_off_day' })),
});
export type ReportSettings = z.infer<typeof ReportSettingsInputSchema>;

const PERIODS_IN_YEAR: Readonly<Record<ReportPeriodKind, number>> = { month: 12, quarter: 4, half: 2, year: 1 };

/** Which report: a kind and a period (the current reporting period when left out). */
export const PeriodReportInputSchema = z
  .object({
    kind: z.enum(REPORT_PERIOD_KINDS),
    year: z.optional(z.number().check(z.int(), z.gte(2010), z.lte(2199))),
    index: z.optional(z.number().check(z.int(), z.gte(1), z.lte(12))),
  })
  .check(z.refine((p) => p.index === undefined || p.index <= PERIODS_IN_YEAR[p.kind], { error: 'period_index', path: ['index'] }));
export type PeriodReportInput = z.infer<typeof PeriodReportInputSchema>;

type ScopeCounts = Record<ReportScope, number> & { total: number };

const zero = (): ScopeCounts => ({ in_scope: 0, out_of_scope: 0, referred: 0, merged: 0, total: 0 });
const isScope = (s: string): s is ReportScope => (REPORT_SCOPES as readonly string[]).includes(s);

/** The figures of one period. */
export interface PeriodFigures {
  readonly received: ScopeCounts;
  /** Every channel, in the channels' order, zeros included: the table always has the same rows. */
  readonly byChannel: readonly ({ readonly channel: string } & ScopeCounts)[];
  /** Categories with cases, most cases first (ties by key); '' is a case not classified yet. */
  readonly byCategory: readonly { readonly category: string; readonly cases: number }[];
  readonly answered: number;
  readonly answeredOnTime: number;
  /** Answers not on time (late, or whose timing could not be placed on the calendar). */
  readonly answeredLate: number;
  /** Open cases past their answer deadline when the report is drawn. */
  readonly overdueNow: number;
  readonly reprimands: number;
  readonly commendations: number;
  /** Units with a reprimand or a commendation in the period, by name (the evaluation's order). */
  readonly records: readonly { readonly unitName: string; readonly reprimands: number; readonly commendations: number }[];
}

/** Sums the counts of received cases and the per-unit evaluation into a period's figures. */
export function periodFigures(intake: readonly IntakeCount[], units: readonly UnitEvaluationRow[]): PeriodFigures {
  const received = zero();
  const channels = new Map<string, ScopeCounts>(CHANNELS.map((c) => [c, zero()]));
  const categories = new Map<string, number>();
  for (const row of intake) {
    const scope: ReportScope = isScope(row.scope) ? row.scope : 'in_scope';
    const channel = channels.get(row.channel) ?? zero();
    channels.set(row.channel, channel);
    for (const counts of [received, channel]) {
      counts[scope] += row.cases;
      counts.total += row.cases;
    }
    // A merged duplicate is counted by its surviving case: it is not a category's case twice.
    if (scope !== 'merged') categories.set(row.category, (categories.get(row.category) ?? 0) + row.cases);
  }
  const sum = (pick: (u: UnitEvaluationRow) => number) => units.reduce((n, u) => n + pick(u), 0);
  const answered = sum((u) => u.answered);
  const answeredOnTime = sum((u) => u.answeredOnTime);
  return {
    received,
    byChannel: [...channels].map(([channel, counts]) => ({ channel, ...counts })),
    byCategory: [...categories]
      .filter(([, cases]) => cases > 0)
      .map(([category, cases]) => ({ category, cases }))
      .sort((a, b) => b.cases - a.cases || a.category.localeCompare(b.category)),
    answered,
    answeredOnTime,
    answeredLate: answered - answeredOnTime,
    overdueNow: sum((u) => u.overdueNow),
    reprimands: sum((u) => u.reprimands),
    commendations: sum((u) => u.commendations),
    records: units
      .filter((u) => u.reprimands > 0 || u.commendations > 0)
      .map((u) => ({ unitName: u.unitName, reprimands: u.reprimands, commendations: u.commendations })),
  };
}

/** The figures compared with the period before, in the report's order. */
const COMPARED: readonly { readonly key: string; readonly label: Text; readonly of: (f: PeriodFigures) => number }[] = [
  { key: 'received', label: { vi: 'Tổng số phản ánh, kiến nghị tiếp nhận', en: 'Cases received' }, of: (f) => f.received.total },
  { key: 'in_scope', label: { vi: 'Thuộc phạm vi xử lý', en: 'In scope' }, of: (f) => f.received.in_scope },
  {
    key: 'out_of_scope',
    label: { vi: 'Ngoài phạm vi (kể cả đã hướng dẫn)', en: 'Out of scope (referred included)' },
    of: (f) => f.received.out_of_scope + f.received.referred,
  },
  { key: 'answered', label: { vi: 'Đã trả lời', en: 'Answered' }, of: (f) => f.answered },
  { key: 'answered_on_time', label: { vi: 'Trả lời đúng hạn', en: 'Answered on time' }, of: (f) => f.answeredOnTime },
  { key: 'answered_late', label: { vi: 'Trả lời quá hạn', en: 'Answered late' }, of: (f) => f.answeredLate },
  { key: 'reprimands', label: { vi: 'Nhắc nhở', en: 'Reprimands' }, of: (f) => f.reprimands },
  { key: 'commendations', label: { vi: 'Biểu dương', en: 'Commendations' }, of: (f) => f.commendations },
];

export interface ComparisonRow {
  readonly key: string;
  readonly label: Text;
  readonly current: number;
  readonly previous: number;
  readonly change: number;
  /** The change in percent of the previous figure, one decimal; null when the previous figure is 0. */
  readonly changePercent: number | null;
}

export function compareFigures(current: PeriodFigures, previous: PeriodFigures): ComparisonRow[] {
  return COMPARED.map(({ key, label, of }) => {
    const now = of(current);
    const before = of(previous);
    return {
      key,
      label,
      current: now,
      previous: before,
      change: now - before,
      changePercent: before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10,
    };
  });
}

/** The per-unit table as columns and rows, whatever columns the evaluation returns (labels known or the key). */
export interface ReportTable {
  readonly columns: readonly { readonly key: string; readonly label: Text }[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const UNIT_COLUMN_LABELS: Readonly<Record<string, Text>> = {
  unitName: { vi: 'Đơn vị', en: 'Unit' },
  received: { vi: 'Tiếp nhận', en: 'Received' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  answeredOnTime: { vi: 'Trả lời đúng hạn', en: 'Answered on time' },
  overdueNow: { vi: 'Đang quá hạn', en: 'Overdue now' },
  averageWorkingDaysToAnswer: { vi: 'Số ngày làm việc trung bình để trả lời', en: 'Average working days to answer' },
  reminders: { vi: 'Đôn đốc', en: 'Reminders' },
  escalations: { vi: 'Báo cáo Giám đốc', en: 'Escalations' },
  reprimands: { vi: 'Nhắc nhở', en: 'Reprimands' },
  corrections: { vi: 'Chấn chỉnh', en: 'Corrections' },
  commendations: { vi: 'Biểu dương', en: 'Commendations' },
  averageRating: { vi: 'Điểm hài lòng trung bình', en: 'Average rating' },
  reviewsRequested: { vi: 'Đề nghị xem xét lại', en: 'Reviews requested' },
  inScope: { vi: 'Thuộc thẩm quyền', en: 'In scope' },
  onTimeRate: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
  p90WorkingDaysToAnswer: { vi: '90% trả lời trong (ngày làm việc)', en: '90th percentile, working days' },
  substantiated: { vi: 'Đúng', en: 'Substantiated' },
  partlySubstantiated: { vi: 'Đúng một phần', en: 'Partly substantiated' },
  notSubstantiated: { vi: 'Không đúng', en: 'Not substantiated' },
  ratings: { vi: 'Số lượt đánh giá', en: 'Ratings' },
  score: { vi: 'Điểm', en: 'Score' },
  rank: { vi: 'Xếp hạng', en: 'Rank' },
};

/** Identifiers are not figures: they stay out of a printed table. */
const HIDDEN_UNIT_COLUMNS = new Set(['unitId']);

/**
 * The evaluation's rows as a table: every scalar field of the rows, in the rows' own order, so that a column the
 * evaluation adds shows up here too (labelled by its key until it has a label).
 */
export function unitTable(rows: readonly object[]): ReportTable {
  const keys: string[] = [];
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      const scalar = value === null || typeof value === 'number' || typeof value === 'string';
      if (scalar && !HIDDEN_UNIT_COLUMNS.has(key) && !keys.includes(key)) keys.push(key);
    }
  }
  return {
    columns: keys.map((key) => ({ key, label: UNIT_COLUMN_LABELS[key] ?? { vi: key, en: key } })),
    rows: rows.map((row) =>
      keys.map((key) => {
        const value: unknown = (row as Record<string, unknown>)[key];
        return typeof value === 'number' || typeof value === 'string' ? value : null;
      }),
    ),
  };
}

/** Everything a period report shows. */
export interface PeriodReport {
  readonly period: ReportPeriod;
  readonly range: DateRange;
  readonly cutOffDay: number;
  readonly previousPeriod: ReportPeriod;
  readonly previousRange: DateRange;
  /** When the report was drawn (ISO): the date line, and the moment "overdue now" was counted at. */
  readonly drawnAt: string;
  /** The Director who signs (a staff member's name), or null when the Centre has none. */
  readonly signerName: string | null;
  readonly figures: PeriodFigures;
  /** Labels of the categories in `figures.byCategory`. */
  readonly categoryLabels: Readonly<Record<string, Text>>;
  readonly units: ReportTable;
  readonly comparison: readonly ComparisonRow[];
}
