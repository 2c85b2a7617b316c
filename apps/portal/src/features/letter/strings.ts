import type { Text } from '@pakn/domain';

/** The letter page's toolbar and notices (the letter itself is always Vietnamese). */
export const STRINGS = {
  heading: { vi: 'Văn bản chuyển xử lý {number}', en: 'Forwarding letter {number}' },
  draftHeading: { vi: 'Dự thảo văn bản chuyển xử lý', en: 'Draft forwarding letter' },
  backToCase: { vi: 'Quay lại phản ánh {reference}', en: 'Back to case {reference}' },
  register: { vi: 'Sổ văn bản chuyển', en: 'Forwarding register' },
  print: { vi: 'In', en: 'Print' },
  printHint: {
    vi: 'Khổ A4, lề 2 cm; phần đầu trang của cổng không được in.',
    en: 'A4, 2 cm margins; the portal’s header is not printed.',
  },
  draftNotice: {
    vi: 'Đây là dự thảo chưa được Giám đốc duyệt: văn bản chưa có số và chưa có giá trị gửi đi.',
    en: 'This draft is not approved by the Director yet: it has no number and cannot be sent.',
  },
  returnedNotice: { vi: 'Dự thảo này đã bị Giám đốc trả lại: {comment}', en: 'The Director returned this draft: {comment}' },
  notFound: { vi: 'Không tìm thấy văn bản này, hoặc bạn không có quyền xem.', en: 'This letter was not found, or you may not see it.' },
  documentLabel: { vi: 'Văn bản', en: 'The letter' },
} as const satisfies Record<string, Text>;
