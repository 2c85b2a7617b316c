import type { Challenge } from '@pakn/api-client/widget';

type Digest = (data: Uint8Array) => Promise<ArrayBuffer | Uint8Array>;

/** Hashes in flight at once: WebCrypto answers each in a task, so batches keep the main thread free. */
const BATCH = 64;

/**
 * Solves an ALTCHA v1 challenge from `case.challenge`: finds n in [0, maxnumber] with
 * hex(SHA-256(salt + n)) === challenge, and returns the proof the server expects (base64 of the JSON payload).
 * The server sets maxnumber so that this takes well under a second on a phone.
 */
export async function solveChallenge(challenge: Challenge): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  // WebCrypto exists only in secure contexts; a partner page on plain http gets a small fallback chunk.
  const digest: Digest = subtle ? (data) => subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>) : (await import('./sha256.ts')).sha256;
  const encoder = new TextEncoder();
  const target = challenge.challenge.toLowerCase();
  for (let start = 0; start <= challenge.maxnumber; start += BATCH) {
    const batch: Promise<ArrayBuffer | Uint8Array>[] = [];
    for (let n = start; n < start + BATCH && n <= challenge.maxnumber; n++) batch.push(digest(encoder.encode(challenge.salt + n)));
    const found = (await Promise.all(batch)).findIndex((hash) => hex(hash) === target);
    if (found >= 0) {
      const { algorithm, salt, signature } = challenge;
      return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number: start + found, salt, signature }));
    }
  }
  throw new Error('The challenge has no solution');
}

function hex(hash: ArrayBuffer | Uint8Array): string {
  let out = '';
  for (const byte of new Uint8Array(hash)) out += byte.toString(16).padStart(2, '0');
  return out;
}
