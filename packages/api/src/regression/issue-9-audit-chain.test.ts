/**
 * Issue 9, defect 6, through the inspectors' `audit.verify`: the check recomputes the keyed chain and holds it
 * against the signed checkpoint file kept outside the database.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendCheckpointFile, createAuditCheckpoint } from '@pakn/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from '../router.ts';
import { createFixture, STAFF, type DbMode, type Fixture } from '../test-fixture.ts';

for (const mode of ['embedded', 'remote'] as const satisfies readonly DbMode[]) {
  describe(`issue 9: audit.verify detects a rewritten or shortened chain (${mode})`, () => {
    let f: Fixture;
    let dir: string;
    let file: string;
    beforeEach(async () => {
      f = await createFixture(mode);
      dir = mkdtempSync(join(tmpdir(), 'pakn-checkpoints-'));
      file = join(dir, 'audit-checkpoints.jsonl');
      for (let i = 0; i < 3; i++) await f.submit();
    });
    afterEach(async () => {
      await f.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** The inspector, on a server whose checkpoints go to `file`. */
    function inspector() {
      return createCaller({ services: { ...f.services, auditCheckpointFile: file }, request: f.request(), staff: STAFF.inspector });
    }

    it('passes an untouched chain and shows the last checkpoint', async () => {
      const checkpoint = await createAuditCheckpoint(f.db, f.now);
      appendCheckpointFile(file, checkpoint);
      expect(await inspector().audit.verify()).toMatchObject({
        ok: true,
        problems: [],
        lastCheckpoint: { seq: checkpoint.seq, at: checkpoint.at, count: 3 },
      });
    });

    it('reports a row edited and re-hashed with plain SHA-256 (the attacker has the file, not the key)', async () => {
      appendCheckpointFile(file, await createAuditCheckpoint(f.db, f.now));
      await f.db.execute('DROP TRIGGER audit_log_no_update');
      const row = (await f.db.execute('SELECT * FROM audit_log WHERE seq = 2')).rows[0];
      if (!row) throw new Error('no row 2');
      const afterJson = '{"status":"rejected"}';
      const hash = createHash('sha256')
        .update(
          JSON.stringify([
            row.prev_hash,
            row.at,
            row.actor_kind,
            row.actor_id,
            row.action,
            row.entity_type,
            row.entity_id,
            row.before_json,
            afterJson,
            row.reason,
          ]),
        )
        .digest('hex');
      await f.db.execute({ sql: 'UPDATE audit_log SET after_json = ?, hash = ? WHERE seq = 2', args: [afterJson, hash] });
      const result = await inspector().audit.verify();
      expect(result.ok).toBe(false);
      expect(result.brokenAtSeq).toBe(2);
      expect(result.problems).toContainEqual({ kind: 'row_altered', seq: 2, line: null });
    });

    it('reports the newest rows removed after the last checkpoint', async () => {
      appendCheckpointFile(file, await createAuditCheckpoint(f.db, f.now));
      await f.db.execute('DROP TRIGGER audit_log_no_delete');
      await f.db.execute('DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)');
      const result = await inspector().audit.verify();
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual({ kind: 'tail_removed', seq: 3, line: null });
    });

    it('reports a forged checkpoint line, and a checkpoint file that was removed', async () => {
      const real = await createAuditCheckpoint(f.db, f.now);
      appendCheckpointFile(file, real);
      appendFileSync(file, `${JSON.stringify({ ...real, seq: 1, count: 1, sig: '0'.repeat(64) })}\nnot json\n`);
      const result = await inspector().audit.verify();
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        { kind: 'checkpoint_forged', seq: 1, line: 2 },
        { kind: 'checkpoint_unreadable', seq: null, line: 3 },
      ]);
      expect(result.lastCheckpoint).toMatchObject({ seq: real.seq });

      rmSync(file);
      expect((await inspector().audit.verify()).problems).toEqual([{ kind: 'checkpoints_missing', seq: null, line: null }]);
    });
  });
}
