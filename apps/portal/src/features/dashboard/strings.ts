import type { Text } from '@pakn/domain';

export const STRINGS = {
  heading: { vi: 'Bảng số liệu phản ánh, kiến nghị', en: 'Complaints dashboard' },
  intro: {
    vi: 'Số phản ánh tiếp nhận theo kênh, loại, đơn vị và thời gian, so với kỳ trước. Bấm vào một số liệu để xem danh sách phản ánh.',
    en: 'Cases received by channel, category, unit and time, compared with the previous period. Click a figure to see its cases.',
  },
  period: { vi: 'Kỳ', en: 'Period' },
  date: { vi: 'Ngày trong kỳ', en: 'A day in the period' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  holder: { vi: 'Phạm vi', en: 'Scope' },
  grain: { vi: 'Biểu đồ theo', en: 'Chart by' },
  city: { vi: 'Toàn thành phố', en: 'Whole city' },
  previous: { vi: 'Kỳ trước', en: 'Previous period' },
  change: { vi: 'Thay đổi', en: 'Change' },
  compared: { vi: 'So với kỳ trước ({from} – {to})', en: 'Compared with {from} – {to}' },
  received: { vi: 'Phản ánh tiếp nhận', en: 'Cases received' },
  contacts: { vi: 'Người gửi, người gọi (không trùng)', en: 'Distinct callers and senders' },
  inScope: { vi: 'Thuộc phạm vi', en: 'In scope' },
  outOfScope: { vi: 'Ngoài phạm vi (đã hướng dẫn)', en: 'Out of scope (referred)' },
  pending: { vi: 'Chưa phân loại', en: 'Not yet classified' },
  onTime: { vi: 'Trả lời đúng hạn (giai đoạn đơn vị trả lời)', en: 'Answered on time (answering stage)' },
  answerDays: { vi: 'Số ngày làm việc TB để trả lời', en: 'Avg working days to answer' },
  overdueNow: { vi: 'Đang quá hạn (hiện tại)', en: 'Overdue now' },
  satisfaction: { vi: 'Mức hài lòng TB (1–5)', en: 'Avg satisfaction (1–5)' },
  ratings: { vi: '{n} lượt đánh giá', en: '{n} ratings' },
  reprimands: { vi: 'Nhắc nhở', en: 'Reprimands' },
  commendations: { vi: 'Biểu dương', en: 'Commendations' },
  byTime: { vi: 'Phản ánh theo thời gian và kênh', en: 'Cases over time, by channel' },
  byHour: { vi: 'Phản ánh theo giờ trong ngày (bố trí trực đường dây nóng)', en: 'Cases by hour of day (hotline staffing)' },
  byWeekday: { vi: 'Phản ánh theo thứ trong tuần', en: 'Cases by weekday' },
  byChannel: { vi: 'Theo kênh tiếp nhận', en: 'By channel' },
  byCategory: { vi: 'Theo loại phản ánh', en: 'By category' },
  byUnit: { vi: 'Theo đơn vị', en: 'By unit' },
  channel: { vi: 'Kênh', en: 'Channel' },
  category: { vi: 'Loại phản ánh', en: 'Category' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  cases: { vi: 'Số phản ánh', en: 'Cases' },
  hour: { vi: 'Giờ', en: 'Hour' },
  weekday: { vi: 'Thứ', en: 'Weekday' },
  allChannels: { vi: 'Tất cả các kênh', en: 'All channels' },
  noCategory: { vi: 'Chưa phân loại', en: 'Not classified' },
  noUnit: { vi: 'Chưa chuyển đơn vị', en: 'Not at a unit' },
  empty: { vi: 'Không có phản ánh nào trong kỳ này.', en: 'No cases in this period.' },
  csvName: { vi: 'so-lieu', en: 'dashboard' },
} as const satisfies Record<string, Text>;

export const PERIOD_LABELS = {
  day: { vi: 'Hôm nay / một ngày', en: 'A day' },
  week: { vi: 'Tuần', en: 'Week' },
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  half: { vi: '6 tháng', en: 'Six months' },
  year: { vi: 'Năm', en: 'Year' },
  range: { vi: 'Từ ngày – đến ngày', en: 'From – to' },
} as const satisfies Record<string, Text>;

export const GROUP_LABELS = {
  wards: { vi: 'Các xã, phường', en: 'Wards and communes' },
  branches: { vi: 'Các chi nhánh', en: 'Branches' },
  departments: { vi: 'Các sở, ngành', en: 'Departments' },
} as const satisfies Record<string, Text>;

export const GRAIN_LABELS = {
  day: { vi: 'Ngày', en: 'Day' },
  week: { vi: 'Tuần', en: 'Week' },
  month: { vi: 'Tháng', en: 'Month' },
} as const satisfies Record<string, Text>;

/** `%w` of SQLite: 0 is Sunday. */
export const WEEKDAYS: readonly Text[] = [
  { vi: 'Chủ nhật', en: 'Sunday' },
  { vi: 'Thứ Hai', en: 'Monday' },
  { vi: 'Thứ Ba', en: 'Tuesday' },
  { vi: 'Thứ Tư', en: 'Wednesday' },
  { vi: 'Thứ Năm', en: 'Thursday' },
  { vi: 'Thứ Sáu', en: 'Friday' },
  { vi: 'Thứ Bảy', en: 'Saturday' },
];
