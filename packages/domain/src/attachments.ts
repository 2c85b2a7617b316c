/** What citizens may attach: photos and PDF scans. Checked on the server from the bytes, not the name. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** The file's real type from its first bytes ("magic numbers"), or null if it is none of ATTACHMENT_TYPES. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** What a file whose bytes are none of ATTACHMENT_TYPES is served as: saved, never opened by a program. */
export const UNKNOWN_ATTACHMENT_TYPE = 'application/octet-stream';
const DEFAULT_FILE_NAME = 'tep-dinh-kem';
const UNKNOWN_EXTENSIONS: readonly string[] = ['bin'];

/** The extensions a type may keep; the first is the one it gets. */
const EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/**
 * The name a file is stored, listed and saved under (issue 9): the name the person gave it, without path,
 * control or markup characters, ending in the extension of the type its bytes have. A PNG named `trang.html`
 * becomes `trang.png`: the browser saves by the name, and the system opens a saved file by its extension, so a
 * name keeping `.html` would open a picture's bytes as a page and run the script in it.
 */
export function attachmentFileName(name: string, type: AttachmentType | null): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Windows drops trailing dots and spaces, which would bring a hidden extension back: they go first.
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .slice(0, 120)
    .replace(/[\s.]+$/u, '')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const tail = dot >= 0 ? cleaned.slice(dot + 1) : '';
  const hasExtension = dot >= 0 && /^[\p{L}\p{N}_-]{1,16}$/u.test(tail);
  const allowed = type ? EXTENSIONS[type] : UNKNOWN_EXTENSIONS;
  if (dot > 0 && hasExtension && allowed.includes(tail.toLowerCase())) return cleaned;
  const stem = (hasExtension ? cleaned.slice(0, dot) : cleaned).replace(/[\s.]+$/u, '').trim();
  return `${stem || DEFAULT_FILE_NAME}.${allowed[0] ?? 'bin'}`;
}

/** A stored type as one of ATTACHMENT_TYPES, or null. */
export function asAttachmentType(mime: string): AttachmentType | null {
  return (ATTACHMENT_TYPES as readonly string[]).includes(mime) ? (mime as AttachmentType) : null;
}
