import { getEvaluationSnapshot } from '@pakn/db';
import {
  DomainError,
  EvaluationPeriodInputSchema,
  SCORING_CRITERIA,
  SCORING_CRITERION_LABELS,
  SavedEvaluationIdSchema,
  type EvaluationScoring,
  type Lang,
  type ScoredUnitRow,
  type Text,
} from '@pakn/domain';
import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.ts';
import { auditStaff } from './audit.ts';
import type { ApiServices, RequestInfo } from './context.ts';
import type { CsvCell } from '@pakn/domain';
import { scoredEvaluation, type ScoredEvaluation } from './evaluation.ts';
import { csvText, parseQuery, signedIn, XLSX_TYPE, type BinaryExport, type CsvExport } from './exports.ts';
import { requirePermission } from './trpc.ts';

/**
 * The evaluation as a file (issue 12): CSV, or XLSX with one sheet per table (the units; the scoring). Either
 * the live evaluation of a period (`from`, `to`) or a saved one (`id`), exactly as it was signed. The evaluation
 * holds no personal data (unit figures only), so every reader of it may take the whole file. Audited like the
 * case list. Exceljs writes text cells as text, never as formulas, so a unit name starting with `=` stays text.
 */

type Format = 'integer' | 'percent' | 'decimal';
interface Column {
  readonly label: Text;
  readonly format: Format;
  readonly value: (r: ScoredUnitRow, lang: Lang) => CsvCell;
  /** Width in characters in the workbook. */
  readonly width?: number;
}

const NOT_ENOUGH_DATA: Text = { vi: 'chưa đủ số liệu', en: 'not enough data' };

const count = (vi: string, en: string, value: (r: ScoredUnitRow) => number): Column => ({ label: { vi, en }, format: 'integer', value });
const rated = (score: 1 | 2 | 3 | 4 | 5) => count(`Số lượt đánh giá ${score} điểm`, `Ratings of ${score}`, (r) => r.ratingDistribution[score - 1] ?? 0);

/** The columns of the units' table, as on the page. */
const EVALUATION_COLUMNS: readonly Column[] = [
  { label: { vi: 'Hạng', en: 'Rank' }, format: 'integer', value: (r, lang) => r.rank ?? (r.enoughData ? null : NOT_ENOUGH_DATA[lang]), width: 16 },
  { label: { vi: 'Đơn vị', en: 'Unit' }, format: 'integer', value: (r) => r.unitName, width: 36 },
  { label: { vi: 'Điểm', en: 'Score' }, format: 'decimal', value: (r) => r.score },
  count('Tiếp nhận', 'Received', (r) => r.received),
  count('Thuộc thẩm quyền', 'In scope', (r) => r.inScope),
  count('Đã trả lời', 'Answered', (r) => r.answered),
  count('Trả lời đúng hạn', 'Answered on time', (r) => r.answeredOnTime),
  { label: { vi: 'Tỷ lệ trả lời đúng hạn', en: 'On-time rate' }, format: 'percent', value: (r) => r.onTimeRate },
  {
    label: { vi: 'Số ngày làm việc trung bình để trả lời', en: 'Average working days to answer' },
    format: 'decimal',
    value: (r) => r.averageWorkingDaysToAnswer,
  },
  { label: { vi: 'Số ngày làm việc (phân vị 90)', en: 'Working days (90th percentile)' }, format: 'integer', value: (r) => r.p90WorkingDaysToAnswer },
  count('Đúng', 'Substantiated', (r) => r.substantiated),
  count('Đúng một phần', 'Partly substantiated', (r) => r.partlySubstantiated),
  count('Không đúng', 'Not substantiated', (r) => r.notSubstantiated),
  { label: { vi: 'Điểm hài lòng trung bình', en: 'Average rating' }, format: 'decimal', value: (r) => r.averageRating },
  count('Số lượt đánh giá', 'Ratings', (r) => r.ratings),
  rated(1),
  rated(2),
  rated(3),
  rated(4),
  rated(5),
  count('Đề nghị xem xét lại', 'Reviews requested', (r) => r.reviewsRequested),
  count('Đôn đốc', 'Reminders', (r) => r.reminders),
  count('Báo cáo Giám đốc', 'Escalations', (r) => r.escalations),
  count('Nhắc nhở', 'Reprimands', (r) => r.reprimands),
  count('Chấn chỉnh', 'Corrections', (r) => r.corrections),
  count('Biểu dương', 'Commendations', (r) => r.commendations),
  count('Đang quá hạn', 'Overdue now', (r) => r.overdueNow),
];

const NUMBER_FORMATS: Readonly<Record<Format, string>> = { integer: '0', percent: '0.0%', decimal: '0.0' };

