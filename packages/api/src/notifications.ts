import {
  dueMessages,
  enqueueMessage,
  markFailed,
  markSent,
  staffEmailById,
  staffEmailsByRole,
  unitStaffEmails,
  type Db,
  type Executor,
  type QueuedMessage,
} from '@pakn/db';
import { CASE_STATUS_LABELS, type CaseRecord } from '@pakn/domain';

/** Sends one message; throws on failure. apps/server provides SMTP; tests provide a sink. */
export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Staff notifications never carry the citizen's identity or the case's description: they say which case and
 * where to open it. The portal shows the rest, under its authorization and confidentiality rules.
 */
export async function notifyUnitOfForwarding(tx: Executor, record: CaseRecord, unitId: string, portalUrl: string, now: Date): Promise<void> {
  for (const recipient of await unitStaffEmails(tx, unitId)) {
    await enqueueMessage(
      tx,
      {
        recipient,
        subject: `[PAKN] Phản ánh ${record.reference} được chuyển đến đơn vị`,
        body: [
          `Trung tâm Phục vụ hành chính công đã chuyển phản ánh ${record.reference} đến đơn vị để xem xét, xử lý và trả lời người dân.`,
          '',
          `Xem phản ánh: ${portalUrl}/portal/cases/${record.id}`,
          '',
          'Thư này được gửi tự động từ hệ thống PAKN.',
        ].join('\n'),
        caseId: record.id,
      },
      now,
    );
  }
}

export async function notifyUnitOfReminder(tx: Executor, record: CaseRecord, unitId: string, note: string, portalUrl: string, now: Date): Promise<void> {
  for (const recipient of await unitStaffEmails(tx, unitId)) {
    await enqueueMessage(
      tx,
      {
        recipient,
        subject: `[PAKN] Đôn đốc xử lý phản ánh ${record.reference}`,
        body: [
          `Trung tâm đề nghị đơn vị khẩn trương xử lý phản ánh ${record.reference}.`,
          '',
          note,
          '',
          `Xem phản ánh: ${portalUrl}/portal/cases/${record.id}`,
        ].join('\n'),
        caseId: record.id,
      },
      now,
    );
  }
}

/** A notification to staff: which case, what happened, where to open it. Nothing else, and never who the citizen is. */
async function notifyStaff(
  tx: Executor,
  recipients: readonly string[],
  record: CaseRecord,
  message: { subject: string; text: string },
  portalUrl: string,
  now: Date,
): Promise<void> {
  for (const recipient of new Set(recipients)) {
    await enqueueMessage(
      tx,
      {
        recipient,
        subject: `[PAKN] ${message.subject}`,
        body: [message.text, '', `Xem phản ánh: ${portalUrl}/portal/cases/${record.id}`, '', 'Thư này được gửi tự động từ hệ thống PAKN.'].join('\n'),
        caseId: record.id,
      },
      now,
    );
  }
}

/** The Director(s) have a forwarding letter to approve. */
export async function notifyDirectorsOfDraft(tx: Executor, record: CaseRecord, unitName: string, portalUrl: string, now: Date): Promise<void> {
  await notifyStaff(
    tx,
    await staffEmailsByRole(tx, 'director'),
    record,
    {
      subject: `Dự thảo văn bản chuyển phản ánh ${record.reference} chờ phê duyệt`,
      text: `Cán bộ tiếp nhận đã dự thảo văn bản chuyển phản ánh ${record.reference} đến ${unitName}. Đề nghị Giám đốc xem xét, phê duyệt hoặc trả lại.`,
    },
    portalUrl,
    now,
  );
}

/** The officer who drafted the forwarding letter hears the Director's decision. */
export async function notifyDrafterOfDecision(
  tx: Executor,
  record: CaseRecord,
  draftedBy: string,
  approved: boolean,
  portalUrl: string,
  now: Date,
): Promise<void> {
  const email = await staffEmailById(tx, draftedBy);
  if (!email) return;
  await notifyStaff(
    tx,
    [email],
    record,
    approved
      ? {
          subject: `Giám đốc đã phê duyệt văn bản chuyển phản ánh ${record.reference}`,
          text: `Văn bản chuyển phản ánh ${record.reference} đã được phê duyệt, vào sổ và chuyển đến đơn vị xử lý.`,
        }
      : {
          subject: `Giám đốc trả lại dự thảo chuyển phản ánh ${record.reference}`,
          text: `Dự thảo văn bản chuyển phản ánh ${record.reference} đã bị trả lại. Đề nghị xem ý kiến của Giám đốc trên cổng và dự thảo lại.`,
        },
    portalUrl,
    now,
  );
}

