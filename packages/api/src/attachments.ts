import { randomBytes } from 'node:crypto';
import { getSite, insertAttachment } from '@pakn/db';
import { DomainError, MAX_ATTACHMENT_BYTES, attachmentFileName, sniffAttachmentType } from '@pakn/domain';
import { enforceRateLimit } from './citizen-policy.ts';
import type { ApiServices, RequestInfo } from './context.ts';
import { sha256HexOfBytes } from './secrets.ts';
import { assertSiteOrigin } from './sites.ts';

export interface UploadInput {
  readonly siteKey: string;
  /** The name the citizen's file had; kept for staff (with the extension of its real type), never trusted for the type. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface UploadedAttachment {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/**
 * Stores a file a citizen attaches before submitting. The type is decided from the bytes; anything that is
 * not an image or a PDF is refused. The returned id is an unguessable, single-use capability for `case.submit`.
 */
export async function uploadAttachment(services: ApiServices, request: RequestInfo, input: UploadInput): Promise<UploadedAttachment> {
  const site = await getSite(services.db, input.siteKey);
  assertSiteOrigin({ request }, site);
  enforceRateLimit({ services, request }, 'upload');
  if (input.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('invalid', 'Attachment too large', { reason: 'attachment_too_large' });
  }
  const type = sniffAttachmentType(input.bytes);
  if (!type) throw new DomainError('invalid', 'Attachment type not allowed', { reason: 'attachment_type' });
  const id = randomBytes(18).toString('base64url');
  const name = attachmentFileName(input.name, type);
  const now = services.now();
  await services.db.write((tx) =>
    insertAttachment(tx, { id, siteKey: site.key, name, mime: type, sha256: sha256HexOfBytes(input.bytes), content: input.bytes }, now),
  );
  return { id, name, type, size: input.bytes.byteLength };
}
