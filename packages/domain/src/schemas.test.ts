import { describe, expect, it } from 'vitest';
import { fieldErrors } from './messages.ts';
import { ReportFormSchema, SubmitCaseInputSchema } from './schemas.ts';

const valid = {
  siteKey: 'phuong-hoan-kiem',
  category: 'late_result',
  description: 'Hồ sơ của tôi bị trả muộn hai tuần so với ngày hẹn.',
};

describe('ReportFormSchema', () => {
  it('accepts an anonymous report and keeps the identity confidential by default', () => {
    const result = ReportFormSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data?.confidential).toBe(true);
    expect(result.data?.consent).toBe(false);
  });

  it('requires consent when contact details are given', () => {
    const result = ReportFormSchema.safeParse({ ...valid, contact: { phone: '0912 345 678' } });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues, 'vi')).toEqual({
      consent: 'Vui lòng đồng ý cho xử lý dữ liệu cá nhân khi để lại thông tin liên hệ.',
    });
    expect(ReportFormSchema.safeParse({ ...valid, contact: { phone: '0912 345 678' }, consent: true }).success).toBe(true);
  });

  it('explains each bad field in Vietnamese and in English', () => {
    const result = ReportFormSchema.safeParse({
      siteKey: 'x',
      category: 'Không phải mã',
      description: 'ngắn',
      contact: { email: 'không phải email', phone: 'abc' },
      consent: true,
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues, 'vi')).toEqual({
      // Only the key's shape: whether it is an active category is the server's question (issue 5).
      category: 'Giá trị không hợp lệ.',
      description: 'Cần ít nhất 20 ký tự.',
      'contact.email': 'Địa chỉ thư điện tử không hợp lệ.',
      'contact.phone': 'Số điện thoại không hợp lệ (chỉ gồm chữ số, ví dụ 0912 345 678).',
    });
    expect(fieldErrors(result.error!.issues, 'en').description).toBe('Enter at least 20 characters.');
  });

  it('trims text before measuring it', () => {
    const result = ReportFormSchema.safeParse({ ...valid, description: `   ${'a'.repeat(19)}   ` });
    expect(result.success).toBe(false);
  });
});

describe('SubmitCaseInputSchema', () => {
  it('needs a retry key and a proof of work on top of the report', () => {
    const result = SubmitCaseInputSchema.safeParse(valid);
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!.issues, 'vi')).sort()).toEqual(['idempotencyKey', 'proof']);
    expect(SubmitCaseInputSchema.safeParse({ ...valid, idempotencyKey: 'aB3_-aB3_-aB3_-aB3', proof: 'eyJ9' }).success).toBe(true);
    expect(SubmitCaseInputSchema.safeParse({ ...valid, idempotencyKey: 'short', proof: 'eyJ9' }).success).toBe(false);
  });
});
