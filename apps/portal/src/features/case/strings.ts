import type { Text, UnitKind } from '@pakn/domain';

export const STRINGS = {
  backToInbox: { vi: 'Quay lại hộp thư', en: 'Back to the inbox' },
  notFound: { vi: 'Không tìm thấy phản ánh này, hoặc bạn không có quyền xem.', en: 'This case was not found, or you may not see it.' },
  caseHeadingFallback: { vi: 'Phản ánh', en: 'Case' },
  details: { vi: 'Thông tin phản ánh', en: 'Case details' },
  status: { vi: 'Trạng thái', en: 'Status' },
  receivedAt: { vi: 'Ngày tiếp nhận', en: 'Received' },
  channel: { vi: 'Kênh tiếp nhận', en: 'Channel' },
  reportedCategory: { vi: 'Loại phản ánh (người dân chọn)', en: 'Category (as reported)' },
  classifiedCategory: { vi: 'Loại phản ánh (đã phân loại)', en: 'Category (as classified)' },
  outOfScopeClass: { vi: 'Nội dung ngoài phạm vi', en: 'Out-of-scope class' },
  concernedUnit: { vi: 'Đơn vị bị phản ánh', en: 'Unit concerned' },
  handlingUnit: { vi: 'Đơn vị xử lý', en: 'Handling unit' },
  forwardedAt: { vi: 'Ngày chuyển xử lý', en: 'Forwarded' },
  description: { vi: 'Nội dung phản ánh', en: 'Description' },
  citizen: { vi: 'Người phản ánh', en: 'Citizen' },
  identityHidden: { vi: 'Danh tính người phản ánh được bảo mật', en: 'The citizen’s identity is confidential' },
  confidentialNote: {
    vi: 'Người phản ánh đề nghị không tiết lộ danh tính cho đơn vị bị phản ánh.',
    en: 'The citizen asked that their identity not be revealed to the unit concerned.',
  },
  noContact: { vi: 'Người phản ánh không để lại thông tin liên hệ.', en: 'The citizen left no contact details.' },
  contactName: { vi: 'Họ và tên', en: 'Name' },
  contactPhone: { vi: 'Số điện thoại', en: 'Phone' },
  contactEmail: { vi: 'Thư điện tử', en: 'Email' },
  history: { vi: 'Lịch sử xử lý', en: 'History' },
  noHistory: { vi: 'Chưa có bước xử lý nào.', en: 'No steps yet.' },
  answerHeading: { vi: 'Kết quả trả lời', en: 'Answer' },
  answeredAt: { vi: 'Ngày trả lời', en: 'Answered on' },
  referralHeading: { vi: 'Hướng dẫn đã gửi người dân', en: 'Guidance sent to the citizen' },
  actions: { vi: 'Xử lý', en: 'Actions' },
  noAction: {
    vi: 'Bạn không có thao tác nào cần thực hiện với phản ánh ở trạng thái này.',
    en: 'There is nothing for you to do on this case in its current status.',
  },

  classify: { vi: 'Phân loại', en: 'Classify' },
  inScope: { vi: 'Thuộc phạm vi tiếp nhận', en: 'In scope' },
  outOfScope: { vi: 'Ngoài phạm vi', en: 'Out of scope' },
  category: { vi: 'Loại phản ánh', en: 'Category' },
  outOfScopeClassField: { vi: 'Loại nội dung ngoài phạm vi', en: 'Out-of-scope class' },
  chooseOne: { vi: '— Chọn —', en: '— Choose —' },
  referral: { vi: 'Hướng dẫn cho người dân', en: 'Guidance for the citizen' },
  referralHint: {
    vi: 'Nội dung gợi ý theo loại đã chọn; hãy chỉnh sửa cho phù hợp với vụ việc. Người dân sẽ đọc nội dung này.',
    en: 'Suggested for the chosen class (in Vietnamese, the citizen’s language); edit it to fit the case. The citizen will read it.',
  },
  saveClassification: { vi: 'Lưu phân loại', en: 'Save classification' },
  classified: { vi: 'Đã lưu phân loại.', en: 'Classification saved.' },

  forwardHeading: { vi: 'Chuyển xử lý', en: 'Forward' },
  unit: { vi: 'Đơn vị xử lý', en: 'Handling unit' },
  chooseUnit: { vi: '— Chọn đơn vị —', en: '— Choose a unit —' },
  note: { vi: 'Ghi chú', en: 'Note' },
  noteHint: { vi: 'Không bắt buộc. Ghi chú chỉ cán bộ xem được.', en: 'Optional. Only staff can read the note.' },
  forward: { vi: 'Chuyển xử lý', en: 'Forward' },
  forwarded: { vi: 'Đã chuyển phản ánh cho đơn vị xử lý.', en: 'The case was forwarded to the handling unit.' },

  answerFormHeading: { vi: 'Trả lời người dân', en: 'Answer the citizen' },
  answer: { vi: 'Nội dung trả lời người dân', en: 'Answer to the citizen' },
  answerHint: { vi: 'Tối thiểu {n} ký tự. Người dân sẽ đọc nội dung này.', en: 'At least {n} characters. The citizen will read it.' },
  sendAnswer: { vi: 'Gửi trả lời', en: 'Send answer' },
  answered: { vi: 'Đã gửi trả lời người dân.', en: 'The answer was sent to the citizen.' },

  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  reload: { vi: 'Tải lại phản ánh', en: 'Reload the case' },
} as const satisfies Record<string, Text>;

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, Text>> = {
  centre: { vi: 'Trung tâm', en: 'Centre' },
  branch: { vi: 'Chi nhánh', en: 'Branches' },
  department: { vi: 'Sở, ngành', en: 'Departments' },
  ward: { vi: 'UBND phường', en: 'Ward People’s Committees' },
  commune: { vi: 'UBND xã', en: 'Commune People’s Committees' },
};

export const UNIT_KIND_ORDER: readonly UnitKind[] = ['ward', 'commune', 'branch', 'department', 'centre'];
