/**
 * The words of generated cases: what Hanoi's citizens write about dossiers, officials and procedures, with
 * diacritics, so that search (folded or not) meets the same mix as on real data. Names and streets are common
 * ones; phone numbers and emails are made up by the generator.
 */

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];

export const MIDDLE_NAMES = ['Văn', 'Thị', 'Minh', 'Đức', 'Thu', 'Quốc', 'Thanh', 'Ngọc', 'Hữu', 'Xuân', 'Thùy', 'Công', 'Hải', 'Phương'];

export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đào',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Huy',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Trung',
  'Tuấn',
  'Việt',
  'Yến',
];

export const STREETS = [
  'phố Hàng Bài',
  'phố Tràng Tiền',
  'phố Đinh Tiên Hoàng',
  'phố Hàng Bông',
  'đường Đội Cấn',
  'đường Láng',
  'đường Nguyễn Trãi',
  'đường Giải Phóng',
  'đường Kim Mã',
  'đường Xuân Thủy',
  'đường Cầu Giấy',
  'đường Trường Chinh',
  'đường Nguyễn Văn Cừ',
  'đường Lạc Long Quân',
  'đường Phạm Văn Đồng',
  'phố Huế',
  'phố Bạch Mai',
  'phố Tây Sơn',
  'đường Tam Trinh',
  'đường Quang Trung',
  'ngõ 58 Nguyễn Khánh Toàn',
  'ngõ 12 Đào Tấn',
  'thôn Đông',
  'xóm Chùa',
];

/** Procedures a dossier is about. */
export const PROCEDURES = [
  'chứng thực bản sao từ bản chính',
  'đăng ký khai sinh',
  'đăng ký kết hôn',
  'đăng ký khai tử',
  'cấp giấy phép xây dựng nhà ở riêng lẻ',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'đăng ký biến động đất đai',
  'cấp phiếu lý lịch tư pháp',
  'đăng ký thường trú',
  'cấp giấy phép kinh doanh hộ cá thể',
  'xác nhận tình trạng hôn nhân',
  'cấp đổi giấy phép lái xe',
  'trợ cấp xã hội hằng tháng',
  'cấp giấy chứng nhận an toàn thực phẩm',
  'thẩm định hồ sơ thiết kế phòng cháy',
];

/** What went wrong, per built-in category (the key of the category the citizen picked). */
export const PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  late_result: [
    'hồ sơ bị trả kết quả muộn so với giấy hẹn',
    'hồ sơ quá hạn trên giấy tiếp nhận mà chưa có kết quả',
    'hồ sơ bị hẹn trả nhiều lần mà vẫn chưa giải quyết xong',
    'hồ sơ trễ hạn mà không có văn bản xin lỗi',
  ],
  harassment: [
    'cán bộ có thái độ gây khó dễ, nói năng thiếu tôn trọng',
    'cán bộ gợi ý phải nộp thêm chi phí ngoài quy định',
    'bị cán bộ hạch sách, bắt đi lại nhiều lần',
  ],
  obstructing_choice: [
    'cán bộ không cho nộp hồ sơ trực tuyến mà bắt nộp trực tiếp',
    'không được nhận kết quả qua bưu chính công ích',
    'bị yêu cầu sử dụng dịch vụ của một đơn vị trung gian',
  ],
  refusing_or_extra_papers: [
    'bị yêu cầu nộp thêm giấy tờ ngoài quy định',
    'cán bộ từ chối tiếp nhận hồ sơ mà không nêu lý do',
    'bị yêu cầu bổ sung hồ sơ nhiều lần, mỗi lần một loại giấy tờ khác',
  ],
  shirking_responsibility: [
    'cán bộ đùn đẩy trách nhiệm sang đơn vị khác',
    'không có ai hướng dẫn, các bộ phận chuyển qua chuyển lại',
    'đơn vị không trả lời văn bản đề nghị của tôi',
  ],
  office_culture: [
    'cán bộ đến muộn, bỏ vị trí trong giờ làm việc',
    'cán bộ dùng điện thoại việc riêng khi tiếp dân',
    'nơi tiếp nhận hồ sơ không có ghế chờ, không có số thứ tự',
  ],
  other_violation: [
    'thông tin niêm yết về thủ tục không đúng với thực tế',
    'phí, lệ phí thu không đúng mức niêm yết',
    'hệ thống dịch vụ công trực tuyến báo lỗi nhưng không được hỗ trợ',
  ],
};

export const OPENINGS = [
  'Tôi nộp hồ sơ',
  'Gia đình tôi nộp hồ sơ',
  'Tôi làm thủ tục',
  'Ngày hôm trước tôi đến bộ phận một cửa để nộp hồ sơ',
  'Tôi đã nộp hồ sơ trực tuyến',
  'Mẹ tôi đã cao tuổi, tôi thay mặt nộp hồ sơ',
];

