/**
 * Issue 9, defect 6: the audit chain could be rewritten by anyone with write access to the database file.
 * The attacker here knows the algorithm (it is open source) but not the key, which the database does not hold,
 * and bypasses the append-only triggers as anyone with the file can.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../audit.ts';
import { AuditKeyring } from '../audit-keys.ts';
import { checkpointLine, createAuditCheckpoint } from '../audit-checkpoints.ts';
import { Db } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { startFakeLibsqlServer, type FakeLibsqlServer } from '../testing/fake-libsql-server.ts';

const now = new Date('2026-03-02T02:00:00Z');
const keys = new AuditKeyring([{ id: 'k1', secret: Buffer.from('a secret the database never holds, 32+') }]);

/** What someone with the file and the source can do: rewrite rows from `fromSeq` on and re-hash as the code did. */
async function rehashAsAttacker(db: Db, fromSeq: number): Promise<void> {
  await db.execute('DROP TRIGGER IF EXISTS audit_log_no_update');
  const rows = (await db.execute('SELECT * FROM audit_log ORDER BY seq')).rows;
  let prev = '0'.repeat(64);
  for (const row of rows) {
    if (Number(row.seq) < fromSeq) {
      prev = String(row.hash);
      continue;
    }
    const canonical = JSON.stringify([
      prev,
      row.at,
      row.actor_kind,
      row.actor_id,
      row.action,
      row.entity_type,
      row.entity_id,
      row.before_json,
      row.after_json,
      row.reason,
    ]);
    const hash = createHash('sha256').update(canonical).digest('hex');
    await db.execute({ sql: 'UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?', args: [prev, hash, Number(row.seq)] });
    prev = hash;
  }
}

for (const mode of ['embedded', 'remote'] as const) {
  describe(`issue 9: the audit chain is keyed and anchored (${mode})`, () => {
    let db: Db;
    let server: FakeLibsqlServer | null = null;
    let dir: string | null = null;

    beforeEach(async () => {
      if (mode === 'remote') {
        dir = mkdtempSync(join(tmpdir(), 'pakn-audit-'));
        server = await startFakeLibsqlServer(join(dir, 'server.db'));
        db = await Db.open({ url: server.url, authToken: 'test', auditKeys: keys });
      } else {
        db = await Db.open({ url: ':memory:', auditKeys: keys });
      }
      await migrate(db);
      await db.write(async (tx) => {
        for (let i = 0; i < 5; i++) {
          await appendAudit(
            tx,
            { actorKind: 'staff', actorId: 's1', action: 'case.classify', entityType: 'case', entityId: `c${i}`, after: { status: 'accepted' } },
            now,
          );
        }
      });
    });
    afterEach(async () => {
      db.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('detects a row edited and re-hashed with plain SHA-256 by someone without the key', async () => {
      await db.execute('DROP TRIGGER audit_log_no_update');
      await db.execute(`UPDATE audit_log SET after_json = '{"status":"referred"}' WHERE seq = 3`);
      await rehashAsAttacker(db, 3);
      const result = await verifyAuditChain(db);
      expect(result.ok).toBe(false);
      expect(result.brokenAtSeq).not.toBeNull();
    });

    it('detects a chain downgraded to unkeyed rows against the last checkpoint', async () => {
      const checkpoint = await createAuditCheckpoint(db, now);
      await db.execute('DROP TRIGGER audit_log_no_update');
      await db.execute(`UPDATE audit_log SET after_json = '{"status":"referred"}' WHERE seq = 3`);
      await db.execute(`UPDATE audit_log SET hash_alg = 'sha256', key_id = NULL`);
      await rehashAsAttacker(db, 1);
      const result = await verifyAuditChain(db, { checkpoints: checkpoint ? checkpointLine(checkpoint) : '' });
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.kind)).toContain('checkpoint_mismatch');
    });

    it('detects removed newest rows against the last checkpoint', async () => {
      const checkpoint = await createAuditCheckpoint(db, now);
      await db.execute('DROP TRIGGER audit_log_no_delete');
      await db.execute('DELETE FROM audit_log WHERE seq > 3');
      const result = await verifyAuditChain(db, { checkpoints: checkpoint ? checkpointLine(checkpoint) : '' });
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'tail_removed', seq: 5 }));
      expect(result.lastCheckpoint).toMatchObject({ seq: 5, count: 5 });
    });

    it('reports a forged checkpoint line and does not anchor on it', async () => {
      const real = await createAuditCheckpoint(db, now);
      if (!real) throw new Error('no checkpoint');
      // A forger moves the anchor back to seq 3, so that deleting rows 4 and 5 would look fine.
      const head3 = (await db.execute('SELECT hash FROM audit_log WHERE seq = 3')).rows[0];
      const forged = { ...real, seq: 3, count: 3, hash: String(head3?.hash), sig: 'f'.repeat(64) };
      const result = await verifyAuditChain(db, { checkpoints: checkpointLine(real) + checkpointLine(forged) });
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'checkpoint_forged', line: 2 }));
      expect(result.lastCheckpoint).toMatchObject({ seq: 5 });
    });

    it('passes an untouched keyed chain with its checkpoints', async () => {
      const checkpoint = await createAuditCheckpoint(db, now);
      const result = await verifyAuditChain(db, { checkpoints: checkpoint ? checkpointLine(checkpoint) : '' });
      expect(result).toMatchObject({ ok: true, checked: 5, brokenAtSeq: null, problems: [], lastCheckpoint: { seq: 5 } });
    });
  });
}
