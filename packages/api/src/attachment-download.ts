import { getAttachmentContent } from '@pakn/db';
import { DomainError, isUnitRole } from '@pakn/domain';
import { auditStaff } from './audit.ts';
import { createContext, type ApiServices, type RequestInfo } from './context.ts';
import { loadVisibleCase } from './routers/case-support.ts';

/**
 * A file a citizen attached, for a staff member who may see its case. Files of a citizen who asked for
 * confidentiality are withheld from the unit concerned (a photo or a scan can carry a name). Each download
 * goes into the audit trail.
 */
export async function downloadAttachment(services: ApiServices, request: RequestInfo, id: string) {
  const ctx = await createContext(services, request);
  const staff = ctx.staff;
  if (!staff) throw new DomainError('unauthenticated', 'Sign in first');
  const file = await getAttachmentContent(services.db, id);
  if (!file || !file.caseId) throw new DomainError('not_found', 'No such attachment');
  const record = await loadVisibleCase(services.db, staff, file.caseId);
  if (record.confidential && isUnitRole(staff.role)) throw new DomainError('not_found', 'No such attachment');
  await services.db.write((tx) => auditStaff(tx, ctx, { action: 'attachment.download', entityType: 'case', entityId: record.id, after: { attachmentId: id } }));
  return file;
}
