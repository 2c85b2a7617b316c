import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendAudit, sealAuditChain, verifyAuditChain } from './audit.ts';
import { countAudit, listAudit } from './audit-list.ts';
import { AuditKeyring } from './audit-keys.ts';
import { Db } from './connection.ts';
import { MIGRATIONS, migrate } from './migrate.ts';

let db: Db;
const now = new Date('2026-03-02T02:00:00Z');
beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await db.write(async (tx) => {
    for (let i = 0; i < 3; i++) {
      await appendAudit(
        tx,
        {
          actorKind: 'staff',
          actorId: null,
          action: 'case.classify',
          entityType: 'case',
          entityId: `c${i}`,
          before: { status: 'received' },
          after: { status: 'accepted' },
        },
        now,
      );
    }
  });
});
afterEach(() => db.close());

describe('the audit log', () => {
  it('chains every entry to the one before', async () => {
    const entries = await listAudit(db, {});
    expect(entries.map((e) => e.entityId)).toEqual(['c0', 'c1', 'c2']);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 3, brokenAtSeq: null, problems: [] });
  });

  it('refuses updates and deletes', async () => {
    await expect(db.execute(`UPDATE audit_log SET reason = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.execute('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('shows where someone who bypassed the triggers rewrote history', async () => {
    await db.execute('DROP TRIGGER audit_log_no_update');
    await db.execute(`UPDATE audit_log SET after_json = '{"status":"referred"}' WHERE seq = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 1, brokenAtSeq: 2, problems: [{ kind: 'row_altered', seq: 2 }] });
  });
});

/** A row as the code before issue 9 wrote it: plain SHA-256, no key. */
async function insertLegacy(db: Db, entityId: string): Promise<void> {
  const last = (await db.execute('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
  const prev = last ? String(last.hash) : '0'.repeat(64);
  const at = now.toISOString();
  const afterJson = '{"status":"accepted"}';
  const hash = createHash('sha256')
    .update(JSON.stringify([prev, at, 'staff', null, 'case.classify', 'case', entityId, null, afterJson, null]))
    .digest('hex');
  await db.execute({
    sql: `INSERT INTO audit_log (at, actor_kind, actor_id, action, entity_type, entity_id, before_json, after_json, reason, prev_hash, hash)
          VALUES (?, 'staff', NULL, 'case.classify', 'case', ?, NULL, ?, NULL, ?, ?)`,
    args: [at, entityId, afterJson, prev, hash],
  });
}

describe('the keyed audit chain', () => {
  const k1 = { id: 'k1', secret: Buffer.from('first key of the chain, long enough') };
  const k2 = { id: 'k2', secret: Buffer.from('second key of the chain, long enough') };
  let old: Db;
  beforeEach(async () => {
    old = await Db.open({ url: ':memory:', auditKeys: new AuditKeyring([k1]) });
    // A database from before the keyed chain, with two unkeyed rows.
    await migrate(
      old,
      MIGRATIONS.filter((m) => m.version < 13),
    );
    await insertLegacy(old, 'old-1');
    await insertLegacy(old, 'old-2');
    await migrate(old);
  });
  afterEach(() => old.close());

  it('keeps rows written before the switch verifiable and records the switch in a row of its own', async () => {
    await old.write((tx) =>
      appendAudit(tx, { actorKind: 'staff', actorId: null, action: 'case.classify', entityType: 'case', entityId: 'new', after: {} }, now),
    );
    const entries = await listAudit(old, {});
    expect(entries.map((e) => e.action)).toEqual(['case.classify', 'case.classify', 'audit.key_changed', 'case.classify']);
    expect(entries[2]).toMatchObject({ actorKind: 'system', before: { alg: 'sha256', keyId: null }, after: { alg: 'hmac-sha256', keyId: 'k1' } });
    expect(await verifyAuditChain(old)).toMatchObject({ ok: true, checked: 4, keyedFromSeq: 3, problems: [] });
    // The whole log's counter (migration 0018) started from the rows already there and follows every new one.
    expect(await countAudit(old, {})).toBe(4);
    expect(await countAudit(old, { action: 'case.' })).toBe(3);
  });

  it('refuses an unkeyed row after the first keyed one', async () => {
    expect(await sealAuditChain(old, now)).toBe(true);
    expect(await sealAuditChain(old, now)).toBe(false);
    await insertLegacy(old, 'forged');
    expect(await verifyAuditChain(old)).toMatchObject({ ok: false, brokenAtSeq: 4, problems: [{ kind: 'downgrade', seq: 4 }] });
  });

  it('rotates keys: old rows verify with the old key kept in the keyring, new rows are signed with the new one', async () => {
    await sealAuditChain(old, now);
    // What a restart with AUDIT_HMAC_KEYS=k2:…,k1:… gives: k2 signs, k1 still verifies.
    const rotated = new AuditKeyring([k2, k1]);
    await old.write((tx) => appendAudit(tx, { actorKind: 'system', actorId: null, action: 'x', entityType: 'y', entityId: null }, now, rotated));
    expect(await verifyAuditChain(old, { keys: rotated })).toMatchObject({ ok: true, checked: 5 });
    const keyIds = (await old.execute('SELECT key_id FROM audit_log ORDER BY seq')).rows.map((r) => r.key_id);
    expect(keyIds).toEqual([null, null, 'k1', 'k2', 'k2']);
    // Going back to the retired key after the new one took over is refused, even with a valid MAC.
    await old.write((tx) => appendAudit(tx, { actorKind: 'system', actorId: null, action: 'x', entityType: 'y', entityId: null }, now, new AuditKeyring([k1])));
    expect(await verifyAuditChain(old, { keys: rotated })).toMatchObject({ ok: false, problems: [{ kind: 'downgrade', seq: 6 }] });
    // Without the old key, the rows it signed cannot be verified.
    expect(await verifyAuditChain(old, { keys: new AuditKeyring([k2]) })).toMatchObject({ ok: false, problems: [{ kind: 'unknown_key', seq: 3 }] });
  });
});
