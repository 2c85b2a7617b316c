import type { Text } from '@pakn/domain';

export const STRINGS = {
  heading: { vi: 'Mẫu văn bản chuyển xử lý', en: 'Forwarding letter template' },
  intro: {
    vi: 'Khi cán bộ tiếp nhận soạn văn bản chuyển phản ánh đến đơn vị, nội dung được điền từ mẫu này. Viết trường thay thế trong dấu ngoặc nhọn, ví dụ {don_vi}; để viết dấu ngoặc nhọn, gõ {{ hoặc }}. Sửa mẫu không làm thay đổi các văn bản đã soạn.',
    en: 'When an intake officer drafts the letter forwarding a case to a unit, its text comes from this template. Write placeholders in braces, e.g. {don_vi}; to write a brace, type {{ or }}. Editing the template does not change letters already drafted.',
  },
  confidentiality: {
    vi: 'Thông tin cá nhân của người phản ánh chỉ được đưa vào văn bản qua {nguoi_phan_anh}; khi người dân đề nghị giữ bí mật, trường này là câu thông báo giữ bí mật danh tính.',
    en: 'The citizen’s identity enters a letter only through {nguoi_phan_anh}; when the citizen asked for confidentiality, it becomes the sentence saying their identity is withheld.',
  },
  template: { vi: 'Nội dung mẫu', en: 'Template' },
  templateHint: { vi: 'Bắt buộc có {noi_dung} và {don_vi}.', en: '{noi_dung} and {don_vi} are required.' },
  placeholders: { vi: 'Các trường thay thế', en: 'Placeholders' },
  insert: { vi: 'Chèn', en: 'Insert' },
  preview: { vi: 'Xem trước (với một phản ánh mẫu)', en: 'Preview (with a sample case)' },
  previewing: { vi: 'Đang cập nhật bản xem trước…', en: 'Updating the preview…' },
  previewBlocked: { vi: 'Sửa lỗi trong mẫu để xem trước.', en: 'Fix the template to see a preview.' },
  save: { vi: 'Lưu mẫu', en: 'Save the template' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  restore: { vi: 'Dùng lại mẫu mặc định', en: 'Start from the default template' },
  undo: { vi: 'Bỏ thay đổi chưa lưu', en: 'Discard unsaved changes' },
  saved: {
    vi: 'Đã lưu mẫu. Các văn bản soạn từ nay dùng mẫu mới; văn bản đã soạn không thay đổi.',
    en: 'Template saved. Letters drafted from now on use it; letters already drafted do not change.',
  },
  unsaved: { vi: 'Có thay đổi chưa lưu.', en: 'There are unsaved changes.' },
  updatedAt: { vi: 'Lưu lần cuối: {at}', en: 'Last saved: {at}' },
} as const satisfies Record<string, Text>;
