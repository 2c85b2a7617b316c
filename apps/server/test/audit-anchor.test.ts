import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, Db, migrate, readCheckpointFile, verifyAuditChain, type AuditEntry } from '@pakn/db';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAuditCheckpoints } from '../src/audit-checkpoints.ts';
import { loadAuditKeyring } from '../src/audit-keys.ts';
import { ConfigError, parseEnv } from '../src/env.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-audit-anchor-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'an audit key that is long enough 0123';
const entry: AuditEntry = { actorKind: 'staff', actorId: 's1', action: 'case.classify', entityType: 'case', entityId: 'c1' };

describe('the audit keys', () => {
  it('makes a key file beside the database, readable by its owner only, and keeps using it', () => {
    const config = parseEnv({ DATABASE_URL: `file:${join(dir, 'pakn.db')}` });
    expect(config.audit.checkpointFile).toBe(join(dir, 'audit-checkpoints.jsonl'));
    const first = loadAuditKeyring(config);
    const path = join(dir, 'audit.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadAuditKeyring(config).current.id).toBe(first.current.id);
    expect(readFileSync(path, 'utf8')).not.toContain(first.current.id);
  });

  it('prefers a configured key, derives one from PAKN_SECRET otherwise, and keeps older keys for verifying', () => {
    const db = `file:${join(dir, 'pakn.db')}`;
    const explicit = loadAuditKeyring(parseEnv({ DATABASE_URL: db, AUDIT_HMAC_KEY: SECRET }));
    const derived = loadAuditKeyring(parseEnv({ DATABASE_URL: db, PAKN_SECRET: 'pakn-secret-0123456789' }));
    expect(explicit.current.id).not.toBe(derived.current.id);
    expect(Buffer.from(derived.current.secret).toString()).not.toContain('pakn-secret');
    // Neither made a key file: one is made only when nothing else is configured.
    expect(() => statSync(join(dir, 'audit.key'))).toThrow();
    const rotated = loadAuditKeyring(parseEnv({ DATABASE_URL: db, AUDIT_HMAC_KEYS: `k2:${SECRET}-new,k1:${SECRET}`, PAKN_SECRET: 'pakn-secret-0123456789' }));
    expect(rotated.current.id).toBe('k2');
    expect([rotated.rank('k2'), rotated.rank('k1'), rotated.rank(derived.current.id)]).toEqual([0, 1, 2]);
  });

  it('refuses to start in production without a configured key', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => parseEnv({ NODE_ENV: 'production', AUDIT_HMAC_KEY: SECRET })).not.toThrow();
  });
});

describe('issue 9: the audit checkpoints', () => {
  it('seals the chain and writes a signed checkpoint at start, after N entries and at stop, and mails each', async () => {
    const keys = loadAuditKeyring(parseEnv({ AUDIT_HMAC_KEY: SECRET }));
    const db = await Db.open({ url: ':memory:', auditKeys: keys });
    try {
      await migrate(db);
      const file = join(dir, 'audit-checkpoints.jsonl');
      const writer = await startAuditCheckpoints(db, { file, intervalMs: 3_600_000, everyEntries: 3, pollMs: 5, mailTo: 'archive@example.gov.vn' });
      const lines = () =>
        readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { seq: number; count: number });
      // The seal row (audit.key_changed) is row 1, anchored by the first checkpoint.
      expect(lines()).toMatchObject([{ seq: 1, count: 1 }]);

      for (let i = 0; i < 3; i++) await db.write((tx) => appendAudit(tx, entry, new Date()));
      await vi.waitFor(() => expect(lines()).toHaveLength(2), { timeout: 5_000, interval: 10 });
      expect(lines()[1]).toMatchObject({ seq: 4, count: 4 });

      await db.write((tx) => appendAudit(tx, entry, new Date()));
      await writer.stop();
      expect(lines().map((c) => c.seq)).toEqual([1, 4, 5]);
      const mails = await db.execute('SELECT recipient, body FROM outbox ORDER BY id');
      expect(mails.rows.map((r) => r.recipient)).toEqual(['archive@example.gov.vn', 'archive@example.gov.vn', 'archive@example.gov.vn']);
      expect(String(mails.rows[2]?.body)).toContain('"seq":5');

      expect(await verifyAuditChain(db, { checkpoints: await readCheckpointFile(file), requireCheckpoints: true })).toMatchObject({
        ok: true,
        lastCheckpoint: { seq: 5 },
      });
      await db.execute('DROP TRIGGER audit_log_no_delete');
      await db.execute('DELETE FROM audit_log WHERE seq >= 4');
      expect((await verifyAuditChain(db, { checkpoints: await readCheckpointFile(file) })).problems).toEqual([{ kind: 'tail_removed', seq: 5, line: null }]);
    } finally {
      db.close();
    }
  });

  it('reports a checkpoint line someone appended without the key', async () => {
    const db = await Db.open({ url: ':memory:', auditKeys: loadAuditKeyring(parseEnv({ AUDIT_HMAC_KEY: SECRET })) });
    try {
      await migrate(db);
      const file = join(dir, 'audit-checkpoints.jsonl');
      const writer = await startAuditCheckpoints(db, { file, intervalMs: 3_600_000, everyEntries: 100 });
      await writer.stop();
      const [line] = readFileSync(file, 'utf8').trim().split('\n');
      writeFileSync(file, `${line}\n${JSON.stringify({ ...JSON.parse(line ?? '{}'), seq: 0, count: 0, sig: 'a'.repeat(64) })}\n`);
      expect((await verifyAuditChain(db, { checkpoints: await readCheckpointFile(file) })).problems).toEqual([{ kind: 'checkpoint_forged', seq: 0, line: 2 }]);
    } finally {
      db.close();
    }
  });
});
