import { CATEGORY_LABELS, type Category } from './categories.ts';
import { vietnamDateOf } from './calendar/index.ts';

export interface LetterFacts {
  readonly reference: string;
  readonly unitName: string;
  readonly category: Category | null;
  readonly description: string;
  readonly dossierCode: string | null;
  readonly receivedAt: string;
  /** Null when the citizen asked not to be identified to the unit: the letter then says so, and nothing else. */
  readonly citizen: { name: string | null; phone: string | null; email: string | null } | null;
  /** The answer is due by this instant (15 working days from approval, given by the clock). */
  readonly answerDueAt: string | null;
}

/** The register number as it is written on letters: 12/TTPVHCC-TTGS. */
export function letterNumber(number: number | null): string {
  return number === null ? '…/TTPVHCC-TTGS' : `${number}/TTPVHCC-TTGS`;
}

function date(iso: string): string {
  return vietnamDateOf(Date.parse(iso)).split('-').reverse().join('/');
}

/**
 * The forwarding letter's body from the Centre's template. The officer may edit the text; the citizen's
 * identity is left out entirely when the citizen asked for confidentiality.
 */
export function forwardingLetterBody(facts: LetterFacts): string {
  const identity = facts.citizen
    ? [
        `Người phản ánh: ${facts.citizen.name ?? '(không cung cấp tên)'}`,
        facts.citizen.phone ? `Số điện thoại: ${facts.citizen.phone}` : null,
        facts.citizen.email ? `Thư điện tử: ${facts.citizen.email}` : null,
      ]
        .filter(Boolean)
        .join('\n')
    : 'Người phản ánh đề nghị giữ bí mật danh tính; Trung tâm không cung cấp thông tin cá nhân của người phản ánh.';
  return [
    `Kính gửi: ${facts.unitName}`,
    '',
    `Ngày ${date(facts.receivedAt)}, Trung tâm Phục vụ hành chính công Thành phố Hà Nội tiếp nhận phản ánh, kiến nghị mã số ${facts.reference}` +
      (facts.category ? ` về việc: ${CATEGORY_LABELS[facts.category].vi.toLowerCase()}.` : '.'),
    '',
    'Nội dung phản ánh:',
    facts.description,
    facts.dossierCode ? `\nMã hồ sơ: ${facts.dossierCode}` : '',
    '',
    identity,
    '',
    'Căn cứ quy định về tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính và thủ tục hành chính, Trung tâm chuyển nội dung trên đến quý cơ quan để xem xét, xử lý theo thẩm quyền và trả lời người phản ánh' +
      (facts.answerDueAt ? ` trước ngày ${date(facts.answerDueAt)} (15 ngày làm việc)` : ' trong thời hạn 15 ngày làm việc') +
      '; đồng thời gửi kết quả về Trung tâm qua Hệ thống PAKN để theo dõi, tổng hợp.',
    '',
    'Trân trọng./.',
  ]
    .filter((line, i, lines) => !(line === '' && lines[i - 1] === ''))
    .join('\n');
}
