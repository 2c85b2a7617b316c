import type { Lang, Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { fill, formatDateTime } from '#shared/i18n.ts';

export type AuditVerification = Awaited<ReturnType<PaknClient['audit']['verify']['query']>>;
type ProblemKind = AuditVerification['problems'][number]['kind'];

const STRINGS = {
  verifiedOk: {
    vi: 'Nhật ký toàn vẹn: đã kiểm tra {n} mục, không có sai lệch.',
    en: 'The log is intact: {n} entries checked, none altered.',
  },
  verifiedBrokenAt: {
    vi: 'Nhật ký đã bị thay đổi: chuỗi băm sai lệch từ mục số {seq} ({n} mục đã kiểm tra).',
    en: 'The log was altered: the hash chain breaks at entry {seq} ({n} entries checked).',
  },
  verifiedBroken: {
    vi: 'Nhật ký đã bị thay đổi ({n} mục đã kiểm tra).',
    en: 'The log was altered ({n} entries checked).',
  },
  lastCheckpoint: {
    vi: 'Điểm neo gần nhất (lưu ngoài cơ sở dữ liệu): mục số {seq}, lúc {at}, {count} mục.',
    en: 'Last checkpoint (kept outside the database): entry {seq}, at {at}, {count} entries.',
  },
  noCheckpoint: {
    vi: 'Chưa có điểm neo hợp lệ nào được lưu ngoài cơ sở dữ liệu.',
    en: 'No valid checkpoint is kept outside the database yet.',
  },
} as const satisfies Record<string, Text>;

/** What each finding means, for an inspector; {seq} is the entry, {line} the checkpoint file's line. */
const PROBLEMS: Readonly<Record<ProblemKind, Text>> = {
  row_altered: {
    vi: 'Mục số {seq} đã bị sửa, hoặc bị băm lại mà không có khoá bí mật.',
    en: 'Entry {seq} was edited, or re-hashed without the secret key.',
  },
  row_missing: {
    vi: 'Mục số {seq} không nối tiếp mục trước nó: có mục đã bị xoá hoặc chèn thêm.',
    en: 'Entry {seq} does not follow the entry before it: entries were removed or inserted.',
  },
  downgrade: {
    vi: 'Mục số {seq} được ký theo cách cũ hoặc bằng khoá cũ sau khi đã dùng khoá mới.',
    en: 'Entry {seq} is signed the old way, or with a retired key, after a newer key took over.',
  },
  unknown_key: {
    vi: 'Mục số {seq} được ký bằng khoá mà máy chủ này không có: không kiểm tra được.',
    en: 'Entry {seq} is signed with a key this server does not have: it cannot be verified.',
  },
  tail_removed: {
    vi: 'Các mục mới nhất đã bị xoá: điểm neo đã ghi nhận đến mục số {seq}, nhưng nhật ký ngắn hơn.',
    en: 'The newest entries were removed: a checkpoint recorded entry {seq}, but the log is shorter.',
  },
  checkpoint_mismatch: {
    vi: 'Mục số {seq} khác với mục mà điểm neo đã ghi nhận.',
    en: 'Entry {seq} differs from what a checkpoint recorded.',
  },
  checkpoint_forged: {
    vi: 'Dòng {line} của tệp điểm neo có chữ ký sai: không phải do hệ thống ghi.',
    en: 'Line {line} of the checkpoint file has a wrong signature: the system did not write it.',
  },
  checkpoint_unknown_key: {
    vi: 'Dòng {line} của tệp điểm neo được ký bằng khoá mà máy chủ này không có.',
    en: 'Line {line} of the checkpoint file is signed with a key this server does not have.',
  },
  checkpoint_unreadable: {
    vi: 'Dòng {line} của tệp điểm neo không đọc được.',
    en: 'Line {line} of the checkpoint file cannot be read.',
  },
  checkpoints_missing: {
    vi: 'Tệp điểm neo bị mất, trống hoặc không đọc được.',
    en: 'The checkpoint file is missing, empty or unreadable.',
  },
};

export interface VerificationSummary {
  readonly ok: boolean;
  readonly headline: string;
  readonly checkpoint: string;
  readonly problems: readonly string[];
}

/** The check's result in the inspector's words: a headline, the anchor it was held against, each finding. */
export function summariseVerification(result: AuditVerification, lang: Lang): VerificationSummary {
  const n = result.checked;
  const headline = result.ok
    ? fill(STRINGS.verifiedOk[lang], { n })
    : result.brokenAtSeq !== null
      ? fill(STRINGS.verifiedBrokenAt[lang], { seq: result.brokenAtSeq, n })
      : fill(STRINGS.verifiedBroken[lang], { n });
  const last = result.lastCheckpoint;
  return {
    ok: result.ok,
    headline,
    checkpoint: last ? fill(STRINGS.lastCheckpoint[lang], { seq: last.seq, at: formatDateTime(last.at), count: last.count }) : STRINGS.noCheckpoint[lang],
    problems: result.problems.map((p) => fill(PROBLEMS[p.kind][lang], { seq: p.seq ?? '?', line: p.line ?? '?' })),
  };
}
