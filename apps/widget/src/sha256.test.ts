import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256.ts';

const hex = (bytes: ArrayBuffer | Uint8Array) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('the plain-JavaScript SHA-256 used outside secure contexts', () => {
  it('matches the published test vectors', async () => {
    expect(hex(await sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(await sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches WebCrypto on inputs of every length around the block boundaries', async () => {
    for (let length = 0; length < 200; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(hex(await sha256(data))).toBe(hex(await crypto.subtle.digest('SHA-256', data)));
    }
  });
});
