/**
 * A period report's tables, in the report's order: what the A4 document shows under its sections, and what the
 * exports write (a sheet per table in the XLSX, one after another in the CSV). One model, so the printed report
 * and its files cannot disagree.
 */
import { CHANNEL_LABELS, type Channel } from './channels.ts';
import type { Lang, Text } from './i18n.ts';
import { REPORT_SCOPE_LABELS, REPORT_SCOPES, type PeriodReport } from './period-report.ts';
import { reportPeriodName } from './periods.ts';

/** How a column's numbers are written: whole numbers, one decimal, or a share (0-1) shown in percent. */
export type ReportColumnFormat = 'text' | 'integer' | 'decimal' | 'percent';

export interface ReportColumn {
  readonly label: Text;
  readonly format: ReportColumnFormat;
}

export interface ReportSection {
  /** A short name: the XLSX sheet's (at most 31 characters, no `/\?*[]:`). */
  readonly key: string;
  readonly sheet: Text;
  /** The section's heading in the document. */
  readonly title: Text;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** A last row of totals, set apart (bold) from the rows. */
  readonly total?: readonly (string | number | null)[];
}

const col = (vi: string, en: string, format: ReportColumnFormat = 'integer'): ReportColumn => ({ label: { vi, en }, format });
const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const TOTAL: Text = { vi: 'Tổng cộng', en: 'Total' };
const UNCLASSIFIED: Text = { vi: 'Chưa phân loại', en: 'Not classified yet' };

function channelLabel(channel: string, lang: Lang): string {
  return Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel as Channel][lang] : channel;
}

function receivedSection(report: PeriodReport, lang: Lang): ReportSection {
  const { received, byChannel } = report.figures;
  return {
    key: 'received',
    sheet: { vi: 'Tiếp nhận', en: 'Received' },
    title: { vi: 'Tình hình tiếp nhận theo kênh và phạm vi', en: 'Cases received by channel and scope' },
    columns: [
      col('Kênh tiếp nhận', 'Channel', 'text'),
      ...REPORT_SCOPES.map((s) => ({ label: REPORT_SCOPE_LABELS[s], format: 'integer' as const })),
      col('Tổng số', 'Total'),
    ],
    rows: byChannel.map((c) => [channelLabel(c.channel, lang), ...REPORT_SCOPES.map((s) => c[s]), c.total]),
    total: [TOTAL[lang], ...REPORT_SCOPES.map((s) => received[s]), received.total],
  };
}

function resultsSection(report: PeriodReport, lang: Lang): ReportSection {
  const f = report.figures;
  return {
    key: 'results',
    sheet: { vi: 'Kết quả xử lý', en: 'Results' },
    title: { vi: 'Kết quả xử lý, trả lời', en: 'Answers and their timeliness' },
    columns: [col('Chỉ tiêu', 'Figure', 'text'), col('Số lượng', 'Count'), col('Tỷ lệ', 'Share', 'percent')],
    rows: [
      [lang === 'vi' ? 'Đã trả lời (được Trung tâm xác nhận)' : 'Answered (verified by the Centre)', f.answered, null],
      [lang === 'vi' ? 'Trong đó: đúng hạn' : 'Of which on time', f.answeredOnTime, share(f.answeredOnTime, f.answered)],
      [lang === 'vi' ? 'Trong đó: quá hạn' : 'Of which late', f.answeredLate, share(f.answeredLate, f.answered)],
      [lang === 'vi' ? 'Đang quá hạn tại thời điểm lập báo cáo' : 'Overdue when the report was drawn', f.overdueNow, null],
    ],
  };
}

function categorySection(report: PeriodReport, lang: Lang): ReportSection {
  const { byCategory } = report.figures;
  const all = byCategory.reduce((n, c) => n + c.cases, 0);
  const label = (key: string) => (key === '' ? UNCLASSIFIED[lang] : (report.categoryLabels[key]?.[lang] ?? key));
  return {
    key: 'categories',
    sheet: { vi: 'Lĩnh vực', en: 'Categories' },
    title: { vi: 'Phản ánh, kiến nghị theo lĩnh vực (không kể trùng lặp đã gộp)', en: 'Cases by category (merged duplicates left out)' },
    columns: [col('Lĩnh vực', 'Category', 'text'), col('Số lượng', 'Cases'), col('Tỷ lệ', 'Share', 'percent')],
    rows: byCategory.map((c) => [label(c.category), c.cases, share(c.cases, all)]),
    total: [TOTAL[lang], all, all === 0 ? null : 1],
  };
}

