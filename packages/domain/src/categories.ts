import type { Text } from './i18n.ts';

/**
 * The Centre's built-in in-scope categories: the conduct it follows up on. Since issue 5 categories are data
 * (the `categories` table, edited by admins); this list is only what migration 0007 seeds and what tests use.
 * Never validate a case's category against it: ask the database which categories are active.
 */
export const BUILT_IN_CATEGORIES = [
  'late_result',
  'harassment',
  'obstructing_choice',
  'refusing_or_extra_papers',
  'shirking_responsibility',
  'office_culture',
  'other_violation',
] as const;
export type BuiltInCategory = (typeof BUILT_IN_CATEGORIES)[number];

/** A category's stable key. Open-ended: admins add categories at run time. */
export type Category = string;

/**
 * The shape of a category key: a lower-case slug (letters a–z, digits, `_` or `-`, starting with a letter).
 * Keys are stored on cases for ever, so they never change once created; labels do.
 */
export const CATEGORY_KEY_PATTERN = /^[a-z][a-z0-9_-]{1,47}$/;

export function isCategoryKey(value: string): boolean {
  return CATEGORY_KEY_PATTERN.test(value);
}

/** The late-result category keeps its extra fields (appointment and returned dates), whatever its label. */
export const LATE_RESULT_CATEGORY: BuiltInCategory = 'late_result';

/** A category as stored: labels and an optional hint for citizens in both languages. */
export interface CategoryDefinition {
  readonly key: Category;
  readonly label: Text;
  /** A short explanation shown to citizens under the list; null when there is none. */
  readonly hint: Text | null;
  readonly position: number;
  /** Inactive: hidden from citizens and pick lists, still the label of the cases that have it. */
  readonly active: boolean;
}

/** The labels the built-in categories are seeded with. */
export const BUILT_IN_CATEGORY_LABELS: Readonly<Record<BuiltInCategory, Text>> = {
  late_result: {
    vi: 'Trả kết quả muộn so với ngày hẹn',
    en: 'Result returned after the appointment date',
  },
  harassment: {
    vi: 'Cửa quyền, sách nhiễu, gây phiền hà',
    en: 'Bureaucratic, harassing or troublesome conduct',
  },
  obstructing_choice: {
    vi: 'Cản trở lựa chọn hình thức nộp hồ sơ, nhận kết quả',
    en: 'Obstructing the choice of how to submit a dossier or receive the result',
  },
  refusing_or_extra_papers: {
    vi: 'Từ chối, kéo dài hoặc yêu cầu giấy tờ ngoài quy định',
    en: 'Refusing, prolonging, or requiring papers beyond the law',
  },
  shirking_responsibility: {
    vi: 'Né tránh trách nhiệm, thiếu phối hợp, thiếu công bằng',
    en: 'Shirking responsibility, lack of cooperation, unfairness',
  },
  office_culture: {
    vi: 'Vi phạm quy tắc văn hóa công sở',
    en: 'Conduct against office-culture rules',
  },
  other_violation: {
    vi: 'Hành vi vi phạm khác',
    en: 'Other violations',
  },
};

/**
 * Out-of-scope classes: matters the Centre does not handle. The citizen gets an explanation and a
 * referral to the competent authority.
 */
export const OUT_OF_SCOPE_CLASSES = [
  'information_request',
  'other_province',
  'complaint_or_denunciation',
  'crime_report',
  'public_order',
  'policy_or_legislation',
  'litigation_or_penalty',
  'other',
] as const;
export type OutOfScopeClass = (typeof OUT_OF_SCOPE_CLASSES)[number];

