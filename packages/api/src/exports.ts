import { listCategories, listUnits } from '@pakn/db';
import {
  CASE_STATUS_LABELS,
  categoryLabel,
  CHANNEL_LABELS,
  DomainError,
  EvaluationPeriodInputSchema,
  InboxInputSchema,
  OUT_OF_SCOPE_LABELS,
  formatVietnamDateTime,
  maskSearchText,
  vietnamDateOf,
  type Lang,
  type StaffMember,
  type Text,
} from '@pakn/domain';
import { auditStaff } from './audit.ts';
import { visibleCasePage, type CaseListInput } from './case-list.ts';
import type { StaffCaseView } from './presenters.ts';
import { createContext, type ApiServices, type Context, type RequestInfo } from './context.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { unitEvaluation } from './evaluation.ts';
import { assertSameOriginWrite, requirePermission } from './trpc.ts';

/** An export ready to send: the file's name, its text (BOM included) and how many records it holds. */
export interface CsvExport {
  readonly filename: string;
  readonly content: string;
  readonly rows: number;
}

/** The most cases one export holds (the inbox pages through all of them). */
const CASE_EXPORT_LIMIT = 10_000;

const CASE_COLUMNS: readonly Text[] = [
  { vi: 'Mã phản ánh', en: 'Reference' },
  { vi: 'Ngày tiếp nhận', en: 'Received' },
  { vi: 'Kênh', en: 'Channel' },
  { vi: 'Lĩnh vực', en: 'Category' },
  { vi: 'Trạng thái', en: 'Status' },
  { vi: 'Đơn vị xử lý', en: 'Handling unit' },
  { vi: 'Đơn vị bị phản ánh', en: 'Unit concerned' },
  { vi: 'Người được giao', en: 'Assigned to' },
  { vi: 'Hạn xử lý', en: 'Due' },
  { vi: 'Ngày làm việc còn lại', en: 'Working days left' },
  { vi: 'Quá hạn', en: 'Overdue' },
  { vi: 'Người phản ánh', en: 'Citizen' },
  { vi: 'Điện thoại', en: 'Phone' },
  { vi: 'Thư điện tử', en: 'Email' },
  { vi: 'Giữ bí mật danh tính', en: 'Confidential' },
  { vi: 'Nội dung', en: 'Description' },
  { vi: 'Ngày trả lời', en: 'Answered' },
  { vi: 'Điểm đánh giá', en: 'Rating' },
];

const EVALUATION_COLUMNS: readonly Text[] = [
  { vi: 'Đơn vị', en: 'Unit' },
  { vi: 'Tiếp nhận', en: 'Received' },
  { vi: 'Đã trả lời', en: 'Answered' },
  { vi: 'Trả lời đúng hạn', en: 'Answered on time' },
  { vi: 'Đang quá hạn', en: 'Overdue now' },
  { vi: 'Số ngày làm việc trung bình để trả lời', en: 'Average working days to answer' },
  { vi: 'Đôn đốc', en: 'Reminders' },
  { vi: 'Báo cáo Giám đốc', en: 'Escalations' },
  { vi: 'Nhắc nhở', en: 'Reprimands' },
  { vi: 'Chấn chỉnh', en: 'Corrections' },
  { vi: 'Biểu dương', en: 'Commendations' },
  { vi: 'Điểm hài lòng trung bình', en: 'Average rating' },
  { vi: 'Đề nghị xem xét lại', en: 'Reviews requested' },
];

const YES: Text = { vi: 'Có', en: 'Yes' };
const NO: Text = { vi: 'Không', en: 'No' };

/**
 * Vietnam's wall-clock time, to the minute: what a spreadsheet user expects to read. A stored value that is not
 * a time the calendar can show (a bad row from an old import) is written as stored: one row never fails a file.
 */
function localTime(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  try {
    return formatVietnamDateTime(ms).slice(0, 16).replace('T', ' ');
  } catch {
    return iso;
  }
}

/** An export is audited, so it is a staff write: the portal's own origin and the anti-CSRF header (issue 9). */
async function signedIn(services: ApiServices, request: RequestInfo) {
  const ctx = await createContext(services, request);
  assertSameOriginWrite(ctx);
  if (!ctx.staff) throw new DomainError('unauthenticated', 'Sign in first');
  return { ...ctx, staff: ctx.staff } as Context & { staff: NonNullable<Context['staff']> };
}

/** Query parameters to a schema's input, with the same field errors the forms show. */
function parseQuery<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= Object.hasOwn(CODES, issue.message) ? issue.message : 'invalid';
  throw new DomainError('invalid', 'Invalid export filter', { fields });
}
const CODES: Readonly<Record<string, true>> = { date_format: true, date_too_early: true, date_too_late: true, date_order: true, period_too_long: true };

