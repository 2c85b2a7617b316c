import type { Text } from '@pakn/domain';

/** The report page's form and toolbar (the report itself is always Vietnamese, as an official document is). */
export const STRINGS = {
  heading: { vi: 'Báo cáo định kỳ', en: 'Period reports' },
  intro: {
    vi: 'Báo cáo tháng, quý, 6 tháng, năm theo kỳ chốt số liệu của Nghị định 09/2019/NĐ-CP (ngày chốt do quản trị viên cài đặt). Báo cáo chỉ có số liệu tổng hợp, không có thông tin cá nhân.',
    en: 'Monthly, quarterly, six-monthly and yearly reports over the data periods of Decree 09/2019/NĐ-CP (the cut-off day is the admin’s setting). A report holds totals only, no personal data.',
  },
  kind: { vi: 'Loại báo cáo', en: 'Report' },
  year: { vi: 'Năm', en: 'Year' },
  index: { vi: 'Kỳ', en: 'Period' },
  current: { vi: 'Kỳ báo cáo hiện tại', en: 'The current reporting period' },
  show: { vi: 'Xem báo cáo', en: 'Show the report' },
  print: { vi: 'In', en: 'Print' },
  pdf: { vi: 'Tải PDF', en: 'Download PDF' },
  pdfHint: {
    vi: 'Trong hộp thoại in, chọn “Lưu dưới dạng PDF”. Khổ A4, lề 2 cm; mỗi mục một trang.',
    en: 'In the print dialog, choose “Save as PDF”. A4, 2 cm margins; each section on a page of its own.',
  },
  xlsx: { vi: 'Tải XLSX', en: 'Download XLSX' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  documentLabel: { vi: 'Báo cáo', en: 'The report' },
  shown: { vi: 'Đang xem: {period} (số liệu từ {from} đến {to}).', en: 'Showing: {period} (figures from {from} to {to}).' },
  month: { vi: 'Tháng', en: 'Monthly' },
  quarter: { vi: 'Quý', en: 'Quarterly' },
  half: { vi: '6 tháng', en: 'Six-monthly' },
  yearly: { vi: 'Năm', en: 'Yearly' },
} as const satisfies Record<string, Text>;
