import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AuditKeyring, auditKeyFingerprint, type AuditKey } from '@pakn/db';
import type { AuditKeySource, Config } from './env.ts';
import { createLogger, type Logger } from './logger.ts';

/** The audit chain key derived from PAKN_SECRET, so that one secret is enough for a small deployment. */
function derivedKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('pakn-audit-chain'), 'audit-chain-key-v1', 32));
}

function readKeyFile(path: string, logger: Logger): Uint8Array | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) logger.warn({ file: path }, 'audit: the key file can be read by other users: chmod 600 it');
  return Buffer.from(text.trim(), 'utf8');
}

/** Makes a new key file readable by its owner only; never overwrites one ('wx'). */
function createKeyFile(path: string): Uint8Array {
  mkdirSync(dirname(path), { recursive: true });
  const text = randomBytes(32).toString('base64url');
  writeFileSync(path, `${text}\n`, { mode: 0o600, flag: 'wx' });
  return Buffer.from(text, 'utf8');
}

function keyFrom(source: AuditKeySource, createIfMissing: boolean, logger: Logger): AuditKey | null {
  switch (source.kind) {
    case 'explicit': {
      const secret = Buffer.from(source.secret, 'utf8');
      return { id: source.id ?? auditKeyFingerprint(secret), secret };
    }
    case 'derived': {
      const secret = derivedKey(source.secret);
      return { id: auditKeyFingerprint(secret), secret };
    }
    case 'file': {
      let secret = readKeyFile(source.path, logger);
      if (!secret && createIfMissing) {
        try {
          secret = createKeyFile(source.path);
        } catch (error) {
          // Another process made it first: use theirs, so that both sign with the same key.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          return keyFrom(source, false, logger);
        }
        logger.warn(
          { file: source.path },
          'audit: no AUDIT_HMAC_KEY, AUDIT_HMAC_KEYS or PAKN_SECRET: made an audit key file. ' +
            'Fine for a demo; production sets AUDIT_HMAC_KEY and keeps it away from the database and its backups.',
        );
      }
      return secret ? { id: auditKeyFingerprint(secret), secret } : null;
    }
  }
}

/**
 * The keyring of the audit chain, from the configured sources in order: the first signs; the others (older
 * keys listed for rotation, a derived or dev key used before a real one was set) only verify the rows they
 * signed. A key file is made only when it is the sole source.
 */
export function loadAuditKeyring(config: Pick<Config, 'audit'>, options: { createKeyFile?: boolean; logger?: Logger } = {}): AuditKeyring {
  const logger = options.logger ?? createLogger('info');
  const sources = config.audit.keySources;
  const keys: AuditKey[] = [];
  sources.forEach((source, index) => {
    const key = keyFrom(source, index === 0 && (options.createKeyFile ?? true), logger);
    if (key && !keys.some((k) => k.id === key.id)) keys.push(key);
  });
  if (keys.length === 0) throw new Error('No audit key is configured (AUDIT_HMAC_KEY, AUDIT_HMAC_KEYS, PAKN_SECRET or AUDIT_KEY_FILE)');
  return new AuditKeyring(keys);
}
