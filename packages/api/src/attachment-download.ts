import { getAttachmentContent } from '@pakn/db';
import { DomainError, UNKNOWN_ATTACHMENT_TYPE, asAttachmentType, attachmentFileName, isUnitRole, sniffAttachmentType } from '@pakn/domain';
import { auditStaff } from './audit.ts';
import { createContext, type ApiServices, type RequestInfo } from './context.ts';
import { loadVisibleCase } from './case-support.ts';
import { assertSameOriginWrite } from './trpc.ts';

/** A file as it leaves the server: its bytes, the type they have and a name with that type's extension. */
export interface ServedFile {
  readonly content: Uint8Array;
  readonly mime: string;
  readonly name: string;
}

/**
 * Issue 9: the type and the name's extension come from the bytes at every download, not from what was stored,
 * so that a row written before names were fixed at upload (or by any other path) cannot be saved as `.html`.
 */
export function servedFile(file: { content: Uint8Array; name: string }): ServedFile {
  const type = sniffAttachmentType(file.content);
  return { content: file.content, mime: type ?? UNKNOWN_ATTACHMENT_TYPE, name: attachmentFileName(file.name, type) };
}

/** A stored file's entry in a list, with the name a `download` attribute will save it under. */
export function listedFile<T extends { name: string; mime: string }>(file: T): T {
  return { ...file, name: attachmentFileName(file.name, asAttachmentType(file.mime)) };
}

/**
 * A file a citizen attached, for a staff member who may see its case. Files of a citizen who asked for
 * confidentiality are withheld from the unit concerned (a photo or a scan can carry a name). Each download
 * goes into the audit trail, so a download is a staff write: the portal's own origin and the anti-CSRF header
 * (issue 9), or a link on any page of the same site could write false entries in the officer's name.
 */
export async function downloadAttachment(services: ApiServices, request: RequestInfo, id: string): Promise<ServedFile> {
  const ctx = await createContext(services, request);
  assertSameOriginWrite(ctx);
  const staff = ctx.staff;
  if (!staff) throw new DomainError('unauthenticated', 'Sign in first');
  const file = await getAttachmentContent(services.db, id);
  if (!file || !file.caseId) throw new DomainError('not_found', 'No such attachment');
  const record = await loadVisibleCase(services.db, staff, file.caseId);
  if (record.confidential && isUnitRole(staff.role)) throw new DomainError('not_found', 'No such attachment');
  await services.db.write((tx) => auditStaff(tx, ctx, { action: 'attachment.download', entityType: 'case', entityId: record.id, after: { attachmentId: id } }));
  return servedFile(file);
}
