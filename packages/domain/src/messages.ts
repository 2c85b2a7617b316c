import type { Lang } from './i18n.ts';
import { CENTRE_FOUNDED_ON } from './input-dates.ts';

/** What the UI needs of a validation issue (zod's issues have this shape). */
export interface IssueLike {
  readonly code: string;
  readonly message?: string;
  readonly path?: readonly PropertyKey[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly format?: string;
  readonly input?: unknown;
}

/** Message codes used by schemas (`{ error: 'code' }`) and by the domain's field errors. */
const CODED = {
  required: { vi: 'Vui lòng nhập thông tin này.', en: 'This field is required.' },
  consent_required: {
    vi: 'Vui lòng đồng ý cho xử lý dữ liệu cá nhân khi để lại thông tin liên hệ.',
    en: 'Please consent to the processing of personal data when you leave contact details.',
  },
  phone_format: {
    vi: 'Số điện thoại không hợp lệ (chỉ gồm chữ số, ví dụ 0912 345 678).',
    en: 'Invalid phone number (digits only, e.g. 0912 345 678).',
  },
  email_format: { vi: 'Địa chỉ thư điện tử không hợp lệ.', en: 'Invalid email address.' },
  invalid: { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
  date_format: { vi: 'Ngày không hợp lệ.', en: 'Invalid date.' },
  date_too_early: {
    vi: `Ngày không được trước ngày ${CENTRE_FOUNDED_ON.split('-').reverse().join('/')}.`,
    en: `The date cannot be before ${CENTRE_FOUNDED_ON}.`,
  },
  date_too_late: { vi: 'Ngày quá xa trong tương lai.', en: 'The date is too far in the future.' },
  date_in_future: { vi: 'Ngày không được sau hôm nay.', en: 'The date cannot be after today.' },
  origin_format: {
    vi: 'Địa chỉ trang web phải có dạng https://ten-mien, không có đường dẫn.',
    en: 'A site address must look like https://domain, without a path.',
  },
  date_outside_year: { vi: 'Có ngày nằm ngoài năm của lịch này.', en: 'A date lies outside this calendar’s year.' },
  tet_outside_january_february: {
    vi: 'Các ngày nghỉ Tết phải nằm trong tháng 1 hoặc tháng 2 của năm.',
    en: 'Tết days must fall in January or February of the year.',
  },
  national_day_companion_not_adjacent: {
    vi: 'Ngày nghỉ kèm Quốc khánh phải là 01/9 hoặc 03/9.',
    en: 'The day paired with National Day must be 1 or 3 September.',
  },
  day_both_worked_and_off: {
    vi: 'Một ngày không thể vừa là ngày nghỉ vừa là ngày làm bù.',
    en: 'A day cannot be both a day off and a make-up working day.',
  },
  date_order: { vi: 'Ngày kết thúc không thể trước ngày bắt đầu.', en: 'The end date cannot be before the start date.' },
  period_too_long: { vi: 'Khoảng thời gian tối đa là 366 ngày.', en: 'The period can be at most 366 days.' },
  cut_off_day: {
    vi: 'Ngày chốt số liệu phải là số nguyên từ 1 đến 28 (15 theo Nghị định 09/2019/NĐ-CP; 1 là tháng dương lịch).',
    en: 'The cut-off day must be a whole number from 1 to 28 (15 under Decree 09/2019/NĐ-CP; 1 gives calendar months).',
  },
  period_index: {
    vi: 'Kỳ báo cáo không có trong năm (tháng 1–12, quý 1–4, 6 tháng 1–2).',
    en: 'No such reporting period in a year (month 1–12, quarter 1–4, half 1–2).',
  },
  category_key_format: {
    vi: 'Mã loại phản ánh gồm chữ thường không dấu, số, dấu gạch dưới hoặc gạch ngang, bắt đầu bằng chữ cái (2–48 ký tự), ví dụ thu_tuc_dat_dai.',
    en: 'A category key is lower-case letters, digits, underscores or hyphens, starting with a letter (2–48 characters), e.g. land_procedures.',
  },
  category_key_taken: { vi: 'Mã này đã được dùng cho một loại phản ánh khác.', en: 'This key is already used by another category.' },
  returned_before_appointment: {
    vi: 'Ngày nhận kết quả không thể trước ngày hẹn trả.',
    en: 'The date the result came cannot be before the appointment date.',
  },
} satisfies Readonly<Record<string, Record<Lang, string>>>;

/** Codes that carry a value after `=`; several join with `;` (see `letterTemplateErrorCode`). */
const PARAMETRISED: Readonly<Record<string, (value: string, lang: Lang) => string>> = {
  unknown_placeholders: (v, lang) => (lang === 'vi' ? `Trường thay thế không tồn tại: ${v}.` : `Unknown placeholders: ${v}.`),
  missing_placeholders: (v, lang) => (lang === 'vi' ? `Mẫu phải có trường thay thế: ${v}.` : `The template must contain: ${v}.`),
  unbalanced_braces: (v, lang) =>
    lang === 'vi'
      ? `Dấu ngoặc nhọn không khớp ở vị trí ký tự ${v} (để viết dấu ngoặc, gõ {{ hoặc }}).`
      : `Unmatched brace at character ${v} (to write a brace, type {{ or }}).`,
};

function parametrisedMessage(message: string, lang: Lang): string | null {
  const parts = message.split(';').map((part) => {
    const at = part.indexOf('=');
    const key = part.slice(0, at);
    const format = at > 0 && Object.hasOwn(PARAMETRISED, key) ? PARAMETRISED[key] : undefined;
    return format ? format(part.slice(at + 1), lang) : null;
  });
  return parts.every((p) => p !== null) ? parts.join(' ') : null;
}

/** Turns a validation issue into a sentence in the user's language. */
export function issueMessage(issue: IssueLike, lang: Lang): string {
  // A domain error's field codes (username_taken, unit_required…) come through here too, on the server.
  // Own keys only: a code such as `constructor` must not find Object's members.
  const coded = issue.message ? (ownText(CODED, issue.message) ?? ownText(ERROR_MESSAGES, issue.message)) : undefined;
  if (coded) return coded[lang];
  const parametrised = issue.message?.includes('=') ? parametrisedMessage(issue.message, lang) : null;
  if (parametrised) return parametrised;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        const min = Number(issue.minimum);
        if (min <= 1) return CODED.required[lang];
        return lang === 'vi' ? `Cần ít nhất ${min} ký tự.` : `Enter at least ${min} characters.`;
      }
      return CODED.invalid[lang];
    case 'too_big':
      if (issue.origin === 'string') {
        const max = Number(issue.maximum);
        return lang === 'vi' ? `Tối đa ${max} ký tự.` : `At most ${max} characters.`;
      }
      return CODED.invalid[lang];
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? CODED.required[lang] : CODED.invalid[lang];
    case 'invalid_format':
      return issue.format === 'email' ? CODED.email_format[lang] : CODED.invalid[lang];
    case 'invalid_value':
    case 'invalid_union':
      return lang === 'vi' ? 'Vui lòng chọn một giá trị trong danh sách.' : 'Please choose a value from the list.';
    default:
      return CODED.invalid[lang];
  }
}

