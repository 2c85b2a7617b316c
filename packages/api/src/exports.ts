import { listCategories, listUnits } from '@pakn/db';
import {
  CASE_STATUS_LABELS,
  categoryLabel,
  CHANNEL_LABELS,
  DomainError,
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
import { visibleCaseCount, visibleCasePage, type CaseListInput } from './case-list.ts';
import type { StaffCaseView } from './presenters.ts';
import { createContext, type ApiServices, type Context, type RequestInfo } from './context.ts';
import { csvHead, csvRecords, type CsvCell } from '@pakn/domain';
import { assertSameOriginWrite, requirePermission } from './trpc.ts';

/**
 * An export ready to send: the file's name and its text in pieces, BOM and header first, each piece produced
 * when the reader asks for it (a page of records at a time), so that an export of any size holds one page in
 * memory. A failure after the first piece ends the text with INTERRUPTED's record and then throws from the
 * iterator: the server aborts the response (see apps/server/src/routes/exports.ts), so the download fails, and a
 * file saved anyway says on its last line that it is incomplete. Nothing is capped.
 */
export interface CsvExport {
  readonly filename: string;
  readonly chunks: AsyncIterable<string>;
}

/** The last record of a file whose export failed halfway (no formula character: csvCell leaves it as it is). */
const INTERRUPTED: Text = {
  vi: 'LỖI: việc xuất dữ liệu bị gián đoạn, tệp này KHÔNG đầy đủ. Vui lòng xuất lại.',
  en: 'ERROR: the export was interrupted; this file is NOT complete. Please export again.',
};

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
export async function signedIn(services: ApiServices, request: RequestInfo) {
  const ctx = await createContext(services, request);
  assertSameOriginWrite(ctx);
  if (!ctx.staff) throw new DomainError('unauthenticated', 'Sign in first');
  return { ...ctx, staff: ctx.staff } as Context & { staff: NonNullable<Context['staff']> };
}

/** Query parameters to a schema's input, with the same field errors the forms show. */
export function parseQuery<T>(
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
const CODES: Readonly<Record<string, true>> = {
  date_format: true,
  date_too_early: true,
  date_too_late: true,
  date_order: true,
  period_too_long: true,
  period_index: true,
};

/** Rows read per page of an export: one page is all an export holds in memory. */
const EXPORT_PAGE = 200;

/**
 * The file's text: the head, then each page of records as it is read, and on a failure after the head a last
 * record that says the file is incomplete before the error is thrown on (see CsvExport).
 */
export async function* csvText(
  lang: Lang,
  header: readonly Text[],
  pages: AsyncIterable<readonly (readonly CsvCell[])[]> | Iterable<readonly (readonly CsvCell[])[]>,
): AsyncGenerator<string> {
  yield csvHead(header.map((c) => c[lang]));
  try {
    for await (const rows of pages) if (rows.length > 0) yield csvRecords(rows);
  } catch (error) {
    yield csvRecords([[INTERRUPTED[lang]]]);
    throw error;
  }
}

/** An export written whole (a workbook is a zip: it cannot be streamed a page at a time). */
export interface BinaryExport {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One case as a record of the export: exactly what the screen shows of it. */
function caseRecord(c: StaffCaseView, lang: Lang, unitName: ReadonlyMap<string, string>, categories: Awaited<ReturnType<typeof listCategories>>): CsvCell[] {
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
}

/** The inbox's list, whole cases, a page at a time in the inbox's order (keyset pages: the same cost at any depth). */
async function* casePages(ctx: Context & { staff: StaffMember }, filter: CaseListInput, lang: Lang): AsyncGenerator<CsvCell[][]> {
  const [units, categories] = await Promise.all([listUnits(ctx.services.db), listCategories(ctx.services.db)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  let cursor: string | undefined;
  do {
    const page = await visibleCasePage(ctx, ctx.staff, { ...filter, cursor, limit: EXPORT_PAGE }, 'full');
    yield page.items.map((c) => caseRecord(c, lang, unitName, categories));
    cursor = page.next ?? undefined;
  } while (cursor);
}

/**
 * The cases of the signed-in staff member's inbox, with the inbox's filters (`status`, `assignedToMe`, `q`) and
 * its visibility, all of them, streamed: a unit exports only its own cases, the citizen's identity is masked as
 * on screen and left out entirely for a unit when the citizen asked for confidentiality.
 * Audited before the first record leaves, so that no export, however it ends, goes unrecorded: the entry holds
 * the filter and the number of cases the list held then (`rows`; null for a search, which has no count).
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
  const rows = await visibleCaseCount(ctx, ctx.staff, filter);
  // The search text may be a citizen's name or number (issue 9): the audit keeps it masked.
  const audited = { ...filter, q: filter.q === undefined ? undefined : maskSearchText(filter.q) };
  await services.db.write((tx) => auditStaff(tx, ctx, { action: 'export.cases', entityType: 'export', entityId: null, after: { filter: audited, rows } }));
  const today = vietnamDateOf(services.now().getTime());
  return { filename: `pakn-phan-anh-${today}.csv`, chunks: csvText(lang, CASE_COLUMNS, casePages(ctx, filter, lang)) };
}
