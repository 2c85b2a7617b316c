import type { AnswerOutcome, CaseEventKind, Text } from '@pakn/domain';

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
  underInspection: { vi: 'đang trong diện kiểm tra', en: 'under inspection' },
  forwardedAt: { vi: 'Ngày chuyển xử lý', en: 'Forwarded' },
  acknowledgedAt: { vi: 'Đơn vị xác nhận đã nhận', en: 'Receipt acknowledged' },
  assignedTo: { vi: 'Cán bộ được giao', en: 'Assigned to' },
  dossierCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  appointmentDate: { vi: 'Ngày hẹn trả kết quả', en: 'Appointment date' },
  returnedDate: { vi: 'Ngày nhận được kết quả', en: 'Result received on' },
  notYet: { vi: 'Chưa nhận', en: 'Not yet' },
  extension: { vi: 'Gia hạn', en: 'Extension' },
  extensionText: { vi: '{days} ngày làm việc – {status}. Lý do: {reason}', en: '{days} working days – {status}. Reason: {reason}' },
  infoQuestionLabel: { vi: 'Đề nghị người dân bổ sung', en: 'Question to the citizen' },
  mergedInto: { vi: 'Đã gộp vào phản ánh', en: 'Merged into' },
  rating: { vi: 'Đánh giá của người dân', en: 'Citizen’s rating' },
  ratingText: { vi: '{score}/5', en: '{score} out of 5' },
  description: { vi: 'Nội dung phản ánh', en: 'Description' },
  attachments: { vi: 'Tệp đính kèm', en: 'Attachments' },
  noAttachments: { vi: 'Không có tệp đính kèm.', en: 'No attachments.' },
  attachmentImage: { vi: 'Ảnh', en: 'Image' },
  attachmentPdf: { vi: 'PDF', en: 'PDF' },
  attachmentOther: { vi: 'Tệp', en: 'File' },
  attachmentDownload: { vi: 'Tải xuống', en: 'Download' },
  citizen: { vi: 'Người phản ánh', en: 'Citizen' },
  identityHidden: { vi: 'Danh tính người phản ánh được bảo mật', en: 'The citizen’s identity is confidential' },
  confidentialNote: {
    vi: 'Người phản ánh đề nghị không tiết lộ danh tính cho đơn vị bị phản ánh.',
    en: 'The citizen asked that their identity not be revealed to the unit concerned.',
  },
  maskedNote: {
    vi: 'Thông tin liên hệ được che một phần. Chỉ xem đầy đủ khi cần cho việc xử lý.',
    en: 'Contact details are partly masked. Show them in full only when the handling needs it.',
  },
  noContact: { vi: 'Người phản ánh không để lại thông tin liên hệ.', en: 'The citizen left no contact details.' },
  contactName: { vi: 'Họ và tên', en: 'Name' },
  contactPhone: { vi: 'Số điện thoại', en: 'Phone' },
  contactEmail: { vi: 'Thư điện tử', en: 'Email' },
  showIdentity: { vi: 'Xem danh tính', en: 'Show identity' },
  revealReason: { vi: 'Lý do xem danh tính', en: 'Why you need the identity' },
  revealHint: {
    vi: 'Ít nhất 10 ký tự. Việc xem danh tính được ghi vào nhật ký kiểm tra, kèm lý do.',
    en: 'At least 10 characters. Opening an identity is written to the audit log with the reason.',
  },
  revealSubmit: { vi: 'Xác nhận xem danh tính', en: 'Confirm and show' },
  revealedHeading: { vi: 'Danh tính người phản ánh (đã ghi nhật ký)', en: 'The citizen’s identity (logged)' },
  revealed: { vi: 'Đã hiển thị danh tính; việc xem đã được ghi vào nhật ký kiểm tra.', en: 'The identity is shown; this was written to the audit log.' },
  cancel: { vi: 'Hủy', en: 'Cancel' },

  history: { vi: 'Lịch sử xử lý', en: 'History' },
  noHistory: { vi: 'Chưa có bước xử lý nào.', en: 'No steps yet.' },
  citizenSees: { vi: 'người dân xem được', en: 'visible to the citizen' },

  answerHeading: { vi: 'Kết quả trả lời', en: 'Answer' },
  unitAnswerHeading: { vi: 'Kết quả xử lý của đơn vị', en: 'The unit’s answer' },
  unitAnswerPending: {
    vi: 'Trung tâm kiểm tra kết quả trước khi gửi người dân.',
    en: 'The Centre checks the answer before the citizen sees it.',
  },
  outcome: { vi: 'Kết quả xác minh', en: 'Finding' },
  internalNote: { vi: 'Ghi chú nội bộ (không gửi người dân)', en: 'Internal note (not sent to the citizen)' },
  answeredAt: { vi: 'Ngày trả lời', en: 'Answered on' },
  referralHeading: { vi: 'Hướng dẫn đã gửi người dân', en: 'Guidance sent to the citizen' },

  actions: { vi: 'Xử lý', en: 'Actions' },
  noAction: {
    vi: 'Bạn không có thao tác nào cần thực hiện với phản ánh ở trạng thái này.',
    en: 'There is nothing for you to do on this case in its current status.',
  },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  reload: { vi: 'Tải lại phản ánh', en: 'Reload the case' },
  chooseOne: { vi: '— Chọn —', en: '— Choose —' },

  // Classification
  classify: { vi: 'Phân loại', en: 'Classify' },
  inScope: { vi: 'Thuộc phạm vi tiếp nhận', en: 'In scope' },
  outOfScope: { vi: 'Ngoài phạm vi', en: 'Out of scope' },
  category: { vi: 'Loại phản ánh', en: 'Category' },
  outOfScopeClassField: { vi: 'Loại nội dung ngoài phạm vi', en: 'Out-of-scope class' },
  authority: { vi: 'Cơ quan có thẩm quyền', en: 'Competent authority' },
  chooseAuthority: { vi: '— Chọn cơ quan (không bắt buộc) —', en: '— Choose an authority (optional) —' },
  authorityHint: {
    vi: 'Chọn cơ quan để điền sẵn nội dung hướng dẫn từ danh mục; vẫn có thể sửa.',
    en: 'Choosing an authority fills in its guidance from the directory; you can still edit it.',
  },
  referral: { vi: 'Hướng dẫn cho người dân', en: 'Guidance for the citizen' },
  referralHint: {
    vi: 'Nội dung gợi ý theo loại hoặc cơ quan đã chọn; hãy chỉnh sửa cho phù hợp với vụ việc. Người dân sẽ đọc nội dung này.',
    en: 'Suggested for the chosen class or authority, in the citizen’s language; edit it to fit the case. The citizen will read it.',
  },
  saveClassification: { vi: 'Lưu phân loại', en: 'Save classification' },
  classified: { vi: 'Đã lưu phân loại.', en: 'Classification saved.' },

  // Forwarding
  draftHeading: { vi: 'Chuyển đơn vị có thẩm quyền xử lý', en: 'Forward to the competent unit' },
  draftIntro: {
    vi: 'Dự thảo văn bản trình Giám đốc Trung tâm duyệt. Văn bản được cấp số khi Giám đốc duyệt.',
    en: 'The draft goes to the Centre’s Director for approval. The letter gets its number when approved.',
  },
  chooseUnit: { vi: '— Chọn đơn vị —', en: '— Choose a unit —' },
  letter: { vi: 'Nội dung văn bản', en: 'Text of the letter' },
  letterHint: {
    vi: 'Để trống để Trung tâm soạn theo mẫu (thông tin người phản ánh được lược bỏ khi họ đề nghị bảo mật). Nội dung dự thảo hiện ở mục “Văn bản chuyển xử lý” để kiểm tra.',
    en: 'Leave empty to use the Centre’s template (the citizen’s identity is left out when they asked for confidentiality). The draft then shows under “Forwarding letters” for checking.',
  },
  copyPreviousDraft: { vi: 'Chép nội dung dự thảo trước', en: 'Copy the previous draft' },
  selfReviewWarning: {
    vi: 'Đơn vị này chính là đơn vị bị phản ánh: đơn vị sẽ tự xem xét phản ánh về mình. Nên chuyển cho đơn vị cấp trên hoặc đề nghị thanh tra, kiểm tra.',
    en: 'This is the unit the citizen complains about: it would review a complaint about itself. Consider its superior unit or an inspection.',
  },
  superiorUnit: { vi: 'Đơn vị cấp trên: {name}.', en: 'Superior unit: {name}.' },
  confirmSelfReview: { vi: 'Tôi hiểu và vẫn chuyển cho đơn vị này', en: 'I understand and forward to this unit anyway' },
  confirmSelfReviewRequired: {
    vi: 'Vui lòng xác nhận, hoặc chọn đơn vị khác.',
    en: 'Please confirm, or choose another unit.',
  },
  draftSubmit: { vi: 'Dự thảo văn bản chuyển xử lý', en: 'Draft forwarding letter' },
  drafted: { vi: 'Đã lập dự thảo văn bản, chờ Giám đốc duyệt.', en: 'The draft letter awaits the Director’s approval.' },

  approveHeading: { vi: 'Duyệt văn bản chuyển xử lý', en: 'Approve the forwarding letter' },
  approveIntro: {
    vi: 'Khi duyệt, văn bản được cấp số trong sổ văn bản chuyển và phản ánh được chuyển đến đơn vị xử lý.',
    en: 'On approval the letter gets its number in the register and the case goes to the handling unit.',
  },
  approveSubmit: { vi: 'Duyệt chuyển', en: 'Approve forwarding' },
  approved: { vi: 'Đã duyệt; văn bản đã được cấp số và chuyển đến đơn vị.', en: 'Approved: the letter is numbered and sent to the unit.' },
  returnDraftHeading: { vi: 'Trả lại dự thảo', en: 'Return the draft' },
  directorComment: { vi: 'Ý kiến của Giám đốc', en: 'The Director’s comment' },
  draftReturned: { vi: 'Đã trả lại dự thảo kèm ý kiến.', en: 'The draft was returned with your comment.' },

  // The unit's moves
  acknowledgeHeading: { vi: 'Tiếp nhận phản ánh được chuyển', en: 'Receive the forwarded case' },
  acknowledgeIntro: {
    vi: 'Xác nhận đơn vị đã nhận văn bản chuyển xử lý; thời hạn trả lời tính từ ngày chuyển.',
    en: 'Confirm that the unit received the forwarding letter; the answer is due counting from the forwarding date.',
  },
  acknowledgeSubmit: { vi: 'Xác nhận đã nhận', en: 'Acknowledge receipt' },
  acknowledged: { vi: 'Đã xác nhận nhận phản ánh.', en: 'Receipt acknowledged.' },
  requestInfoHeading: { vi: 'Đề nghị người dân bổ sung thông tin', en: 'Ask the citizen for more information' },
  infoQuestion: { vi: 'Nội dung đề nghị bổ sung', en: 'What the citizen should add' },
  infoQuestionHint: {
    vi: 'Ít nhất 10 ký tự. Người dân sẽ đọc nội dung này; thời hạn xử lý tạm dừng đến khi người dân trả lời.',
    en: 'At least 10 characters. The citizen will read it; the clock stops until they reply.',
  },
  requestInfoSubmit: { vi: 'Gửi đề nghị bổ sung', en: 'Send the request' },
  infoRequested: { vi: 'Đã gửi đề nghị bổ sung; thời hạn tạm dừng.', en: 'Request sent; the clock is stopped.' },
  declineHeading: { vi: 'Không thuộc thẩm quyền', en: 'Not our competence' },
  declineIntro: {
    vi: 'Phản ánh được trả về Trung tâm để chuyển đơn vị có thẩm quyền.',
    en: 'The case goes back to the Centre to be forwarded to the competent unit.',
  },
  declineReason: { vi: 'Lý do', en: 'Reason' },
  declineSubmit: { vi: 'Trả lại Trung tâm', en: 'Send back to the Centre' },
  declined: { vi: 'Đã trả phản ánh về Trung tâm.', en: 'The case went back to the Centre.' },
  answerFormHeading: { vi: 'Kết quả xử lý', en: 'The unit’s answer' },
  answer: { vi: 'Nội dung trả lời người dân', en: 'Answer to the citizen' },
  answerHint: {
    vi: 'Tối thiểu {n} ký tự. Người dân sẽ đọc nội dung này sau khi Trung tâm kiểm tra.',
    en: 'At least {n} characters. The citizen reads it once the Centre has checked it.',
  },
  internalNoteHint: { vi: 'Không bắt buộc. Chỉ cán bộ xem được.', en: 'Optional. Only staff can read it.' },
  answerFormSubmit: { vi: 'Gửi kết quả cho Trung tâm', en: 'Send the answer to the Centre' },
  answerSubmitted: { vi: 'Đã gửi kết quả cho Trung tâm kiểm tra.', en: 'The answer went to the Centre for checking.' },

  // Verification
  verifyHeading: { vi: 'Kiểm tra kết quả trả lời', en: 'Check the answer' },
  verifyIntro: {
    vi: 'Khi duyệt, người dân xem được kết quả trả lời và phản ánh được đóng lại.',
    en: 'On approval the citizen sees the answer and the case closes.',
  },
  verifySubmit: { vi: 'Duyệt kết quả, gửi người dân', en: 'Approve and send to the citizen' },
  verified: { vi: 'Đã gửi kết quả trả lời cho người dân.', en: 'The answer was sent to the citizen.' },
  returnAnswerHeading: { vi: 'Trả lại đơn vị', en: 'Return to the unit' },
  returnReason: { vi: 'Lý do trả lại', en: 'Why it goes back' },
  answerReturned: { vi: 'Đã trả kết quả về đơn vị.', en: 'The answer went back to the unit.' },
  confirmHeading: { vi: 'Giữ nguyên kết quả trả lời', en: 'Keep the answer' },
  confirmIntro: {
    vi: 'Người dân đề nghị xem xét lại. Trung tâm có thể giữ nguyên kết quả (nêu lý do) hoặc dự thảo văn bản chuyển xử lý mới.',
    en: 'The citizen asked for a review. The Centre may keep the answer (saying why) or draft a new forwarding letter.',
  },
  confirmComment: { vi: 'Ý kiến của Trung tâm', en: 'The Centre’s reasons' },
  confirmSubmit: { vi: 'Giữ nguyên kết quả', en: 'Keep the answer' },
  confirmed: { vi: 'Đã giữ nguyên kết quả trả lời.', en: 'The answer was kept.' },

  // Extension
  requestExtensionHeading: { vi: 'Đề nghị gia hạn', en: 'Ask for an extension' },
  extensionDays: { vi: 'Số ngày làm việc gia hạn', en: 'Working days' },
  extensionDaysHint: { vi: 'Từ 1 đến 10 ngày; chỉ được gia hạn một lần.', en: 'From 1 to 10 days; one extension only.' },
  extensionReason: { vi: 'Lý do gia hạn', en: 'Reason' },
  extensionRequested: { vi: 'Đã gửi đề nghị gia hạn tới Giám đốc.', en: 'The extension request went to the Director.' },
  decideExtensionHeading: { vi: 'Quyết định gia hạn', en: 'Decide on the extension' },
  decideExtensionIntro: {
    vi: 'Đơn vị đề nghị gia hạn {days} ngày làm việc. Lý do: {reason}',
    en: 'The unit asks for {days} more working days. Reason: {reason}',
  },
  extensionComment: { vi: 'Ý kiến (không bắt buộc)', en: 'Comment (optional)' },
  approveExtension: { vi: 'Đồng ý gia hạn', en: 'Approve the extension' },
  refuseExtension: { vi: 'Không đồng ý', en: 'Refuse' },
  extensionApproved: { vi: 'Đã đồng ý gia hạn.', en: 'Extension approved.' },
  extensionRefused: { vi: 'Đã không đồng ý gia hạn.', en: 'Extension refused.' },

  // Merge
  mergeHeading: { vi: 'Gộp vào phản ánh khác', en: 'Merge into another case' },
  mergeIntro: {
    vi: 'Dùng khi phản ánh này trùng với một phản ánh đã có: phản ánh này đóng lại, các lần liên hệ được chuyển sang phản ánh chính, người dân được thông báo mã phản ánh chính.',
    en: 'When this case repeats another: this one closes, its contacts move to the main case, and the citizen is told its reference.',
  },
  mergeReference: { vi: 'Mã phản ánh chính', en: 'Reference of the main case' },
  mergeReferenceHint: { vi: 'Ví dụ: PAKN-2026-000123', en: 'For example PAKN-2026-000123' },
  mergeSubmit: { vi: 'Gộp phản ánh', en: 'Merge' },
  mergeReferenceRequired: { vi: 'Vui lòng nhập mã phản ánh chính.', en: 'Enter the main case’s reference.' },
  mergeNotFound: { vi: 'Không tìm thấy phản ánh có mã này.', en: 'No case has this reference.' },
  mergeSelf: { vi: 'Không thể gộp phản ánh vào chính nó.', en: 'A case cannot be merged into itself.' },
  merged: { vi: 'Đã gộp vào phản ánh {reference}.', en: 'Merged into {reference}.' },

  // Oversight
  recordsHeading: { vi: 'Giám sát việc xử lý', en: 'Oversight of the handling' },
  recordedAgainst: { vi: 'Ghi nhận đối với: ', en: 'Recorded against: ' },

  // Letters
  lettersHeading: { vi: 'Văn bản chuyển xử lý', en: 'Forwarding letters' },
  letterDraftedAt: { vi: 'Lập ngày', en: 'Drafted' },
  letterDecidedAt: { vi: 'Giám đốc quyết định ngày', en: 'Decided' },
  letterBody: { vi: 'Xem nội dung', en: 'Show the text' },
  printLetter: { vi: 'In văn bản', en: 'Print the letter' },
  draftNumber: { vi: 'Dự thảo (chưa cấp số)', en: 'Draft (no number yet)' },
} as const satisfies Record<string, Text>;

