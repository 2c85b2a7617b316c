import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** One key of the audit chain. The id is written in every row it signs; the secret never is. */
export interface AuditKey {
  readonly id: string;
  readonly secret: Uint8Array;
}

/** A key id that says which key it is without saying anything about the key: a short, separated hash of it. */
export function auditKeyFingerprint(secret: Uint8Array): string {
  return `k-${createHash('sha256').update('pakn-audit-key-id\0').update(secret).digest('hex').slice(0, 12)}`;
}

/**
 * The keys of the audit chain: the first signs new rows, the others only verify rows written before a
 * rotation. Held by the process (from the environment or a key file), never by the database: whoever can
 * write the database file cannot re-sign a row they changed. See docs/decisions/0009-audit-chain-keyed-and-anchored.md.
 */
export class AuditKeyring {
  readonly current: AuditKey;
  /** A key made up for this process only (tests, a database opened without configuration). */
  readonly ephemeral: boolean;
  readonly #byId: ReadonlyMap<string, AuditKey>;
  readonly #order: readonly string[];
  readonly #checkpointKeys = new Map<string, Buffer>();

  constructor(keys: readonly AuditKey[], options: { ephemeral?: boolean } = {}) {
    const [current] = keys;
    if (!current) throw new Error('An audit keyring needs at least one key');
    for (const key of keys) {
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(key.id)) throw new Error(`Invalid audit key id "${key.id}"`);
      if (key.secret.byteLength < 16) throw new Error(`Audit key "${key.id}" is shorter than 16 bytes`);
    }
    this.current = current;
    this.ephemeral = options.ephemeral ?? false;
    this.#byId = new Map(keys.map((k) => [k.id, k]));
    this.#order = keys.map((k) => k.id);
    if (this.#byId.size !== keys.length) throw new Error('Audit key ids must be unique');
  }

  static ephemeral(): AuditKeyring {
    const secret = randomBytes(32);
    return new AuditKeyring([{ id: `ephemeral-${auditKeyFingerprint(secret)}`, secret }], { ephemeral: true });
  }

  get(id: string): AuditKey | undefined {
    return this.#byId.get(id);
  }

  /** 0 for the current key, higher for older ones: a chain may move to a newer key, never back to an older one. */
  rank(id: string): number | undefined {
    const index = this.#order.indexOf(id);
    return index === -1 ? undefined : index;
  }

  /** HMAC-SHA256 of `text` under the chain key `id`, hex; null when that key is not configured. */
  chainMac(id: string, text: string): string | null {
    const key = this.#byId.get(id);
    return key ? createHmac('sha256', key.secret).update(text).digest('hex') : null;
  }

  /**
   * HMAC-SHA256 of `text` under the checkpoint key derived from chain key `id` (HKDF), so that a checkpoint
   * signature can never be replayed as a row hash or the other way round.
   */
  checkpointMac(id: string, text: string): string | null {
    let derived = this.#checkpointKeys.get(id);
    if (!derived) {
      const key = this.#byId.get(id);
      if (!key) return null;
      derived = Buffer.from(hkdfSync('sha256', key.secret, new Uint8Array(0), 'pakn-audit-checkpoint-v1', 32));
      this.#checkpointKeys.set(id, derived);
    }
    return createHmac('sha256', derived).update(text).digest('hex');
  }
}
