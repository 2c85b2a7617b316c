import { describe, expect, it } from 'vitest';
import { summariseVerification, type AuditVerification } from './audit-verification.ts';

const intact: AuditVerification = {
  ok: true,
  checked: 12,
  brokenAtSeq: null,
  rows: 12,
  headSeq: 12,
  keyedFromSeq: 1,
  lastCheckpoint: { seq: 12, at: '2026-03-02T02:00:00.000Z', count: 12 },
  checkpointsChecked: 3,
  problems: [],
};

describe('summariseVerification', () => {
  it('says the log is intact and names the last checkpoint, in Vietnamese and English', () => {
    const vi = summariseVerification(intact, 'vi');
    expect(vi).toMatchObject({ ok: true, headline: 'Nhật ký toàn vẹn: đã kiểm tra 12 mục, không có sai lệch.', problems: [] });
    expect(vi.checkpoint).toBe('Điểm neo gần nhất (lưu ngoài cơ sở dữ liệu): mục số 12, lúc 02/03/2026 09:00, 12 mục.');
    expect(summariseVerification(intact, 'en').checkpoint).toContain('Last checkpoint (kept outside the database): entry 12');
  });

  it('says what broke: removed newest rows, an edited row, a forged checkpoint line', () => {
    const broken: AuditVerification = {
      ...intact,
      ok: false,
      checked: 4,
      brokenAtSeq: 5,
      problems: [
        { kind: 'row_altered', seq: 5, line: null },
        { kind: 'tail_removed', seq: 12, line: null },
        { kind: 'checkpoint_forged', seq: 3, line: 2 },
      ],
    };
    expect(summariseVerification(broken, 'vi')).toMatchObject({
      ok: false,
      headline: 'Nhật ký đã bị thay đổi: chuỗi băm sai lệch từ mục số 5 (4 mục đã kiểm tra).',
      problems: [
        'Mục số 5 đã bị sửa, hoặc bị băm lại mà không có khoá bí mật.',
        'Các mục mới nhất đã bị xoá: điểm neo đã ghi nhận đến mục số 12, nhưng nhật ký ngắn hơn.',
        'Dòng 2 của tệp điểm neo có chữ ký sai: không phải do hệ thống ghi.',
      ],
    });
    const en = summariseVerification({ ...broken, brokenAtSeq: null, lastCheckpoint: null }, 'en');
    expect(en.headline).toBe('The log was altered (4 entries checked).');
    expect(en.checkpoint).toBe('No valid checkpoint is kept outside the database yet.');
  });
});
