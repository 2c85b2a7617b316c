import domain from 'virtual:pakn-domain-text/track/vi';

/** The tracking view's words in Vietnamese, in the tracking chunk (see vi.ts for the rest). */
export const trackVi = {
  ...domain,
  track: 'Tra cứu',
  tracking: 'Đang tra cứu…',
  trackHint: 'Nhập mã phản ánh và mã tra cứu nhận được khi gửi phản ánh.',
  caseTitle: (reference: string) => `Phản ánh ${reference}`,
  status: 'Tình trạng',
  history: 'Quá trình xử lý',
  deadline: (stage: string, when: string) => `Hạn ${stage}: ${when}`,
  stages: { classification: 'phân loại', forwarding: 'chuyển xử lý', answer: 'trả lời' } as Record<string, string>,
  overdue: 'đã quá hạn',
  infoRequest: 'Đơn vị đề nghị bổ sung thông tin',
  infoReply: 'Thông tin bổ sung',
  sendInfo: 'Gửi thông tin bổ sung',
  infoSent: 'Đã gửi thông tin bổ sung.',
  mergedInto: (reference: string) => `Phản ánh này đã được gộp vào phản ánh ${reference}.`,
  answer: 'Kết quả trả lời',
  answerFiles: 'Tệp đính kèm kết quả trả lời',
  download: 'Tải xuống',
  downloadFailed: 'Không tải được tệp. Vui lòng thử lại.',
  referral: 'Hướng dẫn của Trung tâm',
  rating: 'Mức độ hài lòng',
  ratingHint: '1: rất không hài lòng, 5: rất hài lòng.',
  comment: 'Ý kiến thêm (không bắt buộc)',
  rate: 'Gửi đánh giá',
  chooseScore: 'Vui lòng chọn mức độ hài lòng.',
  rated: (score: number) => `Ông/Bà đã đánh giá ${score}/5. Cảm ơn Ông/Bà.`,
  review: 'Đề nghị Trung tâm xem xét lại',
  reviewReason: 'Lý do đề nghị xem xét lại',
  reviewUntil: (when: string) => `Ông/Bà có thể đề nghị đến ${when}.`,
  reviewSent: 'Đã gửi đề nghị xem xét lại.',
};

export type TrackText = typeof trackVi;
