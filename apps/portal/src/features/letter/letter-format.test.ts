import { describe, expect, it } from 'vitest';
import { forwardingLetterBody } from '@pakn/domain';
import { letterDateLine } from '#shared/official-document.ts';
import { layoutLetterBody, letterSubject } from './letter-format.ts';

describe('letterDateLine', () => {
  it('writes the date in Hanoi time with the leading zeros official letters need', () => {
    expect(letterDateLine('2026-02-04T03:00:00Z')).toBe('Hà Nội, ngày 04 tháng 02 năm 2026');
    expect(letterDateLine('2026-11-28T09:00:00Z')).toBe('Hà Nội, ngày 28 tháng 11 năm 2026');
    expect(letterDateLine('2026-03-09T01:00:00Z')).toBe('Hà Nội, ngày 09 tháng 3 năm 2026');
  });

  it('uses the Hanoi day, not the UTC one', () => {
    expect(letterDateLine('2026-12-31T18:00:00Z')).toBe('Hà Nội, ngày 01 tháng 01 năm 2027');
  });

  it('leaves blanks for a letter not yet dated', () => {
    expect(letterDateLine(null)).toBe('Hà Nội, ngày … tháng … năm …');
  });
});

describe('letterSubject', () => {
  it('names the case', () => {
    expect(letterSubject('PAKN-2026-000012')).toBe('V/v chuyển phản ánh, kiến nghị mã số PAKN-2026-000012');
  });
});

describe('layoutLetterBody', () => {
  it('sets the recipient apart and keeps the paragraphs of the template', () => {
    const body = forwardingLetterBody({
      reference: 'PAKN-2026-000012',
      unitName: 'UBND phường Hoàn Kiếm',
      categoryLabel: 'Trả kết quả muộn so với ngày hẹn',
      description: 'Hồ sơ trả muộn.',
      dossierCode: null,
      receivedAt: '2026-11-20T02:00:00Z',
      citizen: null,
      answerDueAt: null,
    });
    const layout = layoutLetterBody(body);
    expect(layout.recipient).toBe('Kính gửi: UBND phường Hoàn Kiếm');
    expect(layout.paragraphs[0]).toContain('PAKN-2026-000012');
    expect(layout.paragraphs.at(-1)).toBe('Trân trọng./.');
    expect(layout.paragraphs.some((p) => p.includes('giữ bí mật danh tính'))).toBe(true);
  });

  it('keeps a text without a recipient line whole', () => {
    expect(layoutLetterBody('Một đoạn.\n\nĐoạn hai\ncó hai dòng.')).toEqual({ recipient: null, paragraphs: ['Một đoạn.', 'Đoạn hai\ncó hai dòng.'] });
  });
});
