import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ACCESS_KEY_ALPHABET, ACCESS_KEY_LENGTH, formatAccessKey } from '@pakn/domain';

/** Argon2id; @node-rs/argon2 declares its Algorithm as a const enum, which isolated modules cannot import. */
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash that no password matches, verified when the username is unknown so both answers take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sha256HexOfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * 20 characters of Crockford base32 from the CSPRNG: 100 bits. 256 is a multiple of 32, so taking each
 * byte modulo 32 is unbiased.
 */
export function newAccessKey(): { raw: string; display: string } {
  const bytes = randomBytes(ACCESS_KEY_LENGTH);
  let raw = '';
  for (const byte of bytes) raw += ACCESS_KEY_ALPHABET[byte % 32];
  return { raw, display: formatAccessKey(raw) };
}

/** Session tokens: 256 bits, stored only as a SHA-256 hash. */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

/**
 * Seals a receipt so that only the holder of the submission's idempotency key can open it again: AES-256-GCM
 * under a key derived (HKDF-SHA-256) from that idempotency key. The server stores only the sealed form.
 */
export function sealReceipt(idempotencyKey: string, siteKey: string, receipt: { accessKey: string }): string {
  const key = Buffer.from(hkdfSync('sha256', idempotencyKey, 'pakn-receipt', siteKey, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(receipt), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openReceipt(idempotencyKey: string, siteKey: string, sealed: string): { accessKey: string } | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const key = Buffer.from(hkdfSync('sha256', idempotencyKey, 'pakn-receipt', siteKey, 32));
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const body = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(body.toString('utf8')) as { accessKey: string };
  } catch {
    return null;
  }
}
