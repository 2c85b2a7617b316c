import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.ts';
import {
  officialDate,
  PeriodReportInputSchema,
  periodReportDataLine,
  periodReportSections,
  periodReportTitle,
  type Lang,
  type PeriodReport,
  type ReportColumnFormat,
  type ReportSection,
} from '@pakn/domain';
import { auditStaff } from './audit.ts';
import type { ApiServices, RequestInfo } from './context.ts';
import type { CsvCell } from '@pakn/domain';
import { csvText, parseQuery, signedIn, XLSX_TYPE, type BinaryExport, type CsvExport } from './exports.ts';
import { chosenPeriod, periodReport } from './period-report.ts';
import { reportCutOffDay } from './report-cut-off.ts';
import { requirePermission } from './trpc.ts';

/** The report asked for, audited before it leaves: who exported which period, as which file, and how many units. */
async function auditedReport(services: ApiServices, request: RequestInfo, query: Readonly<Record<string, string | undefined>>, format: 'csv' | 'xlsx') {
  const ctx = await signedIn(services, request);
  requirePermission(ctx.staff, 'readEvaluation');
  const number = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  const input = parseQuery(PeriodReportInputSchema, { kind: query.kind, year: number(query.year), index: number(query.index) });
  const period = chosenPeriod(input, await reportCutOffDay(services.db), services.now());
  const report = await periodReport(services, period);
  await services.db.write((tx) =>
    auditStaff(tx, ctx, {
      action: 'export.period_report',
      entityType: 'export',
      entityId: null,
      after: { period, range: report.range, format, units: report.units.rows.length },
    }),
  );
  return report;
}

const fileName = (report: PeriodReport, ext: string) => {
  const { kind, year, index } = report.period;
  return `pakn-bao-cao-${kind}-${year}-${index}_${report.range.from}_${report.range.to}.${ext}`;
};

/** Percentages are stored as shares (0-1) and shown in percent; CSV writes them as percent numbers, one decimal. */
function csvValue(value: string | number | null, format: ReportColumnFormat): CsvCell {
  if (typeof value === 'number' && format === 'percent') return Math.round(value * 1000) / 10;
  return value;
}

function csvSection(section: ReportSection, lang: Lang): CsvCell[][] {
  const value = (row: readonly (string | number | null)[]) => row.map((v, i) => csvValue(v, section.columns[i]?.format ?? 'text'));
  return [
    [section.title[lang]],
    section.columns.map((c) => c.label[lang] + (c.format === 'percent' ? ' (%)' : '')),
    ...section.rows.map(value),
    ...(section.total ? [value(section.total)] : []),
    [],
  ];
}

/** The report as CSV: the tables one after another, each with its title and header, safe against formula injection. */
export async function exportPeriodReportCsv(
  services: ApiServices,
  request: RequestInfo,
  query: Readonly<Record<string, string | undefined>>,
): Promise<CsvExport> {
  const report = await auditedReport(services, request, query, 'csv');
  const lang: Lang = request.lang;
  const heading = [[periodReportDataLine(report, lang)], []];
  const pages = [heading, ...periodReportSections(report, lang).map((s) => csvSection(s, lang))];
  const title = { vi: `BÁO CÁO ${periodReportTitle(report, 'vi')}`, en: periodReportTitle(report, 'en') };
  return { filename: fileName(report, 'csv'), chunks: csvText(lang, [title], pages) };
}

const NUMBER_FORMATS: Readonly<Record<ReportColumnFormat, string | undefined>> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0%',
};

/** One sheet: the title, the data period, then the table with its header frozen and each column's number format. */
function addSheet(book: ExcelJS.Workbook, report: PeriodReport, section: ReportSection, lang: Lang): void {
  const sheet = book.addWorksheet(section.sheet[lang].slice(0, 31));
  sheet.addRow([section.title[lang]]).font = { bold: true, size: 13 };
  sheet.addRow([periodReportDataLine(report, lang)]).font = { italic: true };
  const header = sheet.addRow(section.columns.map((c) => c.label[lang]));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  // Strings are written as strings: a unit's or category's name that starts with "=" stays text, never a formula.
  for (const row of section.rows) sheet.addRow([...row]);
  if (section.total) sheet.addRow([...section.total]).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: header.number }];
  section.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.format === 'text' ? 36 : 14;
    const numFmt = NUMBER_FORMATS[c.format];
    if (numFmt) column.eachCell((cell, rowNumber) => (rowNumber > header.number ? (cell.numFmt = numFmt) : undefined));
  });
}

/** The report as an XLSX workbook: one sheet per table, frozen headers, number formats. */
export async function exportPeriodReportXlsx(
  services: ApiServices,
  request: RequestInfo,
  query: Readonly<Record<string, string | undefined>>,
): Promise<BinaryExport> {
  const report = await auditedReport(services, request, query, 'xlsx');
  const lang: Lang = request.lang;
  const book = await newWorkbook();
  // The workbook's own date is the report's, so the same report gives the same file.
  book.created = new Date(report.drawnAt);
  book.modified = book.created;
  book.title = `BÁO CÁO ${periodReportTitle(report, 'vi')} (${officialDate(report.range.from)} - ${officialDate(report.range.to)})`;
  for (const section of periodReportSections(report, lang)) addSheet(book, report, section, lang);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { filename: fileName(report, 'xlsx'), contentType: XLSX_TYPE, bytes };
}
