import type { Text } from '@pakn/domain';

export const STRINGS = {
  heading: { vi: 'Theo dõi, đôn đốc', en: 'Follow-up' },
  intro: {
    vi: 'Phản ánh đang xử lý đã quá hạn hoặc chỉ còn 2 ngày làm việc trở xuống ở bước hiện tại. Thời hạn tính theo ngày làm việc, trừ ngày nghỉ lễ, Tết, nghỉ bù và tính cả ngày làm bù.',
    en: 'Open cases whose current stage is overdue or has 2 working days or less left. Deadlines count working days: public holidays and days off do not count, make-up working days do.',
  },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  atRisk: { vi: 'Sắp đến hạn', en: 'At risk' },
  overdueCaption: { vi: 'Phản ánh quá hạn, quá hạn lâu nhất trước', en: 'Overdue cases, longest overdue first' },
  atRiskCaption: { vi: 'Phản ánh sắp đến hạn, hạn gần nhất trước', en: 'Cases at risk, nearest deadline first' },
  overdueEmpty: { vi: 'Không có phản ánh nào quá hạn.', en: 'No case is overdue.' },
  atRiskEmpty: { vi: 'Không có phản ánh nào sắp đến hạn.', en: 'No case is at risk.' },
  reference: { vi: 'Mã phản ánh', en: 'Reference' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  handlingUnit: { vi: 'đơn vị xử lý', en: 'handling unit' },
  concernedUnit: { vi: 'đơn vị bị phản ánh', en: 'unit concerned' },
  stage: { vi: 'Bước', en: 'Stage' },
  due: { vi: 'Hạn', en: 'Due' },
  timeLeft: { vi: 'Thời gian còn lại', en: 'Time left' },
  overdueBy: { vi: 'Số ngày quá hạn', en: 'Overdue by' },
  status: { vi: 'Trạng thái', en: 'Status' },
  refresh: { vi: 'Cập nhật danh sách', en: 'Refresh the lists' },
  summary: { vi: '{overdue} quá hạn, {atRisk} sắp đến hạn', en: '{overdue} overdue, {atRisk} at risk' },
} as const satisfies Record<string, Text>;