/** Field errors keyed by dotted path, first issue per field wins. */
export function fieldErrors(issues: readonly IssueLike[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = (issue.path ?? []).map(String).join('.') || '_';
    out[key] ??= issueMessage(issue, lang);
  }
  return out;
}

/** Messages for domain error codes, shown when an operation is refused. */
const INTERNAL_MESSAGE: Record<Lang, string> = {
  vi: 'Hệ thống gặp sự cố. Vui lòng thử lại sau.',
  en: 'Something went wrong on our side. Please try again later.',
};

export const ERROR_MESSAGES: Readonly<Record<string, Record<Lang, string>>> = {
  illegal_transition: {
    vi: 'Thao tác không thực hiện được ở trạng thái hiện tại của phản ánh.',
    en: 'This action is not possible in the case’s current status.',
  },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  cursor_invalid: {
    vi: 'Liên kết tới trang danh sách này không hợp lệ hoặc đã cũ. Vui lòng mở lại trang đầu.',
    en: 'This link to a page of the list is invalid or out of date. Please open the first page again.',
  },
  case_not_found: {
    vi: 'Không tìm thấy phản ánh với mã số và mã tra cứu này. Vui lòng kiểm tra lại.',
    en: 'No case matches this reference and access key. Please check them.',
  },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  unauthenticated: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  bad_login: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  login_throttled: {
    vi: 'Đăng nhập tạm thời bị khóa do có quá nhiều lần thử không thành công. Vui lòng thử lại sau ít phút, hoặc liên hệ quản trị viên để được mở khóa.',
    en: 'Sign-in is paused after too many failed attempts. Please try again in a few minutes, or ask an administrator to unlock it.',
  },
  conflict: {
    vi: 'Phản ánh vừa được người khác cập nhật. Vui lòng tải lại.',
    en: 'Someone else has just updated this case. Please reload.',
  },
  invalid: { vi: 'Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.', en: 'Some fields are invalid. Please check the marked fields.' },
  rate_limited: { vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.', en: 'Too many requests. Please try again in a few minutes.' },
  server_busy: {
    vi: 'Hệ thống đang nhận quá nhiều phản ánh cùng lúc. Vui lòng thử lại sau; nội dung Ông/Bà đã nhập vẫn còn trên biểu mẫu.',
    en: 'The system is receiving too many reports at once. Please try again later; what you wrote is still in the form.',
  },
  origin_not_allowed: {
    vi: 'Trang web này chưa được đăng ký nhúng biểu mẫu phản ánh.',
    en: 'This website is not registered to embed the form.',
  },
  unknown_site: { vi: 'Mã trang nhúng không hợp lệ.', en: 'Unknown site key.' },
  unknown_unit: { vi: 'Đơn vị không tồn tại.', en: 'Unknown unit.' },
  category_unavailable: {
    vi: 'Loại phản ánh đã chọn không còn được sử dụng. Vui lòng chọn loại khác; nội dung Ông/Bà đã nhập vẫn được giữ nguyên.',
    en: 'The chosen category is no longer in use. Please choose another; what you wrote is kept.',
  },
  letter_template_invalid: {
    vi: 'Mẫu văn bản chưa hợp lệ. Vui lòng sửa các lỗi được nêu.',
    en: 'The letter template is not valid. Please fix the problems listed.',
  },
  payload_too_large: { vi: 'Nội dung gửi quá lớn.', en: 'The request is too large.' },
  csrf: {
    vi: 'Yêu cầu bị từ chối vì không xuất phát từ cổng cán bộ.',
    en: 'Request refused: it did not come from the staff portal.',
  },
  download_by_button: {
    vi: 'Tệp chỉ tải được bằng nút tải trong cổng cán bộ, không mở được bằng đường liên kết.',
    en: 'Files download only through the download button of the staff portal, not from a link.',
  },
  proof_invalid: {
    vi: 'Không xác minh được yêu cầu gửi. Vui lòng gửi lại.',
    en: 'The submission could not be verified. Please send it again.',
  },
  attachment_too_large: { vi: 'Tệp quá lớn (tối đa 5 MB).', en: 'The file is too large (5 MB at most).' },
  attachment_type: {
    vi: 'Chỉ nhận ảnh (JPEG, PNG, WebP) hoặc tệp PDF.',
    en: 'Only images (JPEG, PNG, WebP) or PDF files are accepted.',
  },
  attachment_invalid: {
    vi: 'Tệp đính kèm không hợp lệ hoặc đã hết hạn. Vui lòng đính kèm lại.',
    en: 'An attachment is invalid or has expired. Please attach it again.',
  },
  too_many_attachments: { vi: 'Tối đa 5 tệp đính kèm.', en: 'At most 5 attachments.' },
  already_rated: { vi: 'Ông/Bà đã đánh giá phản ánh này.', en: 'You have already rated this case.' },
  review_not_allowed: {
    vi: 'Không thể đề nghị xem xét lại phản ánh này (chỉ khi chưa hài lòng với kết quả, trong thời hạn 30 ngày).',
    en: 'A review cannot be requested for this case (only when not satisfied with the answer, within 30 days).',
  },
  self_review: {
    vi: 'Đơn vị xử lý trùng với đơn vị bị phản ánh. Nên chuyển đơn vị cấp trên hoặc đề nghị kiểm tra; nếu vẫn chuyển, hãy xác nhận.',
    en: 'The handling unit is the unit complained about. Consider its superior unit or an inspection; to forward anyway, confirm it.',
  },
  extension_not_allowed: {
    vi: 'Chỉ được gia hạn một lần, tối đa 10 ngày làm việc, khi đơn vị đang xử lý.',
    en: 'One extension only, of at most 10 working days, while the unit handles the case.',
  },
  identity_confidential: {
    vi: 'Người phản ánh đề nghị không tiết lộ danh tính cho đơn vị bị phản ánh.',
    en: 'The citizen asked that their identity not be revealed to the unit concerned.',
  },
  id_taken: { vi: 'Mã này đã được dùng. Hãy chọn mã khác, hoặc sửa mục đã có.', en: 'This identifier is in use. Choose another, or edit the existing entry.' },
  username_taken: { vi: 'Tên đăng nhập đã được dùng.', en: 'This username is already taken.' },
  unit_required: { vi: 'Cán bộ của đơn vị phải thuộc một đơn vị.', en: 'A unit member needs a unit.' },
  password_required: { vi: 'Tài khoản mới cần mật khẩu (ít nhất 12 ký tự).', en: 'A new account needs a password (12 characters or more).' },
  spam: { vi: 'Yêu cầu không hợp lệ.', en: 'Invalid request.' },
  storage_unavailable: {
    vi: 'Hệ thống tạm thời không lưu được dữ liệu; nội dung của bạn chưa được ghi nhận. Vui lòng thử lại sau ít phút.',
    en: 'The system cannot save anything right now; your request was not recorded. Please try again in a few minutes.',
  },
  internal: INTERNAL_MESSAGE,
};

export function errorMessage(code: string, lang: Lang): string {
  return (ownText(ERROR_MESSAGES, code) ?? INTERNAL_MESSAGE)[lang];
}

function ownText(table: Readonly<Record<string, Record<Lang, string>>>, code: string): Record<Lang, string> | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
