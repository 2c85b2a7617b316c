import { vietnamDateOf } from './calendar/index.ts';
import type { Text } from './i18n.ts';

/**
 * The forwarding letter as a template the admin edits (issue 5). A template is plain text with placeholders in
 * braces, e.g. `Kính gửi: {don_vi}`; `{{` and `}}` write a literal brace. Placeholders are replaced once, left
 * to right: a value (the citizen's description, say) that itself contains `{nguoi_phan_anh}` stays text.
 *
 * Confidentiality is structural: the citizen's name, phone and email reach a letter only through
 * `{nguoi_phan_anh}`, which renders the redaction sentence when the citizen asked not to be identified. No
 * other placeholder carries identity, and there is no way to name a field of the case.
 */

export const LETTER_TEMPLATE_MAX = 10_000;

/** Every placeholder, with what it becomes. The order is the order the editor lists them in. */
export const LETTER_PLACEHOLDERS = {
  don_vi: { vi: 'Tên đơn vị nhận văn bản chuyển xử lý', en: 'Name of the unit the case is forwarded to' },
  ma_so: { vi: 'Mã số phản ánh, kiến nghị (ví dụ PAKN-2026-000123)', en: 'The case reference (e.g. PAKN-2026-000123)' },
  ngay_tiep_nhan: { vi: 'Ngày Trung tâm tiếp nhận phản ánh (dd/mm/yyyy)', en: 'Date the Centre received the case (dd/mm/yyyy)' },
  linh_vuc: { vi: 'Loại phản ánh đã phân loại, chữ thường', en: 'The classified category, in lower case' },
  noi_dung: { vi: 'Nội dung phản ánh của người dân', en: 'What the citizen reported' },
  ma_ho_so: {
    vi: 'Mã hồ sơ thủ tục hành chính; nếu không có, cả dòng chứa nó được bỏ qua',
    en: 'The dossier code; when there is none, the whole line holding it is left out',
  },
  nguoi_phan_anh: {
    vi: 'Thông tin người phản ánh (họ tên, điện thoại, thư điện tử); nếu người dân đề nghị giữ bí mật, thay bằng câu thông báo giữ bí mật danh tính',
    en: 'The citizen’s name, phone and email; when the citizen asked for confidentiality, the sentence saying identity is withheld',
  },
  han_tra_loi: {
    vi: 'Thời hạn trả lời: “trước ngày dd/mm/yyyy (15 ngày làm việc)” hoặc “trong thời hạn 15 ngày làm việc”',
    en: 'The answer deadline: “before dd/mm/yyyy (15 working days)” or “within 15 working days”',
  },
} as const satisfies Record<string, Text>;
export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;
export const LETTER_PLACEHOLDER_NAMES = Object.keys(LETTER_PLACEHOLDERS) as LetterPlaceholder[];

/** A template without these is no forwarding letter: the unit would not know what or to whom. */
export const REQUIRED_LETTER_PLACEHOLDERS: readonly LetterPlaceholder[] = ['noi_dung', 'don_vi'];

/** Placeholders whose line disappears when they have no value. */
const LINE_DROPPING: ReadonlySet<LetterPlaceholder> = new Set(['ma_ho_so']);

/** The sentence that stands for the citizen when they asked not to be identified to the unit. */
export const CONFIDENTIAL_IDENTITY_SENTENCE = 'Người phản ánh đề nghị giữ bí mật danh tính; Trung tâm không cung cấp thông tin cá nhân của người phản ánh.';

/** Today's letter (until issue 5 it was code), as a template: what migration 0007 stores first. */
export const DEFAULT_LETTER_TEMPLATE = [
  'Kính gửi: {don_vi}',
  '',
  'Ngày {ngay_tiep_nhan}, Trung tâm Phục vụ hành chính công Thành phố Hà Nội tiếp nhận phản ánh, kiến nghị mã số {ma_so} về việc: {linh_vuc}.',
  '',
  'Nội dung phản ánh:',
  '{noi_dung}',
  '',
  'Mã hồ sơ: {ma_ho_so}',
  '',
  '{nguoi_phan_anh}',
  '',
  'Căn cứ quy định về tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính và thủ tục hành chính, Trung tâm chuyển nội dung trên đến quý cơ quan để xem xét, xử lý theo thẩm quyền và trả lời người phản ánh {han_tra_loi}; đồng thời gửi kết quả về Trung tâm qua Hệ thống PAKN để theo dõi, tổng hợp.',
  '',
  'Trân trọng./.',
].join('\n');

type Token = { readonly text: string } | { readonly placeholder: string; readonly at: number };

export interface LetterTemplateProblems {
  /** Placeholders that do not exist, as written (`{ten_sai}`), each once. */
  readonly unknown: readonly string[];
  /** Required placeholders the template lacks. */
  readonly missing: readonly LetterPlaceholder[];
  /** 1-based character positions of braces that open or close nothing. */
  readonly unbalanced: readonly number[];
}

function tokenize(template: string): { tokens: Token[]; unbalanced: number[] } {
  const tokens: Token[] = [];
  const unbalanced: number[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template.charAt(i);
    const next = template[i + 1];
    if ((c === '{' && next === '{') || (c === '}' && next === '}')) {
      text += c;
      i += 2;
    } else if (c === '}') {
      unbalanced.push(i + 1);
      text += c;
      i += 1;
    } else if (c === '{') {
      const close = template.indexOf('}', i + 1);
      const reopen = template.indexOf('{', i + 1);
      if (close === -1 || (reopen !== -1 && reopen < close)) {
        unbalanced.push(i + 1);
        text += c;
        i += 1;
      } else {
        if (text) tokens.push({ text });
        text = '';
        tokens.push({ placeholder: template.slice(i + 1, close), at: i + 1 });
        i = close + 1;
      }
    } else {
      text += c;
      i += 1;
    }
  }
  if (text) tokens.push({ text });
  return { tokens, unbalanced };
}

