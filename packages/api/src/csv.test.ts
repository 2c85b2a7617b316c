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
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers and empty cells for nothing', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[-3, 4.5, null, undefined]])).toBe('\uFEFFa,b,c,d\r\n-3,4.5,,\r\n');
    expect(csvCell(true)).toBe('1');
    expect(csvCell(Number.NaN)).toBe('');
  });
});