export const LETTER_STATUS_LABELS: Readonly<Record<'draft' | 'approved' | 'returned', Text>> = {
  draft: { vi: 'Dự thảo, chờ Giám đốc duyệt', en: 'Draft, awaiting the Director' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
};

export const EXTENSION_STATUS_LABELS: Readonly<Record<'requested' | 'approved' | 'refused', Text>> = {
  requested: { vi: 'chờ Giám đốc quyết định', en: 'awaiting the Director' },
  approved: { vi: 'đã được đồng ý', en: 'approved' },
  refused: { vi: 'không được đồng ý', en: 'refused' },
};

export const OUTCOME_LABELS: Readonly<Record<AnswerOutcome, Text>> = {
  substantiated: { vi: 'Phản ánh đúng', en: 'Substantiated' },
  partly_substantiated: { vi: 'Đúng một phần', en: 'Partly substantiated' },
  not_substantiated: { vi: 'Không đúng', en: 'Not substantiated' },
};

/** What each step of the history was, in the officers' words. */
export const EVENT_LABELS: Readonly<Record<CaseEventKind, Text>> = {
  submitted: { vi: 'Tiếp nhận phản ánh', en: 'Case received' },
  classified_in_scope: { vi: 'Phân loại: thuộc phạm vi', en: 'Classified in scope' },
  referred: { vi: 'Hướng dẫn gửi cơ quan có thẩm quyền', en: 'Referred to the competent authority' },
  forwarding_drafted: { vi: 'Dự thảo văn bản chuyển xử lý', en: 'Forwarding letter drafted' },
  forwarded: { vi: 'Giám đốc duyệt chuyển', en: 'Forwarding approved' },
  forwarding_returned: { vi: 'Giám đốc trả lại dự thảo', en: 'Draft returned by the Director' },
  acknowledged: { vi: 'Đơn vị xác nhận đã nhận', en: 'Receipt acknowledged by the unit' },
  info_requested: { vi: 'Đề nghị người dân bổ sung thông tin', en: 'More information asked of the citizen' },
  info_provided: { vi: 'Người dân bổ sung thông tin', en: 'The citizen provided information' },
  declined: { vi: 'Đơn vị báo không thuộc thẩm quyền', en: 'Declined by the unit: not its competence' },
  answer_submitted: { vi: 'Đơn vị gửi kết quả xử lý', en: 'Answer submitted by the unit' },
  answered: { vi: 'Trung tâm duyệt, gửi kết quả cho người dân', en: 'Answer approved and sent to the citizen' },
  answer_returned: { vi: 'Trung tâm trả lại kết quả cho đơn vị', en: 'Answer returned to the unit' },
  review_requested: { vi: 'Người dân đề nghị xem xét lại', en: 'The citizen asked for a review' },
  answer_confirmed: { vi: 'Trung tâm giữ nguyên kết quả', en: 'Answer kept by the Centre' },
  merged: { vi: 'Gộp vào phản ánh khác', en: 'Merged into another case' },
  extension_requested: { vi: 'Đơn vị đề nghị gia hạn', en: 'Extension requested' },
  extension_approved: { vi: 'Giám đốc đồng ý gia hạn', en: 'Extension approved' },
  extension_refused: { vi: 'Giám đốc không đồng ý gia hạn', en: 'Extension refused' },
  reminder_sent: { vi: 'Đôn đốc đơn vị', en: 'Reminder sent to the unit' },
  escalated: { vi: 'Báo cáo Giám đốc', en: 'Escalated to the Director' },
  contact_logged: { vi: 'Người dân liên hệ lại', en: 'The citizen contacted us again' },
  assigned: { vi: 'Giao cán bộ xử lý', en: 'Assigned' },
  summary_edited: { vi: 'Trung tâm chỉnh sửa nội dung tóm tắt', en: 'Summary corrected by the Centre' },
};

/** The Centre's correction of a case's summary (`<pakn-case-summary>`). */
export const SUMMARY_STRINGS = {
  edit: { vi: 'Sửa nội dung tóm tắt', en: 'Edit summary' },
  label: { vi: 'Nội dung tóm tắt', en: 'Summary' },
  count: { vi: '{count} ký tự (từ {min} đến {max} ký tự)', en: '{count} characters ({min} to {max})' },
  save: { vi: 'Lưu nội dung', en: 'Save' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  saved: { vi: 'Đã lưu nội dung tóm tắt. Nội dung cũ được giữ trong lịch sử xử lý.', en: 'Summary saved. The earlier text is kept in the history.' },
  movedOn: {
    vi: 'Phản ánh đã chuyển sang bước xử lý khác trong lúc bạn đang sửa, nên nội dung tóm tắt không còn sửa được. Nội dung bạn đã gõ vẫn còn dưới đây để sao chép.',
    en: 'The case moved on while you were editing, so its summary can no longer be changed. What you typed is below, to copy.',
  },
  unsavedLabel: { vi: 'Nội dung bạn đã gõ (chưa lưu)', en: 'What you typed (not saved)' },
  dismiss: { vi: 'Đóng', en: 'Dismiss' },
} as const satisfies Record<string, Text>;

/** `<pakn-case-assignment>`: who handles the case inside the unit. */
export const ASSIGNMENT_STRINGS = {
  nobody: { vi: 'Chưa giao cho cán bộ nào', en: 'Not assigned yet' },
  member: { vi: 'Giao cho cán bộ của đơn vị', en: 'Assign to a member of the unit' },
  choose: { vi: '— Chọn cán bộ —', en: '— Choose a member —' },
  assign: { vi: 'Giao xử lý', en: 'Assign' },
  reassign: { vi: 'Giao lại', en: 'Reassign' },
  sending: { vi: 'Đang giao…', en: 'Assigning…' },
  done: { vi: 'Đã giao cho {name}.', en: 'Assigned to {name}.' },
  loadFailed: { vi: 'Không tải được danh sách cán bộ của đơn vị.', en: 'Could not load the unit’s staff.' },
} as const satisfies Record<string, Text>;