const isPlaceholder = (name: string): name is LetterPlaceholder => Object.hasOwn(LETTER_PLACEHOLDERS, name);

/** What is wrong with a template, or null when it can be saved. */
export function letterTemplateProblems(template: string): LetterTemplateProblems | null {
  const { tokens, unbalanced } = tokenize(template);
  const used = new Set<string>();
  const unknown: string[] = [];
  for (const token of tokens) {
    if (!('placeholder' in token)) continue;
    used.add(token.placeholder);
    const written = `{${token.placeholder}}`;
    if (!isPlaceholder(token.placeholder) && !unknown.includes(written)) unknown.push(written);
  }
  const missing = REQUIRED_LETTER_PLACEHOLDERS.filter((p) => !used.has(p));
  return unknown.length || missing.length || unbalanced.length ? { unknown, missing, unbalanced } : null;
}

/**
 * The problems as one field-error code (see `issueMessage`): `unknown_placeholders={a},{b};missing_placeholders=…`.
 * One field, one message listing everything, so the admin fixes it in one go.
 */
export function letterTemplateErrorCode(problems: LetterTemplateProblems): string {
  return [
    problems.unknown.length ? `unknown_placeholders=${problems.unknown.join(', ')}` : null,
    problems.missing.length ? `missing_placeholders=${problems.missing.map((p) => `{${p}}`).join(', ')}` : null,
    problems.unbalanced.length ? `unbalanced_braces=${problems.unbalanced.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join(';');
}

/** The facts a letter is made of. The citizen is null when they asked for confidentiality. */
export interface LetterFacts {
  readonly reference: string;
  readonly unitName: string;
  /** The stored (Vietnamese) label of the case's category; null when not classified. */
  readonly categoryLabel: string | null;
  readonly description: string;
  readonly dossierCode: string | null;
  readonly receivedAt: string;
  /** Null when the citizen asked not to be identified to the unit: the letter then says so, and nothing else. */
  readonly citizen: { name: string | null; phone: string | null; email: string | null } | null;
  /** The answer is due by this instant (15 working days from approval, given by the clock); null at drafting. */
  readonly answerDueAt: string | null;
}

/** dd/mm/yyyy, the date in Vietnam. */
function hanoiDate(iso: string): string {
  return vietnamDateOf(Date.parse(iso)).split('-').reverse().join('/');
}

function identityBlock(citizen: LetterFacts['citizen']): string {
  if (!citizen) return CONFIDENTIAL_IDENTITY_SENTENCE;
  return [
    `Người phản ánh: ${citizen.name ?? '(không cung cấp tên)'}`,
    citizen.phone ? `Số điện thoại: ${citizen.phone}` : null,
    citizen.email ? `Thư điện tử: ${citizen.email}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

function valueOf(placeholder: LetterPlaceholder, facts: LetterFacts): string {
  switch (placeholder) {
    case 'don_vi':
      return facts.unitName;
    case 'ma_so':
      return facts.reference;
    case 'ngay_tiep_nhan':
      return hanoiDate(facts.receivedAt);
    case 'linh_vuc':
      return facts.categoryLabel ? facts.categoryLabel.toLowerCase() : '(chưa phân loại)';
    case 'noi_dung':
      return facts.description;
    case 'ma_ho_so':
      return facts.dossierCode ?? '';
    case 'nguoi_phan_anh':
      return identityBlock(facts.citizen);
    case 'han_tra_loi':
      return facts.answerDueAt ? `trước ngày ${hanoiDate(facts.answerDueAt)} (15 ngày làm việc)` : 'trong thời hạn 15 ngày làm việc';
  }
}

/**
 * The letter's body from a template. Validate the template first (`letterTemplateProblems`); an unknown
 * placeholder or a stray brace, should one reach here, is written as it stands. A line whose line-dropping
 * placeholder (`{ma_ho_so}`) has no value is left out, and runs of blank lines become one.
 */
export function renderLetterTemplate(template: string, facts: LetterFacts): string {
  const lines: string[] = [];
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    let out = '';
    let dropped = false;
    for (const token of tokenize(line).tokens) {
      if ('text' in token) out += token.text;
      else if (!isPlaceholder(token.placeholder)) out += `{${token.placeholder}}`;
      else {
        const value = valueOf(token.placeholder, facts);
        if (!value && LINE_DROPPING.has(token.placeholder)) dropped = true;
        out += value;
      }
    }
    if (!dropped) lines.push(out);
  }
  return lines
    .filter((line, i, all) => !(line.trim() === '' && i > 0 && all[i - 1]?.trim() === ''))
    .join('\n')
    .trim();
}

/** Facts for previewing a template in the editor: an invented case, with the citizen identified. */
export const SAMPLE_LETTER_FACTS: LetterFacts = {
  reference: 'PAKN-2026-000123',
  unitName: 'Ủy ban nhân dân phường Hoàn Kiếm',
  categoryLabel: 'Trả kết quả muộn so với ngày hẹn',
  description: 'Tôi nộp hồ sơ đăng ký hộ kinh doanh ngày 02/3, giấy hẹn trả kết quả ngày 09/3 nhưng đến nay vẫn chưa nhận được.',
  dossierCode: 'H26.36-260302-0001',
  receivedAt: '2026-03-16T02:00:00.000Z',
  citizen: { name: 'Nguyễn Văn A', phone: '0912 345 678', email: null },
  answerDueAt: null,
};
