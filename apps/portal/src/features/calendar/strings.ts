import type { DayKind, Text } from '@pakn/domain';

export const STRINGS = {
  heading: { vi: 'Lịch làm việc', en: 'Working calendar' },
  intro: {
    vi: 'Lịch làm việc của Trung tâm: thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, Tết, nghỉ bù và nghỉ thêm; ngày làm bù là ngày làm việc. Mọi thời hạn xử lý phản ánh được tính theo lịch này.',
    en: 'The Centre’s working calendar: Monday to Friday, except public holidays and days off; make-up days are worked. Every case deadline is counted on it.',
  },
  readOnlyNote: {
    vi: 'Lịch năm do quản trị hệ thống cập nhật theo công bố của Chính phủ.',
    en: 'Administrators keep each year’s schedule as the government publishes it.',
  },
  year: { vi: 'Năm', en: 'Year' },
  sourceLabel: { vi: 'Căn cứ', en: 'Source' },
  noSchedule: {
    vi: 'Chưa có lịch nghỉ lễ, Tết của năm này: đang áp dụng các ngày lễ theo Bộ luật Lao động (Tết Âm lịch 5 ngày mặc định, nghỉ kèm Quốc khánh ngày 03/9).',
    en: 'No schedule has been entered for this year: the Labour Code’s holidays apply (five default Tết days, 3 September paired with National Day).',
  },
  monthView: { vi: 'Lịch các tháng năm {year}', en: 'Months of {year}' },
  monthViewPreview: { vi: 'Lịch các tháng năm {year} (xem trước, chưa lưu)', en: 'Months of {year} (preview, not saved)' },
  legend: { vi: 'Chú giải', en: 'Legend' },
  today: { vi: 'hôm nay', en: 'today' },
  specialDays: { vi: 'Ngày nghỉ lễ, nghỉ bù và làm bù năm {year}', en: 'Holidays, days off and make-up days in {year}' },
  specialDaysCaption: { vi: 'Các ngày đặc biệt trong năm, theo thứ tự ngày', en: 'Special days of the year, in date order' },
  noSpecialDays: { vi: 'Năm này không có ngày đặc biệt nào.', en: 'This year has no special days.' },
  date: { vi: 'Ngày', en: 'Date' },
  kind: { vi: 'Loại ngày', en: 'Kind' },
  name: { vi: 'Tên, lý do', en: 'Name' },

  previewNotice: {
    vi: 'Đang xem trước lịch năm {year} theo nội dung đang soạn. Lịch này chưa được lưu và chưa áp dụng cho thời hạn xử lý.',
    en: 'Previewing {year} with the schedule being edited. It is not saved and no deadline uses it yet.',
  },
  leavePreview: { vi: 'Xem lại lịch đang áp dụng', en: 'Show the calendar in force' },

  editorHeading: { vi: 'Cập nhật lịch năm {year}', en: 'Edit the {year} schedule' },
  editorIntro: {
    vi: 'Nhập các ngày nghỉ, ngày làm bù theo thông báo của Chính phủ. Các ngày lễ theo Bộ luật Lao động và ngày nghỉ bù khi lễ trùng ngày nghỉ hằng tuần được tính tự động.',
    en: 'Enter the days off and make-up days the government announced. Labour Code holidays, and days off in lieu when a holiday falls on a weekend, are worked out automatically.',
  },
  extraDaysOff: { vi: 'Ngày nghỉ thêm (nghỉ bù, hoán đổi)', en: 'Extra days off (bridge and swap days)' },
  extraDayRow: { vi: 'Ngày nghỉ thêm {n}', en: 'Extra day off {n}' },
  addExtraDay: { vi: 'Thêm ngày nghỉ', en: 'Add a day off' },
  noExtraDays: { vi: 'Chưa có ngày nghỉ thêm.', en: 'No extra days off.' },
  workingDays: { vi: 'Ngày làm bù', en: 'Make-up working days' },
  workingDayRow: { vi: 'Ngày làm bù {n}', en: 'Make-up working day {n}' },
  addWorkingDay: { vi: 'Thêm ngày làm bù', en: 'Add a make-up day' },
  noWorkingDays: { vi: 'Chưa có ngày làm bù.', en: 'No make-up working days.' },
  rowName: { vi: 'Tên, lý do', en: 'Name or reason' },
  remove: { vi: 'Xóa', en: 'Remove' },
  tet: { vi: 'Nghỉ Tết Âm lịch', en: 'Tết holiday' },
  setTet: { vi: 'Nhập các ngày nghỉ Tết theo công bố', en: 'Enter the Tết days as published' },
  tetDefault: {
    vi: 'Nếu không nhập, áp dụng 5 ngày Tết mặc định theo âm lịch: {days}.',
    en: 'Otherwise the five default Tết days of the lunar calendar apply: {days}.',
  },
  tetDay: { vi: 'Ngày Tết {n}', en: 'Tết day {n}' },
  addTetDay: { vi: 'Thêm ngày Tết', en: 'Add a Tết day' },
  companion: { vi: 'Ngày nghỉ liền kề Quốc khánh 02/9', en: 'Day off paired with National Day (2 September)' },
  companionBefore: { vi: '{date} (trước ngày 02/9)', en: '{date} (the day before)' },
  companionAfter: { vi: '{date} (sau ngày 02/9)', en: '{date} (the day after)' },
  source: { vi: 'Căn cứ (văn bản, thông báo)', en: 'Source (the published notice)' },
  sourceHint: { vi: 'Không bắt buộc. Ví dụ: số, ngày của công văn.', en: 'Optional. For example the notice’s number and date.' },
  removedDays: {
    vi: 'Lịch này bỏ các ngày nghỉ: {days} (giữ nguyên khi lưu).',
    en: 'This schedule cancels these days off: {days} (kept when saving).',
  },
  preview: { vi: 'Xem trước', en: 'Preview' },
  save: { vi: 'Lưu lịch năm', en: 'Save year' },
  saveHint: {
    vi: 'Sau khi lưu, mọi thời hạn xử lý được tính theo lịch mới.',
    en: 'Once saved, every deadline is counted on the new calendar.',
  },
  discard: { vi: 'Hủy thay đổi', en: 'Discard changes' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  saved: {
    vi: 'Đã lưu lịch năm {year}. Từ nay mọi thời hạn xử lý được tính theo lịch này.',
    en: 'The {year} schedule was saved. Every deadline now uses it.',
  },
  recounting: {
    vi: 'Hạn xử lý của các phản ánh đang mở đang được tính lại theo lịch mới; danh sách phản ánh cập nhật trong ít phút.',
    en: 'The deadlines of open cases are being counted again on the new calendar; the case lists catch up within minutes.',
  },
  fixErrors: { vi: 'Vui lòng sửa các ô được đánh dấu.', en: 'Please correct the marked fields.' },
} as const satisfies Record<string, Text>;

/** The kinds a day cell can show; `working` and `weekly_day_off` come from the weekly pattern. */
export const KIND_LABELS: Readonly<Record<DayKind, Text>> = {
  working: { vi: 'Ngày làm việc', en: 'Working day' },
  weekly_day_off: { vi: 'Nghỉ hằng tuần', en: 'Weekly day off' },
  public_holiday: { vi: 'Nghỉ lễ, Tết', en: 'Public holiday' },
  compensatory_day_off: { vi: 'Nghỉ bù', en: 'Day off in lieu' },
  extra_day_off: { vi: 'Nghỉ thêm (hoán đổi)', en: 'Extra day off (swap)' },
  swap_working_day: { vi: 'Làm bù', en: 'Make-up working day' },
};

/** The same kinds inside a sentence ("Thứ Bảy 26/04/2025: làm bù"). */
export const KIND_IN_SENTENCE: Readonly<Record<DayKind, Text>> = {
  working: { vi: 'ngày làm việc', en: 'working day' },
  weekly_day_off: { vi: 'nghỉ hằng tuần', en: 'weekly day off' },
  public_holiday: { vi: 'nghỉ lễ', en: 'public holiday' },
  compensatory_day_off: { vi: 'nghỉ bù', en: 'day off in lieu' },
  extra_day_off: { vi: 'nghỉ thêm', en: 'extra day off' },
  swap_working_day: { vi: 'làm bù', en: 'make-up working day' },
};

/** The legend's order: the days off, then the day worked. */
export const LEGEND_KINDS: readonly DayKind[] = ['public_holiday', 'compensatory_day_off', 'extra_day_off', 'swap_working_day', 'weekly_day_off'];

/** Statutory holidays in English (the API names days in Vietnamese, the staff's language). */
export const HOLIDAY_NAMES_EN: Readonly<Record<string, string>> = {
  new_year: 'New Year’s Day',
  tet: 'Lunar New Year (Tết)',
  hung_kings: 'Hùng Kings’ Commemoration Day',
  reunification_day: 'Reunification Day',
  labour_day: 'International Labour Day',
  national_day: 'National Day',
};

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export const WEEKDAYS: readonly { readonly short: Text; readonly long: Text }[] = [
  { short: { vi: 'T2', en: 'Mon' }, long: { vi: 'Thứ Hai', en: 'Monday' } },
  { short: { vi: 'T3', en: 'Tue' }, long: { vi: 'Thứ Ba', en: 'Tuesday' } },
  { short: { vi: 'T4', en: 'Wed' }, long: { vi: 'Thứ Tư', en: 'Wednesday' } },
  { short: { vi: 'T5', en: 'Thu' }, long: { vi: 'Thứ Năm', en: 'Thursday' } },
  { short: { vi: 'T6', en: 'Fri' }, long: { vi: 'Thứ Sáu', en: 'Friday' } },
  { short: { vi: 'T7', en: 'Sat' }, long: { vi: 'Thứ Bảy', en: 'Saturday' } },
  { short: { vi: 'CN', en: 'Sun' }, long: { vi: 'Chủ nhật', en: 'Sunday' } },
];

const MONTH_EN = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

export function monthName(month: number, year: number, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? `Tháng ${month} năm ${year}` : `${MONTH_EN.format(Date.UTC(year, month - 1, 1))} ${year}`;
}