/** A unit column's format from its values: text, a rate (a key ending in `Rate`, 0-1), whole or decimal numbers. */
function unitColumnFormat(key: string, rows: PeriodReport['units']['rows'], i: number): ReportColumnFormat {
  if (rows.some((r) => typeof r[i] === 'string')) return 'text';
  if (key.endsWith('Rate')) return 'percent';
  return rows.some((r) => typeof r[i] === 'number' && !Number.isInteger(r[i])) ? 'decimal' : 'integer';
}

function unitSection(report: PeriodReport): ReportSection {
  const { columns, rows } = report.units;
  return {
    key: 'units',
    sheet: { vi: 'Đơn vị', en: 'Units' },
    title: { vi: 'Kết quả của các đơn vị được chuyển xử lý', en: 'The units the cases were forwarded to' },
    columns: columns.map((c, i) => ({ label: c.label, format: unitColumnFormat(c.key, rows, i) })),
    rows,
  };
}

function recordsSection(report: PeriodReport, lang: Lang): ReportSection {
  const f = report.figures;
  return {
    key: 'records',
    sheet: { vi: 'Nhắc nhở, biểu dương', en: 'Reprimands, commendations' },
    title: { vi: 'Nhắc nhở, biểu dương đơn vị', en: 'Reprimands and commendations of units' },
    columns: [col('Đơn vị', 'Unit', 'text'), col('Nhắc nhở', 'Reprimands'), col('Biểu dương', 'Commendations')],
    rows: f.records.map((r) => [r.unitName, r.reprimands, r.commendations]),
    total: [TOTAL[lang], f.reprimands, f.commendations],
  };
}

function comparisonSection(report: PeriodReport, lang: Lang): ReportSection {
  const now = reportPeriodName(report.period, lang);
  const before = reportPeriodName(report.previousPeriod, lang);
  return {
    key: 'comparison',
    sheet: { vi: 'So sánh kỳ trước', en: 'Previous period' },
    title: { vi: 'So sánh với kỳ trước', en: 'Compared with the previous period' },
    columns: [
      col('Chỉ tiêu', 'Figure', 'text'),
      { label: { vi: now, en: now }, format: 'integer' },
      { label: { vi: before, en: before }, format: 'integer' },
      col('Tăng (+), giảm (-)', 'Change'),
      col('Tỷ lệ tăng, giảm', 'Change in percent', 'percent'),
    ],
    rows: report.comparison.map((c) => [c.label[lang], c.current, c.previous, c.change, c.changePercent === null ? null : c.changePercent / 100]),
  };
}

/** The report's tables, in its order. */
export function periodReportSections(report: PeriodReport, lang: Lang): ReportSection[] {
  return [
    receivedSection(report, lang),
    resultsSection(report, lang),
    categorySection(report, lang),
    unitSection(report),
    recordsSection(report, lang),
    comparisonSection(report, lang),
  ];
}

/** The report's title line after "BÁO CÁO": "Kết quả tiếp nhận, xử lý phản ánh, kiến nghị quý I năm 2026". */
export function periodReportTitle(report: PeriodReport, lang: Lang): string {
  const name = reportPeriodName(report.period, lang);
  return lang === 'vi'
    ? `Kết quả tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp ${name.charAt(0).toLowerCase()}${name.slice(1)}`
    : `Cases received and handled: ${name}`;
}

/** A Vietnamese date as official documents write it, from `YYYY-MM-DD`: 15/12/2025. */
export function officialDate(date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The data period line: "Số liệu từ ngày 15/12/2025 đến ngày 14/3/2026". */
export function periodReportDataLine(report: PeriodReport, lang: Lang): string {
  const { from, to } = report.range;
  return lang === 'vi' ? `Số liệu từ ngày ${officialDate(from)} đến ngày ${officialDate(to)}` : `Figures from ${from} to ${to}`;
}
