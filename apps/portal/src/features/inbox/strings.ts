import type { Text } from '@pakn/domain';

export const STRINGS = {
  heading: { vi: 'Hộp thư phản ánh', en: 'Case inbox' },
  statusFilter: { vi: 'Trạng thái', en: 'Status' },
  open: { vi: 'Đang xử lý', en: 'Open' },
  all: { vi: 'Tất cả', en: 'All' },
  caption: {
    vi: 'Danh sách phản ánh, kiến nghị (hạn xử lý gần nhất trước)',
    en: 'Cases, nearest deadline first',
  },
  reference: { vi: 'Mã phản ánh', en: 'Reference' },
  receivedAt: { vi: 'Ngày tiếp nhận', en: 'Received' },
  channel: { vi: 'Kênh', en: 'Channel' },
  category: { vi: 'Loại', en: 'Category' },
  status: { vi: 'Trạng thái', en: 'Status' },
  description: { vi: 'Nội dung', en: 'Description' },
  outOfScope: { vi: 'Ngoài phạm vi', en: 'Out of scope' },
  empty: {
    vi: 'Không có phản ánh nào ở trạng thái này.',
    en: 'There are no cases with this status.',
  },
  count: { vi: '{n} phản ánh', en: '{n} case(s)' },
  countShown: { vi: '{n} kết quả trên trang này', en: '{n} result(s) on this page' },
  assignedToMe: { vi: 'Được giao cho tôi', en: 'Assigned to me' },
  csv: { vi: 'Xuất CSV', en: 'Export CSV' },
  csvTitle: { vi: 'Tải danh sách đang hiển thị (tệp CSV, mở được bằng Excel)', en: 'Download the list shown (CSV file, opens in Excel)' },
  shortcutHint: { vi: 'Phím tắt: j/k chọn, Enter mở, / tìm kiếm, ? xem tất cả', en: 'Keys: j/k select, Enter open, / search, ? all shortcuts' },
  search: { vi: 'Tìm kiếm phản ánh', en: 'Search cases' },
  searchPlaceholder: {
    vi: 'Mã phản ánh, mã hồ sơ, nội dung, họ tên, số điện thoại hoặc email đầy đủ…',
    en: 'Reference, dossier code, text, name, full phone number or email…',
  },
  searchHelp: { vi: 'Gõ có dấu hoặc không dấu đều được.', en: 'With or without Vietnamese diacritics.' },
  clearSearch: { vi: 'Xóa tìm kiếm', en: 'Clear search' },
  noResults: { vi: 'Không tìm thấy phản ánh nào khớp với “{q}”.', en: 'No cases match “{q}”.' },
  searchCaption: { vi: 'Kết quả tìm kiếm “{q}” (khớp nhất trước)', en: 'Cases matching “{q}”, best match first' },
} as const satisfies Record<string, Text>;