export const REQUESTS = [
  'Đề nghị Trung tâm xem xét, chấn chỉnh.',
  'Kính đề nghị cơ quan có thẩm quyền giải quyết sớm.',
  'Mong được hướng dẫn cụ thể.',
  'Đề nghị xử lý nghiêm cán bộ vi phạm.',
  'Xin cảm ơn.',
  '',
];

/** Out-of-scope requests: questions, other provinces, complaints under the law on complaints, crimes. */
export const OUT_OF_SCOPE_TEXTS = [
  'Cho tôi hỏi thủ tục tách thửa đất cần những giấy tờ gì và nộp ở đâu?',
  'Tôi ở tỉnh Bắc Ninh, hồ sơ đất đai của tôi bị chậm tại bộ phận một cửa huyện, nhờ Trung tâm can thiệp.',
  'Tôi khiếu nại quyết định thu hồi đất của Ủy ban nhân dân, đề nghị giải quyết theo Luật Khiếu nại.',
  'Hàng xóm xây nhà lấn sang đất của gia đình tôi, tiếng ồn kéo dài đến khuya.',
  'Đề nghị Thành phố sửa quy định về mức phí trông giữ xe.',
  'Tôi bị phạt vi phạm hành chính về giao thông và muốn khởi kiện quyết định xử phạt.',
  'Có người mạo danh cán bộ gọi điện yêu cầu chuyển tiền để làm nhanh hồ sơ.',
];

export const CALL_SUMMARIES = [
  'Gọi lại hỏi tiến độ giải quyết hồ sơ',
  'Công dân gọi đến bổ sung thông tin về cán bộ tiếp nhận',
  'Công dân hỏi vì sao chưa có kết quả trả lời',
  'Đề nghị Trung tâm đôn đốc đơn vị trả lời sớm',
];

export const ANSWERS = [
  'Đơn vị đã kiểm tra, hồ sơ bị chậm do thiếu phối hợp giữa các bộ phận; đã trả kết quả và gửi thư xin lỗi công dân.',
  'Qua kiểm tra, cán bộ tiếp nhận đã hướng dẫn chưa đầy đủ; đơn vị đã nhắc nhở cán bộ và hướng dẫn lại công dân.',
  'Nội dung phản ánh không đúng: hồ sơ còn thiếu giấy tờ theo quy định, đơn vị đã có phiếu hướng dẫn bổ sung.',
  'Đơn vị đã tổ chức kiểm điểm cán bộ liên quan và chấn chỉnh việc tiếp nhận hồ sơ tại bộ phận một cửa.',
];

export const UNIT_QUESTIONS = [
  'Đề nghị Ông/Bà cung cấp mã hồ sơ và ngày hẹn trả kết quả.',
  'Đề nghị Ông/Bà cho biết tên hoặc vị trí của cán bộ tiếp nhận.',
  'Đề nghị Ông/Bà gửi ảnh chụp giấy tiếp nhận hồ sơ.',
];

export const CITIZEN_REPLIES = [
  'Mã hồ sơ của tôi ghi trên giấy hẹn, ngày hẹn là thứ Sáu tuần trước.',
  'Cán bộ ngồi ở quầy số 3 buổi sáng.',
  'Tôi đã gửi ảnh giấy tiếp nhận.',
];

export const REVIEW_REASONS = ['Tôi chưa đồng ý với kết quả trả lời vì hồ sơ vẫn chưa được giải quyết.', 'Câu trả lời chưa nêu rõ việc xử lý cán bộ.'];

export const RETURN_NOTES = [
  'Đề nghị bổ sung nội dung xử lý trách nhiệm cán bộ.',
  'Câu trả lời chưa nêu kết quả giải quyết hồ sơ.',
  'Cần sửa lại tên đơn vị nhận.',
];

export const EXTENSION_REASONS = ['Vụ việc phức tạp, cần xác minh với nhiều bộ phận.', 'Cần chờ kết quả đo đạc thực địa.'];

export const RECORD_NOTES: Readonly<Record<'reprimand' | 'commendation' | 'reminder', readonly string[]>> = {
  reprimand: ['Nhắc nhở đơn vị vì trả lời quá hạn.', 'Chấn chỉnh việc tiếp nhận hồ sơ không đúng quy định.'],
  commendation: ['Biểu dương đơn vị trả lời đúng hạn, chất lượng.', 'Biểu dương cán bộ tận tình hướng dẫn công dân.'],
  reminder: ['Đôn đốc đơn vị trả lời phản ánh sắp đến hạn.'],
};
