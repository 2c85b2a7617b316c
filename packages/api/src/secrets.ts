import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
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
