import type { Text } from '@pakn/domain';

export const STRINGS = {
  heading: { vi: 'Tiếp nhận qua điện thoại, Zalo, Viber', en: 'Log a call or message' },
  intro: {
    vi: 'Ghi nhận phản ánh nhận qua đường dây nóng, Zalo, Viber, trực tiếp hoặc thư điện tử. Khi nhập số điện thoại, hệ thống cho biết người gọi đã liên hệ trước đây chưa.',
    en: 'Record complaints received by hotline, Zalo, Viber, in person or by email. As you type the phone number, the portal tells you whether the caller contacted us before.',
  },
  channel: { vi: 'Kênh tiếp nhận', en: 'Channel' },
  at: { vi: 'Thời điểm liên hệ', en: 'When' },
  atHint: { vi: 'Giờ Hà Nội; mặc định là bây giờ.', en: 'Hanoi time; now by default.' },
  phone: { vi: 'Số điện thoại người gọi', en: 'Caller’s phone number' },
  phoneHint: {
    vi: 'Ví dụ 0912 345 678. Số được lưu để nhận ra người gọi lại và chỉ hiển thị một phần.',
    en: 'For example 0912 345 678. Stored to recognise repeat callers, shown masked.',
  },
  name: { vi: 'Họ và tên', en: 'Name' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  optional: { vi: '(không bắt buộc)', en: '(optional)' },
  category: { vi: 'Loại phản ánh', en: 'Category' },
  unit: { vi: 'Đơn vị bị phản ánh', en: 'Unit concerned' },
  /** The empty choice of the category and the unit. */
  notKnownYet: { vi: '— Chưa xác định —', en: '— Not known yet —' },
  summary: { vi: 'Tóm tắt nội dung phản ánh', en: 'Summary of what was reported' },
  summaryHint: {
    vi: 'Ít nhất 20 ký tự: sự việc, thời gian, địa điểm, thủ tục hành chính liên quan.',
    en: 'At least 20 characters: what happened, when, where, which procedure.',
  },
  confidential: { vi: 'Người phản ánh đề nghị giữ bí mật danh tính', en: 'The citizen asks for confidentiality' },
  /** A follow-up caller's own wish (issue 9): it holds for this contact, whatever the case's first citizen asked. */
  confidentialFollowUp: { vi: 'Người liên hệ lần này đề nghị giữ bí mật danh tính', en: 'This caller asks for confidentiality' },
  confidentialHint: {
    vi: 'Danh tính không được cung cấp cho đơn vị bị phản ánh, kể cả trong văn bản chuyển xử lý.',
    en: 'The identity is not given to the unit concerned, not even in the forwarding letter.',
  },
  submit: { vi: 'Ghi nhận', en: 'Record' },
  sending: { vi: 'Đang ghi nhận…', en: 'Recording…' },

  lookingUp: { vi: 'Đang tra cứu số máy…', en: 'Looking up the number…' },
  newCaller: { vi: 'Số máy này chưa liên hệ lần nào.', en: 'This number has not contacted us before.' },
  repeatCaller: { vi: 'Người gọi đã liên hệ {n} lần', en: 'The caller has contacted us {n} times' },
  repeatCallerNumber: { vi: 'Số máy {phone}', en: 'Number {phone}' },
  earlierCases: { vi: 'Các phản ánh của người gọi', en: 'The caller’s cases' },
  contactsOfCase: { vi: '{n} lần liên hệ, gần nhất {at}', en: '{n} contacts, last {at}' },
  opensInNewTab: { vi: '(mở trong thẻ mới)', en: '(opens in a new tab)' },
  logAsFollowUp: { vi: 'Ghi nhận là gọi lại về phản ánh này', en: 'Log as a repeat call about this case' },
  followUpOf: { vi: 'Ghi nhận là gọi lại về phản ánh {reference}', en: 'Logging a repeat call about {reference}' },
  followUpHint: {
    vi: 'Không tạo phản ánh mới: lần liên hệ được ghi vào phản ánh đã có và tính là một lần đôn đốc.',
    en: 'No new case: the contact is added to the existing case and counts as a reminder signal.',
  },
  clearFollowUp: { vi: 'Bỏ chọn, tạo phản ánh mới', en: 'Unselect: new case' },

  resultHeading: { vi: 'Đã ghi nhận phản ánh', en: 'Case recorded' },
  resultFollowUpHeading: { vi: 'Đã ghi nhận liên hệ lại', en: 'Repeat contact recorded' },
  readToCaller: { vi: 'Đọc cho người gọi', en: 'Read to the caller' },
  reference: { vi: 'Mã phản ánh', en: 'Reference' },
  accessKey: { vi: 'Mã tra cứu', en: 'Access key' },
  accessKeyOnce: {
    vi: 'Mã tra cứu chỉ hiển thị một lần này. Người dân dùng mã phản ánh và mã tra cứu để theo dõi kết quả trên cổng trực tuyến.',
    en: 'The access key is shown this once only. The citizen follows the case online with the reference and the access key.',
  },
  followUpDone: { vi: 'Lần liên hệ đã được ghi vào phản ánh {reference}.', en: 'The contact was added to case {reference}.' },
  earlierContacts: {
    vi: 'Số máy {phone} đã liên hệ {n} lần trước đây.',
    en: 'The number {phone} contacted us {n} times before.',
  },
  openCase: { vi: 'Mở phản ánh', en: 'Open the case' },
  another: { vi: 'Ghi nhận liên hệ khác', en: 'Log another contact' },
} as const satisfies Record<string, Text>;