/** The intake officers hear when a unit answers (the answer waits for their check) or hands a case back. */
export async function notifyOfficersOfUnitMove(
  tx: Executor,
  record: CaseRecord,
  kind: 'answer_submitted' | 'declined',
  unitName: string,
  portalUrl: string,
  now: Date,
): Promise<void> {
  await notifyStaff(
    tx,
    await staffEmailsByRole(tx, 'intake_officer'),
    record,
    kind === 'answer_submitted'
      ? {
          subject: `Kết quả xử lý phản ánh ${record.reference} chờ kiểm tra`,
          text: `${unitName} đã gửi kết quả xử lý phản ánh ${record.reference}. Đề nghị kiểm tra trước khi công khai cho người dân.`,
        }
      : {
          subject: `Đơn vị trả lại phản ánh ${record.reference}`,
          text: `${unitName} cho biết phản ánh ${record.reference} không thuộc thẩm quyền của đơn vị. Đề nghị xem lý do trên cổng và chuyển lại.`,
        },
    portalUrl,
    now,
  );
}

/** A unit member to whom the unit head handed the case. */
export async function notifyAssignee(tx: Executor, record: CaseRecord, staffId: string, portalUrl: string, now: Date): Promise<void> {
  const email = await staffEmailById(tx, staffId);
  if (!email) return;
  await notifyStaff(
    tx,
    [email],
    record,
    {
      subject: `Được giao xử lý phản ánh ${record.reference}`,
      text: `Lãnh đạo đơn vị đã giao đồng chí xử lý phản ánh ${record.reference}.`,
    },
    portalUrl,
    now,
  );
}

/** Tells a citizen who left an email and asked for updates that their case moved on. Never the access key. */
export async function notifyCitizenOfStatus(tx: Executor, record: CaseRecord, now: Date): Promise<void> {
  const email = record.contact.email;
  if (!record.wantsUpdates || !email) return;
  const vi = record.lang === 'vi';
  const status = CASE_STATUS_LABELS[record.status][record.lang];
  await enqueueMessage(
    tx,
    {
      recipient: email,
      subject: vi ? `[PAKN] Phản ánh ${record.reference}: ${status}` : `[PAKN] Case ${record.reference}: ${status}`,
      body: vi
        ? `Phản ánh ${record.reference} của Ông/Bà có cập nhật mới: ${status}.\n\nÔng/Bà xem chi tiết bằng mã phản ánh và mã tra cứu tại biểu mẫu phản ánh trên trang web nơi đã gửi.`
        : `Your case ${record.reference} has an update: ${status}.\n\nSee the details with your reference and access key in the form on the website where you sent it.`,
      caseId: record.id,
    },
    now,
  );
}

export interface DeliveryResult {
  readonly sent: number;
  readonly failed: number;
}

export const MAX_DELIVERY_ATTEMPTS = 8;

/** Backoff after the n-th failed attempt: 1, 2, 4… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** Sends what is due. Safe to run from a timer; a message fails alone and is retried later. */
export async function deliverOutbox(db: Db, transport: MailTransport, now: Date, limit = 20): Promise<DeliveryResult> {
  const due: QueuedMessage[] = await dueMessages(db, now, limit, MAX_DELIVERY_ATTEMPTS);
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    try {
      await transport.send({ to: message.recipient, subject: message.subject, text: message.body });
      await markSent(db, message.id, now);
      sent++;
    } catch (error) {
      await markFailed(db, message.id, error instanceof Error ? error.message : String(error), new Date(now.getTime() + retryDelayMs(message.attempts + 1)));
      failed++;
    }
  }
  return { sent, failed };
}