/** The evaluation a request names: a saved one by `id`, else the live one of `from`–`to`. */
async function requestedEvaluation(services: ApiServices, query: Readonly<Record<string, string | undefined>>): Promise<ScoredEvaluation & { id?: string }> {
  if (query.id !== undefined) {
    const { id } = parseQuery(SavedEvaluationIdSchema, { id: query.id });
    const saved = await getEvaluationSnapshot(services.db, id);
    if (!saved) throw new DomainError('not_found', 'No such saved evaluation');
    return { id, period: saved.period, scoring: saved.scoring, rows: saved.rows };
  }
  return scoredEvaluation(services, parseQuery(EvaluationPeriodInputSchema, { from: query.from ?? '', to: query.to ?? '' }));
}

async function auditedEvaluation(services: ApiServices, request: RequestInfo, query: Readonly<Record<string, string | undefined>>, format: 'csv' | 'xlsx') {
  const ctx = await signedIn(services, request);
  requirePermission(ctx.staff, 'readEvaluation');
  const evaluation = await requestedEvaluation(services, query);
  await services.db.write((tx) =>
    auditStaff(tx, ctx, {
      action: 'export.unit_evaluation',
      entityType: 'export',
      entityId: evaluation.id ?? null,
      after: { period: evaluation.period, format, rows: evaluation.rows.length },
    }),
  );
  return evaluation;
}

const fileName = (e: ScoredEvaluation, ext: string) => `pakn-danh-gia-don-vi-${e.period.from}_${e.period.to}.${ext}`;

/** The per-unit evaluation as CSV (safe against formula injection: csv.ts), audited. */
export async function exportUnitEvaluation(
  services: ApiServices,
  request: RequestInfo,
  query: Readonly<Record<string, string | undefined>>,
): Promise<CsvExport> {
  const evaluation = await auditedEvaluation(services, request, query, 'csv');
  const lang = request.lang;
  const rows = evaluation.rows.map((r) => EVALUATION_COLUMNS.map((c) => c.value(r, lang)));
  // One record per unit: a single page, written the same way as the case list.
  return {
    filename: fileName(evaluation, 'csv'),
    chunks: csvText(
      lang,
      EVALUATION_COLUMNS.map((c) => c.label),
      [rows],
    ),
  };
}

const SHEETS = {
  units: { vi: 'Đơn vị', en: 'Units' },
  scoring: { vi: 'Cách tính điểm', en: 'Scoring' },
} as const satisfies Record<string, Text>;

function scoringSheet(workbook: ExcelJS.Workbook, evaluation: ScoredEvaluation, lang: Lang): void {
  const sheet = workbook.addWorksheet(SHEETS.scoring[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: lang === 'vi' ? 'Tiêu chí' : 'Criterion', width: 44 },
    { header: lang === 'vi' ? 'Trọng số' : 'Weight', width: 14, style: { numFmt: '0' } },
  ];
  sheet.getRow(1).font = { bold: true };
  const scoring: EvaluationScoring = evaluation.scoring;
  for (const criterion of SCORING_CRITERIA) sheet.addRow([SCORING_CRITERION_LABELS[criterion][lang], scoring.weights[criterion]]);
  sheet.addRow([lang === 'vi' ? 'Số vụ việc tối thiểu để xếp hạng' : 'Minimum cases to be ranked', scoring.minimumCases]);
  sheet.addRow([lang === 'vi' ? 'Từ ngày' : 'From', evaluation.period.from]);
  sheet.addRow([lang === 'vi' ? 'Đến ngày' : 'To', evaluation.period.to]);
}

/** The evaluation as a workbook: the units' table (number formats, frozen header and unit column) and the scoring. */
export async function evaluationWorkbook(evaluation: ScoredEvaluation, lang: Lang): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(SHEETS.units[lang], { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = EVALUATION_COLUMNS.map((c) => ({ header: c.label[lang], width: c.width ?? 14, style: { numFmt: NUMBER_FORMATS[c.format] } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const r of evaluation.rows) sheet.addRow(EVALUATION_COLUMNS.map((c) => c.value(r, lang) ?? null));
  scoringSheet(workbook, evaluation, lang);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The per-unit evaluation as XLSX, audited. */
export async function exportUnitEvaluationXlsx(
  services: ApiServices,
  request: RequestInfo,
  query: Readonly<Record<string, string | undefined>>,
): Promise<BinaryExport> {
  const evaluation = await auditedEvaluation(services, request, query, 'xlsx');
  return { filename: fileName(evaluation, 'xlsx'), contentType: XLSX_TYPE, bytes: await evaluationWorkbook(evaluation, request.lang) };
}
