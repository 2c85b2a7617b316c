import { randomBytes } from 'node:crypto';
import {
  countPendingAnswerAttachments,
  deleteAnswerAttachment,
  getAnswerAttachmentContent,
  insertAnswerAttachment,
  linkAnswerAttachment,
  listAnswerAttachments,
  supersedeAnswerAttachments,
  type Executor,
} from '@pakn/db';
import {
  DomainError,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  availableMoves,
  attachmentFileName,
  sniffAttachmentType,
  type CaseRecord,
  type StaffMember,
} from '@pakn/domain';
import { listedFile, servedFile } from './attachment-download.ts';
import type { UploadedAttachment } from './attachments.ts';
import { auditCitizen, auditStaff } from './audit.ts';
import { enforceRateLimit } from './citizen-policy.ts';
import { createContext, type ApiServices, type Context, type RequestInfo } from './context.ts';
import { loadVisibleCase } from './case-support.ts';
import { findTrackedCase } from './tracked-case.ts';
import { sha256HexOfBytes } from './secrets.ts';
import { assertSameOriginWrite } from './trpc.ts';

/** The citizen reads the answer (and its files) once the Centre verified it, and while it reviews it again. */
function answerVisibleToCitizen(record: CaseRecord): boolean {
  return record.status === 'answered' || record.status === 'reopened';
}

/** A signed-in staff member from the portal's own origin, as for every staff write. */
async function staffWriter(services: ApiServices, request: RequestInfo): Promise<Context & { staff: StaffMember }> {
  const ctx = await createContext(services, request);
  assertSameOriginWrite(ctx);
  if (!ctx.staff) throw new DomainError('unauthenticated', 'Sign in first');
  return { ...ctx, staff: ctx.staff };
}

function mayAnswer(record: CaseRecord, staff: StaffMember): boolean {
  return availableMoves({ status: record.status, unitId: record.unitId }, { role: staff.role, unitId: staff.unitId }).includes('answer_submitted');
}

/**
 * Stores a file the unit's handler attaches to the answer being written. Like a citizen's file, the type is
 * decided from the bytes. It belongs to its uploader and its case until `case.submitAnswer` links it.
 */
export async function uploadAnswerAttachment(
  services: ApiServices,
  request: RequestInfo,
  input: { caseId: string; name: string; bytes: Uint8Array },
): Promise<UploadedAttachment> {
  const ctx = await staffWriter(services, request);
  const record = await loadVisibleCase(services.db, ctx.staff, input.caseId);
  if (!mayAnswer(record, ctx.staff)) throw new DomainError('forbidden', 'This case cannot be answered by this staff member');
  if (input.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('invalid', 'Attachment too large', { reason: 'attachment_too_large' });
  }
  const type = sniffAttachmentType(input.bytes);
  if (!type) throw new DomainError('invalid', 'Attachment type not allowed', { reason: 'attachment_type' });
  const id = randomBytes(18).toString('base64url');
  const name = attachmentFileName(input.name, type);
  const now = services.now();
  await services.db.write(async (tx) => {
    // Counted inside the write lock, so parallel uploads cannot pass the limit together.
    if ((await countPendingAnswerAttachments(tx, record.id, ctx.staff.id, now, services.citizen.attachmentMaxAgeMs)) >= MAX_ATTACHMENTS) {
      throw new DomainError('invalid', 'Too many files for one answer', { reason: 'too_many_attachments' });
    }
    await insertAnswerAttachment(
      tx,
      { id, caseId: record.id, uploadedBy: ctx.staff.id, name, mime: type, sha256: sha256HexOfBytes(input.bytes), content: input.bytes },
      now,
    );
    await auditStaff(tx, ctx, {
      action: 'answer_attachment.upload',
      entityType: 'case',
      entityId: record.id,
      after: { attachmentId: id, mime: type, size: input.bytes.byteLength },
    });
  });
  return { id, name, type, size: input.bytes.byteLength };
}

