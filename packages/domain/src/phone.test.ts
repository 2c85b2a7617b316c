import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone, normalizePhone } from './phone.ts';

describe('phone numbers', () => {
  it('recognises the same number however it was typed', () => {
    for (const typed of ['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '84912345678']) {
      expect(normalizePhone(typed), typed).toBe('0912345678');
    }
    expect(normalizePhone('12345')).toBeNull();
  });

  it('masks numbers, names and emails for display', () => {
    expect(maskPhone('+84 912 345 678')).toBe('0912 *** 678');
    expect(maskName('Nguyễn Văn Bình')).toBe('N*** V*** B***');
    expect(maskName('Đỗ Ánh')).toBe('Đ*** Á***');
    expect(maskEmail('dan@example.vn')).toBe('d***@example.vn');
  });
});
