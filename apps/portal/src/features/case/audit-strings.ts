import type { CaseEventKind, Lang, Text } from '@pakn/domain';
import { EVENT_LABELS } from './strings.ts';

/** The words of the audit log (a case's, and the whole log's page). */
export const AUDIT_STRINGS = {
  heading: { vi: 'Nhật ký kiểm tra', en: 'Audit log' },
  intro: {
    vi: 'Mọi thao tác trên phản ánh và mọi lần xem danh tính người phản ánh, nối thành chuỗi băm không sửa được.',
    en: 'Every action on the case and every opening of the citizen’s identity, chained by hashes that cannot be edited unnoticed.',
  },
  caption: { vi: 'Nhật ký kiểm tra của phản ánh, cũ nhất trước', en: 'The case’s audit log, oldest first' },
  seq: { vi: 'Số', en: 'No.' },
  at: { vi: 'Thời điểm', en: 'When' },
  action: { vi: 'Thao tác', en: 'Action' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  reason: { vi: 'Lý do, ghi chú', en: 'Reason, note' },
  staff: { vi: 'Cán bộ', en: 'Staff' },
  logHeading: { vi: 'Nhật ký kiểm tra toàn hệ thống', en: 'The whole audit log' },
  logIntro: {
    vi: 'Mọi thao tác của cán bộ và người dân, mọi lần xem danh tính và xuất dữ liệu, cũ nhất trước.',
    en: 'Every action of staff and citizens, every opening of an identity and every export, oldest first.',
  },
  logCaption: { vi: 'Nhật ký kiểm tra, cũ nhất trước', en: 'The audit log, oldest first' },
  filters: { vi: 'Lọc nhật ký', en: 'Filter the log' },
  filterAction: { vi: 'Thao tác (hoặc phần đầu, ví dụ case. hay export.)', en: 'Action (or its start, e.g. case. or export.)' },
  filterActor: { vi: 'Người thực hiện (tên đăng nhập, họ tên)', en: 'Who (username, name)' },
  filterFrom: { vi: 'Từ ngày', en: 'From' },
  filterTo: { vi: 'Đến ngày', en: 'To' },
  filterEntityType: { vi: 'Loại đối tượng', en: 'Entity type' },
  filterEntityId: { vi: 'Mã đối tượng', en: 'Entity id' },
  anyEntity: { vi: 'Tất cả', en: 'Any' },
  apply: { vi: 'Lọc', en: 'Filter' },
  clear: { vi: 'Bỏ lọc', en: 'Clear' },
  entity: { vi: 'Đối tượng', en: 'Entity' },
  total: { vi: '{n} mục, 50 mục mỗi trang', en: '{n} entries, 50 a page' },
  citizen: { vi: 'Người dân', en: 'Citizen' },
  system: { vi: 'Hệ thống', en: 'System' },
  empty: { vi: 'Chưa có mục nào.', en: 'No entries yet.' },
} as const satisfies Record<string, Text>;

/** Audit actions that are not moves of the workflow (those read as the history's words). */
const ACTION_LABELS: Readonly<Record<string, Text>> = {
  'identity.reveal': { vi: 'Xem danh tính người phản ánh', en: 'Opened the citizen’s identity' },
  'identity.search': { vi: 'Tìm phản ánh theo danh tính người phản ánh', en: 'Searched cases by a citizen’s identity' },
  'case.submitted': { vi: 'Người dân gửi phản ánh qua cổng trực tuyến', en: 'Submitted by the citizen online' },
  'case.logged': { vi: 'Cán bộ ghi nhận phản ánh', en: 'Logged by an officer' },
  'contact.logged': { vi: 'Ghi nhận người dân liên hệ lại', en: 'Repeat contact logged' },
  'case.rated': { vi: 'Người dân đánh giá kết quả', en: 'Rated by the citizen' },
  'case.info_provided': { vi: 'Người dân bổ sung thông tin', en: 'Information provided by the citizen' },
  'case.review_requested': { vi: 'Người dân đề nghị xem xét lại', en: 'Review requested by the citizen' },
  'case.assigned': { vi: 'Giao cán bộ xử lý', en: 'Assigned to a member of the unit' },
  'attachment.download': { vi: 'Tải tệp đính kèm', en: 'Downloaded an attachment' },
  'export.cases': { vi: 'Xuất danh sách phản ánh (CSV)', en: 'Exported the case list (CSV)' },
  'export.unit_evaluation': { vi: 'Xuất bảng đánh giá đơn vị (CSV)', en: 'Exported the unit evaluation (CSV)' },
  'audit.key_changed': { vi: 'Bắt đầu ký nhật ký bằng khoá mới', en: 'The log is signed with a new key from here' },
};

export const ENTITY_TYPES: Readonly<Record<string, Text>> = {
  case: { vi: 'Phản ánh', en: 'Case' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  export: { vi: 'Xuất dữ liệu', en: 'Export' },
  search: { vi: 'Tìm kiếm', en: 'Search' },
  staff: { vi: 'Tài khoản', en: 'Account' },
  authority: { vi: 'Cơ quan có thẩm quyền', en: 'Authority' },
  calendar: { vi: 'Lịch làm việc', en: 'Calendar' },
  audit: { vi: 'Nhật ký kiểm tra', en: 'Audit log' },
};

export function actionLabel(action: string, lang: Lang): string | null {
  const own = ACTION_LABELS[action];
  if (own) return own[lang];
  const kind = action.startsWith('case.') ? action.slice('case.'.length) : '';
  return kind in EVENT_LABELS ? EVENT_LABELS[kind as CaseEventKind][lang] : null;
}

/** `<pakn-audit-verify>`'s button and findings. */
export const VERIFY_STRINGS = {
  verify: { vi: 'Kiểm tra tính toàn vẹn', en: 'Verify integrity' },
  verifying: { vi: 'Đang kiểm tra…', en: 'Verifying…' },
  findings: { vi: 'Những sai lệch tìm thấy', en: 'What was found' },
} as const satisfies Record<string, Text>;