/** The inbox's list, whole cases, read page by page in the inbox's order up to the export's limit. */
async function exportedCases(ctx: Context & { staff: StaffMember }, filter: CaseListInput): Promise<StaffCaseView[]> {
  const cases: StaffCaseView[] = [];
  let cursor: string | undefined;
  do {
    const page = await visibleCasePage(ctx, ctx.staff, { ...filter, cursor, limit: Math.min(EXPORT_PAGE, CASE_EXPORT_LIMIT - cases.length) }, 'full');
    cases.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor && cases.length < CASE_EXPORT_LIMIT);
  return cases;
}
const EXPORT_PAGE = 200;

/**
 * The cases of the signed-in staff member's inbox, with the inbox's filters (`status`, `assignedToMe`, `q`) and
 * its visibility: a unit exports only its own cases, the citizen's identity is masked as on screen and left
 * out entirely for a unit when the citizen asked for confidentiality. Audited with the filter and the count.
 */
export async function exportCases(services: ApiServices, request: RequestInfo, query: Readonly<Record<string, string | undefined>>): Promise<CsvExport> {
  const ctx = await signedIn(services, request);
  requirePermission(ctx.staff, 'exportCases');
  const filter = parseQuery(InboxInputSchema, {
    status: query.status || undefined,
    assignedToMe: query.assignedToMe === undefined ? undefined : query.assignedToMe === '1' || query.assignedToMe === 'true',
    q: query.q || undefined,
  });
  const lang: Lang = request.lang;
  const [cases, units, categories] = await Promise.all([exportedCases(ctx, filter), listUnits(services.db), listCategories(services.db)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const rows: CsvCell[][] = cases.map((c) => {
    const categoryKey = c.category ?? c.reportedCategory;
    const category = c.outOfScopeClass ? OUT_OF_SCOPE_LABELS[c.outOfScopeClass][lang] : categoryKey ? categoryLabel(categories, categoryKey, lang) : '';
    return [
      c.reference,
      localTime(c.createdAt),
      CHANNEL_LABELS[c.channel][lang],
      category,
      CASE_STATUS_LABELS[c.status][lang],
      c.unitId ? (unitName.get(c.unitId) ?? c.unitId) : '',
      c.concernedUnitId ? (unitName.get(c.concernedUnitId) ?? c.concernedUnitId) : '',
      c.assignee?.displayName ?? '',
      localTime(c.deadline?.dueAt ?? null),
      c.deadline && !c.deadline.overdue ? c.deadline.workingDaysLeft : '',
      c.deadline ? (c.deadline.overdue ? YES[lang] : NO[lang]) : '',
      // Exactly what the screen shows: masked for everyone, nothing at all when hidden from this viewer.
      c.contact?.name ?? '',
      c.contact?.phone ?? '',
      c.contact?.email ?? '',
      c.confidential ? YES[lang] : NO[lang],
      c.description,
      localTime(c.answeredAt),
      c.rating?.score ?? '',
    ];
  });
  // The search text may be a citizen's name or number (issue 9): the audit keeps it masked.
  const audited = { ...filter, q: filter.q === undefined ? undefined : maskSearchText(filter.q) };
  await services.db.write((tx) =>
    auditStaff(tx, ctx, { action: 'export.cases', entityType: 'export', entityId: null, after: { filter: audited, rows: rows.length } }),
  );
  const today = vietnamDateOf(services.now().getTime());
  return {
    filename: `pakn-phan-anh-${today}.csv`,
    content: toCsv(
      CASE_COLUMNS.map((c) => c[lang]),
      rows,
    ),
    rows: rows.length,
  };
}

/** The per-unit evaluation for `from`–`to` (Vietnamese calendar days, both included), audited. */
export async function exportUnitEvaluation(
  services: ApiServices,
  request: RequestInfo,
  query: Readonly<Record<string, string | undefined>>,
): Promise<CsvExport> {
  const ctx = await signedIn(services, request);
  requirePermission(ctx.staff, 'readEvaluation');
  const period = parseQuery(EvaluationPeriodInputSchema, { from: query.from ?? '', to: query.to ?? '' });
  const lang: Lang = request.lang;
  const evaluation = await unitEvaluation(services, period);
  const rows: CsvCell[][] = evaluation.map((r) => [
    r.unitName,
    r.received,
    r.answered,
    r.answeredOnTime,
    r.overdueNow,
    r.averageWorkingDaysToAnswer,
    r.reminders,
    r.escalations,
    r.reprimands,
    r.corrections,
    r.commendations,
    r.averageRating,
    r.reviewsRequested,
  ]);
  await services.db.write((tx) =>
    auditStaff(tx, ctx, { action: 'export.unit_evaluation', entityType: 'export', entityId: null, after: { period, rows: rows.length } }),
  );
  return {
    filename: `pakn-danh-gia-don-vi-${period.from}_${period.to}.csv`,
    content: toCsv(
      EVALUATION_COLUMNS.map((c) => c[lang]),
      rows,
    ),
    rows: rows.length,
  };
}
