import type { Lang } from '@pakn/domain';

/**
 * Every sentence the widget shows, Vietnamese first. Labels of categories and statuses come from
 * @pakn/domain; this file holds the widget's own words, in one place so that they are reviewed together.
 */
const vi = {
  title: 'Phản ánh, kiến nghị',
  close: 'Đóng',
  newReport: 'Phản ánh mới',
  followReport: 'Theo dõi phản ánh',
  loading: 'Đang tải…',
  category: 'Loại phản ánh',
  chooseCategory: '— Chọn loại phản ánh —',
  unit: 'Đơn vị bị phản ánh',
  unitUnknown: '— Không rõ —',
  unitKinds: { centre: 'Trung tâm', branch: 'Chi nhánh', department: 'Sở, ngành', ward: 'Phường', commune: 'Xã' },
  description: 'Nội dung phản ánh',
  descriptionHint: (min: number) =>
    `Ít nhất ${min} ký tự. Nêu rõ thủ tục, thời gian, địa điểm và sự việc đã xảy ra.`,
  contact: 'Thông tin liên hệ (không bắt buộc)',
  contactHint:
    'Nếu không để lại thông tin liên hệ, Trung tâm không thể liên lạc lại với Ông/Bà, nhưng Ông/Bà vẫn theo dõi được phản ánh bằng mã phản ánh và mã tra cứu.',
  name: 'Họ và tên',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  confidential: 'Không tiết lộ danh tính của tôi cho đơn vị bị phản ánh',
  consent:
    'Tôi đồng ý để Trung tâm xử lý dữ liệu cá nhân của tôi nhằm giải quyết phản ánh này (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15)',
  submit: 'Gửi',
  sending: 'Đang gửi…',
  retry: 'Thử lại',
  sent: 'Đã gửi phản ánh',
  reference: 'Mã phản ánh',
  accessKey: 'Mã tra cứu',
  keyOnce:
    'Mã tra cứu chỉ hiển thị một lần. Hãy sao chép hoặc ghi lại cả hai mã: cần có chúng để theo dõi phản ánh.',
  copy: 'Sao chép',
  copied: 'Đã sao chép mã phản ánh và mã tra cứu.',
  copyFailed: 'Không sao chép được. Vui lòng ghi lại hai mã trên.',
  checkStatus: 'Xem tình trạng xử lý',
  anotherReport: 'Gửi phản ánh khác',
  track: 'Tra cứu',
  tracking: 'Đang tra cứu…',
  trackHint: 'Nhập mã phản ánh và mã tra cứu nhận được khi gửi phản ánh.',
  status: 'Tình trạng',
  history: 'Quá trình xử lý',
  answer: 'Kết quả trả lời',
  referral: 'Hướng dẫn của Trung tâm',
  caseTitle: (reference: string) => `Phản ánh ${reference}`,
};

export type WidgetText = typeof vi;

const en: WidgetText = {
  title: 'Report a problem',
  close: 'Close',
  newReport: 'New report',
  followReport: 'Follow a report',
  loading: 'Loading…',
  category: 'Category',
  chooseCategory: '— Choose a category —',
  unit: 'Unit concerned',
  unitUnknown: '— Not sure —',
  unitKinds: { centre: 'Centre', branch: 'Branches', department: 'Departments', ward: 'Wards', commune: 'Communes' },
  description: 'Description',
  descriptionHint: (min: number) =>
    `At least ${min} characters. Say which procedure, when, where and what happened.`,
  contact: 'Contact details (optional)',
  contactHint:
    'Without contact details the Centre cannot get back to you, but you can still follow your report with its reference and access key.',
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  confidential: 'Do not reveal my identity to the unit concerned',
  consent:
    'I agree that the Centre processes my personal data to handle this report (Personal Data Protection Law 91/2025/QH15)',
  submit: 'Submit',
  sending: 'Sending…',
  retry: 'Retry',
  sent: 'Report sent',
  reference: 'Reference',
  accessKey: 'Access key',
  keyOnce: 'The access key is shown only once. Copy or write down both codes: you need them to follow your report.',
  copy: 'Copy',
  copied: 'Reference and access key copied.',
  copyFailed: 'Could not copy. Please write down the two codes above.',
  checkStatus: 'Check its status',
  anotherReport: 'Send another report',
  track: 'Track',
  tracking: 'Looking it up…',
  trackHint: 'Enter the reference and the access key you received when you sent the report.',
  status: 'Status',
  history: 'History',
  answer: 'Answer',
  referral: 'Guidance from the Centre',
  caseTitle: (reference: string) => `Report ${reference}`,
};

export const WIDGET_TEXT: Readonly<Record<Lang, WidgetText>> = { vi, en };