export const OUT_OF_SCOPE_LABELS: Readonly<Record<OutOfScopeClass, Text>> = {
  information_request: { vi: 'Hỏi đáp, đề nghị cung cấp thông tin', en: 'Information request' },
  other_province: { vi: 'Vụ việc thuộc tỉnh, thành phố khác', en: 'Matter of another province' },
  complaint_or_denunciation: {
    vi: 'Khiếu nại, tố cáo (theo Luật Khiếu nại, Luật Tố cáo)',
    en: 'Complaint or denunciation (under their own laws)',
  },
  crime_report: { vi: 'Tố giác tội phạm', en: 'Crime report' },
  public_order: { vi: 'An ninh, trật tự', en: 'Public order' },
  policy_or_legislation: { vi: 'Chính sách, pháp luật', en: 'Policy or legislation' },
  litigation_or_penalty: {
    vi: 'Tranh chấp tố tụng, xử phạt vi phạm hành chính',
    en: 'Litigation or administrative penalty',
  },
  other: { vi: 'Nội dung khác ngoài phạm vi', en: 'Other matter outside the scope' },
};

/** A referral text suggested to the intake officer for each out-of-scope class; the officer edits it. */
export const DEFAULT_REFERRALS: Readonly<Record<OutOfScopeClass, Text>> = {
  information_request: {
    vi: 'Nội dung Ông/Bà hỏi không thuộc phạm vi tiếp nhận phản ánh, kiến nghị. Đề nghị liên hệ cơ quan giải quyết thủ tục hành chính hoặc tra cứu trên Cổng Dịch vụ công quốc gia.',
    en: 'Your question is not a complaint about how an administrative procedure was handled. Please contact the agency that handles the procedure, or look it up on the National Public Service Portal.',
  },
  other_province: {
    vi: 'Vụ việc thuộc thẩm quyền của tỉnh, thành phố khác. Đề nghị Ông/Bà liên hệ Trung tâm Phục vụ hành chính công của tỉnh, thành phố đó.',
    en: 'The matter belongs to another province or city. Please contact that province’s Public Administration Service Centre.',
  },
  complaint_or_denunciation: {
    vi: 'Nội dung thuộc phạm vi điều chỉnh của Luật Khiếu nại, Luật Tố cáo. Đề nghị Ông/Bà gửi đơn đến cơ quan có thẩm quyền giải quyết khiếu nại, tố cáo theo quy định.',
    en: 'The matter falls under the Law on Complaints or the Law on Denunciations. Please file it with the authority competent to resolve complaints and denunciations.',
  },
  crime_report: {
    vi: 'Nội dung là tố giác tội phạm. Đề nghị Ông/Bà liên hệ cơ quan Công an gần nhất hoặc gọi 113.',
    en: 'This is a crime report. Please contact the nearest police station or call 113.',
  },
  public_order: {
    vi: 'Nội dung liên quan đến an ninh, trật tự. Đề nghị Ông/Bà liên hệ Công an xã, phường nơi xảy ra vụ việc.',
    en: 'The matter concerns public order. Please contact the police of the commune or ward where it happened.',
  },
  policy_or_legislation: {
    vi: 'Nội dung là kiến nghị về chính sách, pháp luật. Đề nghị Ông/Bà gửi kiến nghị đến cơ quan ban hành văn bản hoặc Ủy ban nhân dân Thành phố.',
    en: 'This is a recommendation on policy or legislation. Please send it to the issuing authority or the City People’s Committee.',
  },
  litigation_or_penalty: {
    vi: 'Nội dung đang hoặc sẽ được giải quyết theo thủ tục tố tụng hoặc xử phạt vi phạm hành chính. Đề nghị Ông/Bà thực hiện theo hướng dẫn của cơ quan tiến hành tố tụng, cơ quan xử phạt.',
    en: 'The matter is or will be handled in litigation or as an administrative penalty. Please follow the instructions of the court or the penalising authority.',
  },
  other: {
    vi: 'Nội dung không thuộc phạm vi tiếp nhận của Trung tâm. Đề nghị Ông/Bà liên hệ cơ quan có thẩm quyền.',
    en: 'The matter is outside the Centre’s remit. Please contact the competent authority.',
  },
};

/** The label of a category in a language; the key itself for a key the list does not know. */
export function categoryLabel(categories: readonly Pick<CategoryDefinition, 'key' | 'label'>[], key: string, lang: keyof Text): string {
  return categories.find((c) => c.key === key)?.label[lang] ?? key;
}
