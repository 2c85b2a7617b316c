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