/** The handler removes a file before sending the answer; linked files stay, they are part of the record. */
export async function removeAnswerAttachment(services: ApiServices, request: RequestInfo, id: string): Promise<void> {
  const ctx = await staffWriter(services, request);
  const removed = await services.db.write(async (tx) => {
    const caseId = await deleteAnswerAttachment(tx, id, ctx.staff.id);
    if (caseId) await auditStaff(tx, ctx, { action: 'answer_attachment.remove', entityType: 'case', entityId: caseId, after: { attachmentId: id } });
    return caseId;
  });
  if (!removed) throw new DomainError('not_found', 'No such attachment');
}

/**
 * Links the files named by `case.submitAnswer` to the new answer, which supersedes the files of any earlier
 * one. Each must be this staff member's recent, unlinked upload for this very case.
 */
export async function linkAnswerFiles(
  tx: Executor,
  ctx: Context & { staff: StaffMember },
  caseId: string,
  files: readonly { id: string; internal: boolean }[],
): Promise<void> {
  const now = ctx.services.now();
  await supersedeAnswerAttachments(tx, caseId, now);
  const ids = new Set<string>();
  for (const file of files) {
    const linked =
      !ids.has(file.id) && (await linkAnswerAttachment(tx, { ...file, caseId, staffId: ctx.staff.id }, now, ctx.services.citizen.attachmentMaxAgeMs));
    ids.add(file.id);
    if (!linked) {
      throw new DomainError('invalid', 'Unknown, foreign, linked or expired attachment', {
        reason: 'attachment_invalid',
        fields: { attachments: 'attachment_invalid' },
      });
    }
  }
}

/** The current answer's files for staff who may see the case: internal ones too. */
export async function answerFilesForStaff(db: Executor, staff: StaffMember, caseId: string) {
  const record = await loadVisibleCase(db, staff, caseId);
  return (await listAnswerAttachments(db, record.id, true)).map((a) => ({ ...listedFile(a), url: `/api/v1/answer-attachments/${a.id}` }));
}

/** What tracking shows of the answer's files: the citizen's ones, once the answer is visible. */
export async function answerFilesForCitizen(db: Executor, record: CaseRecord) {
  if (!answerVisibleToCitizen(record)) return [];
  return (await listAnswerAttachments(db, record.id, false)).map((a) => listedFile(a)).map(({ id, name, mime, size }) => ({ id, name, mime, size }));
}

/** A staff download: any answer file of a case the staff member may see, or their own pending upload. */
export async function downloadAnswerAttachmentForStaff(services: ApiServices, request: RequestInfo, id: string) {
  const ctx = await createContext(services, request);
  // Audited, so a write (issue 9): the portal's own origin and the anti-CSRF header, as for an upload.
  assertSameOriginWrite(ctx);
  const staff = ctx.staff;
  if (!staff) throw new DomainError('unauthenticated', 'Sign in first');
  const file = await getAnswerAttachmentContent(services.db, id);
  if (!file || (!file.linked && file.uploadedBy !== staff.id)) throw new DomainError('not_found', 'No such attachment');
  const record = await loadVisibleCase(services.db, staff, file.caseId);
  await services.db.write((tx) =>
    auditStaff(tx, ctx, { action: 'answer_attachment.download', entityType: 'case', entityId: record.id, after: { attachmentId: id } }),
  );
  return servedFile(file);
}

/**
 * A citizen's download, with the proof they track with (reference and access key, in the body). Only a file
 * for the citizen, of the current answer, once verified; anything else is the same "not found".
 */
export async function downloadAnswerAttachmentForCitizen(
  services: ApiServices,
  request: RequestInfo,
  id: string,
  proof: { reference: string; accessKey: string },
) {
  const ctx: Context = { services, request, staff: null };
  enforceRateLimit(ctx, 'track');
  const record = await findTrackedCase(services.db, proof);
  const file = await getAnswerAttachmentContent(services.db, id);
  if (!file || file.caseId !== record.id || !file.current || file.internal || !answerVisibleToCitizen(record)) {
    throw new DomainError('not_found', 'No such attachment');
  }
  await services.db.write((tx) =>
    auditCitizen(tx, ctx, { action: 'answer_attachment.download', entityType: 'case', entityId: record.id, after: { attachmentId: id } }),
  );
  return servedFile(file);
}
