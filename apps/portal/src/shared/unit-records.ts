import { can, type Lang, type Role, type Text } from '@pakn/domain';

const UNIT_RECORD_KINDS = ['reminder', 'escalation', 'reprimand', 'correction', 'commendation'] as const;
export type UnitRecordKind = (typeof UNIT_RECORD_KINDS)[number];

export const UNIT_RECORD_LABELS: Readonly<Record<UnitRecordKind, Text>> = {
  reminder: { vi: 'Đôn đốc', en: 'Reminder' },
  escalation: { vi: 'Báo cáo Giám đốc', en: 'Escalate to the Director' },
  reprimand: { vi: 'Nhắc nhở', en: 'Reprimand' },
  correction: { vi: 'Chấn chỉnh', en: 'Correction' },
  commendation: { vi: 'Biểu dương', en: 'Commendation' },
};

/** Reminders and escalations are the Centre's daily work; reprimands and commendations are the Director's. */
export function recordKindsFor(role: Role): UnitRecordKind[] {
  return UNIT_RECORD_KINDS.filter((kind) => (kind === 'reminder' || kind === 'escalation' ? can(role, 'remindUnit') : can(role, 'judgeUnit')));
}

/** A starting text for the note, in Vietnamese (the unit reads it); the officer edits it. */
export function suggestedRecordNote(kind: UnitRecordKind, reference: string | null, _lang: Lang = 'vi'): string {
  const about = reference ? `phản ánh ${reference}` : 'các phản ánh được chuyển';
  switch (kind) {
    case 'reminder':
      return `Đề nghị đơn vị khẩn trương xử lý ${about} và gửi kết quả về Trung tâm đúng thời hạn.`;
    case 'escalation':
      return `Kính báo cáo Giám đốc: đơn vị chậm xử lý ${about} dù đã được đôn đốc; đề nghị Giám đốc chỉ đạo.`;
    default:
      return '';
  }
}
