import type { Text } from '@pakn/domain';

/** The words of the answer's files (upload in the answer form, lists beside the answer). */
export const ANSWER_FILE_STRINGS = {
  legend: { vi: 'Tệp đính kèm kết quả trả lời', en: 'Files of the answer' },
  hint: {
    vi: 'Ảnh (JPEG, PNG, WebP) hoặc PDF; tối đa {count} tệp, mỗi tệp {mb} MB. Tệp đánh dấu “Nội bộ” chỉ cán bộ xem, không gửi người dân.',
    en: 'Images (JPEG, PNG, WebP) or PDF; up to {count} files of {mb} MB each. Files marked “Internal” are for staff only, never sent to the citizen.',
  },
  choose: { vi: 'Chọn tệp', en: 'Choose files' },
  uploading: { vi: 'Đang tải lên…', en: 'Uploading…' },
  uploaded: { vi: 'Đã tải lên', en: 'Uploaded' },
  internal: { vi: 'Nội bộ (không gửi người dân)', en: 'Internal (not sent to the citizen)' },
  remove: { vi: 'Xóa', en: 'Remove' },
  removeFile: { vi: 'Xóa tệp {name}', en: 'Remove file {name}' },
  tooMany: { vi: 'Tối đa {count} tệp đính kèm.', en: 'At most {count} attachments.' },
  waitUploads: { vi: 'Vui lòng chờ tải tệp lên xong.', en: 'Please wait until the files are uploaded.' },
  removeFailed: { vi: 'Vui lòng xóa các tệp bị lỗi trước khi gửi.', en: 'Please remove the files with errors before sending.' },
  network: { vi: 'Không kết nối được máy chủ. Vui lòng thử lại.', en: 'Could not reach the server. Please try again.' },
  listHeading: { vi: 'Tệp đính kèm của đơn vị', en: 'Files from the unit' },
  none: { vi: 'Không có tệp đính kèm.', en: 'No files.' },
  forCitizen: { vi: 'Gửi người dân', en: 'For the citizen' },
  internalBadge: { vi: 'Nội bộ', en: 'Internal' },
  download: { vi: 'Tải xuống', en: 'Download' },
} satisfies Record<string, Text>;
