import { describe, expect, it } from 'vitest';
import { solveChallenge } from './proof-of-work.ts';

/** A challenge as the server makes it (altcha v1), with the signed parameters in the salt. */
async function challengeFor(number: number, maxnumber: number) {
  const salt = `5f1c0a9e2b7d3c4e8a6f?expires=1790000000&maxnumber=${maxnumber}&src=0123456789abcdef&`;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + number)));
  const challenge = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: 'ab'.repeat(32) };
}

describe('the widget’s proof of work', () => {
  it('solves a challenge whose difficulty the server raised for a busy source (16 times the base)', async () => {
    const challenge = await challengeFor(20_123, 5000 * 16);
    const proof = JSON.parse(atob(await solveChallenge(challenge))) as Record<string, unknown>;
    expect(proof).toEqual({ algorithm: 'SHA-256', challenge: challenge.challenge, number: 20_123, salt: challenge.salt, signature: challenge.signature });
  });

  it('finds the number at the very top of the range', async () => {
    const challenge = await challengeFor(1000, 1000);
    expect((JSON.parse(atob(await solveChallenge(challenge))) as { number: number }).number).toBe(1000);
  });
});
