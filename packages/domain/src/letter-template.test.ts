import { describe, expect, it } from 'vitest';
import {
  CONFIDENTIAL_IDENTITY_SENTENCE,
  DEFAULT_LETTER_TEMPLATE,
  LETTER_PLACEHOLDER_NAMES,
  letterTemplateErrorCode,
  letterTemplateProblems,
  renderLetterTemplate,
  type LetterFacts,
} from './letter-template.ts';
import { issueMessage } from './messages.ts';

const facts: LetterFacts = {
  reference: 'PAKN-2026-000007',
  unitName: 'UBND phường Hoàn Kiếm',
  categoryLabel: 'Trả kết quả muộn so với ngày hẹn',
  description: 'Hồ sơ hẹn trả ngày 02/3 nhưng chưa có kết quả.',
  dossierCode: null,
  receivedAt: '2026-03-01T20:00:00.000Z',
  citizen: { name: 'Trần Thị Bình', phone: '0912345678', email: 'binh@example.vn' },
  answerDueAt: null,
};

describe('letter templates', () => {
  it('renders the built-in template as the letter was written before templates existed', () => {
    const body = renderLetterTemplate(DEFAULT_LETTER_TEMPLATE, facts);
    expect(body.split('\n')[0]).toBe('Kính gửi: UBND phường Hoàn Kiếm');
    // 20:00 UTC is already the next day in Hanoi.
    expect(body).toContain('Ngày 02/03/2026, Trung tâm');
    expect(body).toContain('mã số PAKN-2026-000007 về việc: trả kết quả muộn so với ngày hẹn.');
    expect(body).toContain('Người phản ánh: Trần Thị Bình\nSố điện thoại: 0912345678\nThư điện tử: binh@example.vn');
    expect(body).toContain('trả lời người phản ánh trong thời hạn 15 ngày làm việc;');
    expect(body).not.toContain('Mã hồ sơ');
    expect(body).not.toMatch(/\n\n\n/);
    expect(body).not.toContain('{');
  });

  it('keeps the dossier line when there is a dossier code, and states a known deadline', () => {
    const body = renderLetterTemplate(DEFAULT_LETTER_TEMPLATE, { ...facts, dossierCode: 'H26-1', answerDueAt: '2026-03-20T09:00:00.000Z' });
    expect(body).toContain('Mã hồ sơ: H26-1');
    expect(body).toContain('trước ngày 20/03/2026 (15 ngày làm việc)');
  });

  it('puts only the redaction sentence in a confidential letter, whatever the template', () => {
    const template = 'Gửi {don_vi}\n{noi_dung}\nNgười gửi: {nguoi_phan_anh}\n{nguoi_phan_anh}';
    const body = renderLetterTemplate(template, { ...facts, citizen: null });
    expect(body).toContain(CONFIDENTIAL_IDENTITY_SENTENCE);
    expect(body).not.toMatch(/Trần Thị Bình|0912345678|binh@example/);
  });

  it('does not expand placeholders written by the citizen', () => {
    const body = renderLetterTemplate('{don_vi}\n{noi_dung}', { ...facts, citizen: null, description: 'Xem {nguoi_phan_anh} và {{x}}' });
    expect(body).toBe('UBND phường Hoàn Kiếm\nXem {nguoi_phan_anh} và {{x}}');
  });

  it('writes doubled braces as literal braces', () => {
    expect(renderLetterTemplate('{{don_vi}} = {don_vi} {noi_dung}', facts)).toBe(`{don_vi} = UBND phường Hoàn Kiếm ${facts.description}`);
  });

  it('accepts the built-in template and every placeholder', () => {
    expect(letterTemplateProblems(DEFAULT_LETTER_TEMPLATE)).toBeNull();
    expect(letterTemplateProblems(LETTER_PLACEHOLDER_NAMES.map((p) => `{${p}}`).join(' '))).toBeNull();
  });

  it('lists unknown placeholders, missing required ones and stray braces', () => {
    const problems = letterTemplateProblems('Kính gửi {ten_don_vi}, {ho_ten} {ho_ten} } {ma_so');
    expect(problems).toEqual({ unknown: ['{ten_don_vi}', '{ho_ten}'], missing: ['noi_dung', 'don_vi'], unbalanced: [42, 44] });
    const message = issueMessage({ code: 'custom', message: letterTemplateErrorCode(problems!) }, 'vi');
    expect(message).toBe(
      'Trường thay thế không tồn tại: {ten_don_vi}, {ho_ten}. Mẫu phải có trường thay thế: {noi_dung}, {don_vi}. ' +
        'Dấu ngoặc nhọn không khớp ở vị trí ký tự 42, 44 (để viết dấu ngoặc, gõ {{ hoặc }}).',
    );
    expect(issueMessage({ code: 'custom', message: letterTemplateErrorCode(problems!) }, 'en')).toContain('Unknown placeholders: {ten_don_vi}, {ho_ten}.');
  });

  it('refuses a brace that opens inside another', () => {
    expect(letterTemplateProblems('{don_vi} {noi_{dung}')?.unbalanced).toEqual([10]);
  });
});
