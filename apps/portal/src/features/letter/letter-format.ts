import { vietnamDateOf } from '@pakn/domain';

/**
 * The place and date line of an official letter, in Hanoi time: "Hà Nội, ngày 05 tháng 02 năm 2026". Days
 * below 10 and the months January and February take a leading zero, as the rules on official documents
 * require (so that nothing can be written in front of them).
 */
export function letterDateLine(iso: string | null): string {
  if (!iso) return 'Hà Nội, ngày … tháng … năm …';
  const [year = '', month = '', day = ''] = vietnamDateOf(Date.parse(iso)).split('-');
  const m = Number(month);
  return `Hà Nội, ngày ${day} tháng ${m <= 2 ? month : String(m)} năm ${year}`;
}

/** The subject line (trích yếu) under the number. */
export function letterSubject(reference: string): string {
  return `V/v chuyển phản ánh, kiến nghị mã số ${reference}`;
}

export interface LetterLayout {
  /** The "Kính gửi: …" line, set apart and centred on the page. */
  readonly recipient: string | null;
  /** Paragraphs (separated by blank lines); line breaks inside a paragraph are kept. */
  readonly paragraphs: readonly string[];
}

/** Splits the stored letter text into the recipient line and the paragraphs of the body. */
export function layoutLetterBody(body: string): LetterLayout {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let recipient: string | null = null;
  const first = lines.findIndex((l) => l.trim() !== '');
  const firstLine = lines[first]?.trim() ?? '';
  if (/^kính gửi\s*:/i.test(firstLine)) {
    recipient = firstLine;
    lines.splice(0, first + 1);
  }
  const paragraphs = lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return { recipient, paragraphs };
}
