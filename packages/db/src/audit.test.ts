import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAuditChain } from './audit.ts';
import { Db } from './connection.ts';
import { migrate } from './migrate.ts';

let db: Db;
const now = new Date('2026-03-02T02:00:00Z');
beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await db.write(async (tx) => {
    for (let i = 0; i < 3; i++) {
      await appendAudit(tx, { actorKind: 'staff', actorId: null, action: 'case.classify', entityType: 'case', entityId: `c${i}`, before: { status: 'received' }, after: { status: 'accepted' } }, now);
    }
  });
});
afterEach(() => db.close());

describe('the audit log', () => {
  it('chains every entry to the one before', async () => {
    const entries = await listAudit(db, {});
    expect(entries.map((e) => e.entityId)).toEqual(['c0', 'c1', 'c2']);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 3, brokenAtSeq: null });
  });

  it('refuses updates and deletes', async () => {
    await expect(db.execute(`UPDATE audit_log SET reason = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.execute('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('shows where someone who bypassed the triggers rewrote history', async () => {
    await db.execute('DROP TRIGGER audit_log_no_update');
    await db.execute(`UPDATE audit_log SET after_json = '{"status":"referred"}' WHERE seq = 2`);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, checked: 1, brokenAtSeq: 2 });
  });
});
