import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendAudit, verifyAuditChain } from './audit.ts';
import { listAudit } from './audit-list.ts';
import { Db } from './connection.ts';
import { isStorageFault } from './faults.ts';
import type { GroupCommitLimits } from './group-commit.ts';
import type { LocalWriter } from './local-writer.ts';
import { migrate } from './migrate.ts';
import { LibsqlError } from './prepared.ts';

let dir: string;
let db: Db;
/** Group commit limits that a slow test machine cannot reach by time: groups are bounded by count only. */
const BY_COUNT = (maxMembers: number): GroupCommitLimits => ({ maxMembers, maxMs: 60_000 });

async function open(groupCommit: GroupCommitLimits): Promise<Db> {
  const opened = await Db.open({ url: `file:${join(dir, 'test.db')}`, groupCommit });
  await opened.execute('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  return opened;
}

function writerOf(target: Db): LocalWriter {
  if (!target.writer) throw new Error('a local database has its writer');
  return target.writer;
}

/** Counts the write transactions (one COMMIT each) the database opens from now on. */
function countTransactions(target: Db): { readonly count: number } {
  const counter = { count: 0 };
  const writer = writerOf(target);
  const original = writer.begin.bind(writer);
  vi.spyOn(writer, 'begin').mockImplementation(() => {
    counter.count++;
    return original();
  });
  return counter;
}

/** The ids in t, read by a connection of its own: what is on disk, committed. */
function committedIds(): number[] {
  const other = new Database(join(dir, 'test.db'), { readonly: true });
  try {
    return (other.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  } finally {
    other.close();
  }
}

const insert = (id: number) => ({ sql: 'INSERT INTO t (id, note) VALUES (?, ?)', args: [id, `ghi ${id}`] });
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-group-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('issue 11: group commit', () => {
  it('commits many concurrent writes in fewer commits than writes, every row present', async () => {
    db = await open(BY_COUNT(64));
    const transactions = countTransactions(db);
    const results = await Promise.all(ids(50).map((id) => db.write(async (tx) => (await tx.execute(insert(id))).rowsAffected)));
    expect(results).toEqual(ids(50).map(() => 1));
    expect(transactions.count).toBeLessThan(50);
    expect(committedIds()).toEqual(ids(50));
  });

  it('keeps a group within its size', async () => {
    db = await open(BY_COUNT(8));
    const transactions = countTransactions(db);
    await Promise.all(ids(50).map((id) => db.write((tx) => tx.execute(insert(id)))));
    // 50 writes queued at once, 8 a group at most: 7 groups.
    expect(transactions.count).toBe(7);
    expect(committedIds()).toEqual(ids(50));
  });

  it('acknowledges a write only once its commit is on disk', async () => {
    db = await open(BY_COUNT(64));
    const seenAtAcknowledgement = await Promise.all(ids(10).map((id) => db.write((tx) => tx.execute(insert(id))).then(() => committedIds().includes(id))));
    expect(seenAtAcknowledgement).toEqual(ids(10).map(() => true));
  });

  it('rolls back a failing write alone: the others in its group lose nothing', async () => {
    db = await open(BY_COUNT(64));
    const transactions = countTransactions(db);
    const outcomes = await Promise.allSettled(
      ids(10).map((id) =>
        db.write(async (tx) => {
          await tx.execute(insert(id));
          if (id === 4) throw new Error('member 4 gives up');
          // A failing statement: the row with id 3 exists already (or, for 3, the statement itself conflicts).
          if (id === 7) await tx.execute(insert(3));
          return id;
        }),
      ),
    );
    expect(transactions.count).toBeLessThan(10);
    expect(outcomes.map((o) => o.status)).toEqual(ids(10).map((id) => (id === 4 || id === 7 ? 'rejected' : 'fulfilled')));
    expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ message: 'member 4 gives up' });
    expect(String((outcomes[6] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(committedIds()).toEqual([1, 2, 3, 5, 6, 8, 9, 10]);
  });

  it("reports a failing write only after its group's commit, so a second look finds what the others committed", async () => {
    db = await open(BY_COUNT(64));
    // The read workers up first (each loads its code when it starts).
    await Promise.all([db.execute('SELECT 1'), db.execute('SELECT 2')]);
    const first = db.write((tx) => tx.execute(insert(1)));
    // A retry of the same request: it runs after the first in the same group and conflicts with it.
    const retry = db
      .write((tx) => tx.execute(insert(1)))
      .catch(async () => (await db.execute({ sql: 'SELECT note FROM t WHERE id = ?', args: [1] })).rows[0]?.note);
    // A third member keeps the group open a while after the retry failed.
    const third = db.write(async (tx) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.execute(insert(2));
    });
    await Promise.all([first, third]);
    expect(await retry).toBe('ghi 1');
  });

  it('rolls back a failing first member alone: the writes waiting behind it commit', async () => {
    db = await open(BY_COUNT(64));
    const outcomes = await Promise.allSettled(
      ids(4).map((id) =>
        db.write(async (tx) => {
          await tx.execute(insert(id));
          if (id === 1) throw new Error('member 1 gives up');
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(committedIds()).toEqual([2, 3, 4]);
  });

  it('fails every member when the COMMIT fails (a deferred constraint), and writes none', async () => {
    db = await open(BY_COUNT(64));
    await db.execute('CREATE TABLE child (parent INTEGER REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED)');
    const transactions = countTransactions(db);
    const outcomes = await Promise.allSettled([
      db.write((tx) => tx.execute(insert(1))),
      // Checked at COMMIT only: the statement succeeds, the group's commit fails.
      db.write((tx) => tx.execute({ sql: 'INSERT INTO child (parent) VALUES (?)', args: [99] })),
      db.write((tx) => tx.execute(insert(2))),
    ]);
    expect(transactions.count).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes) expect(String((o as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committedIds()).toEqual([]);
    // Nothing is left locked or half-done: the next write goes through.
    await db.write((tx) => tx.execute(insert(3)));
    expect(committedIds()).toEqual([3]);
  });

  it('fails every member with the storage fault when the COMMIT cannot be written', async () => {
    db = await open(BY_COUNT(64));
    const writer = writerOf(db);
    const original = writer.begin.bind(writer);
    let failNext = true;
    vi.spyOn(writer, 'begin').mockImplementation(() => {
      const tx = original();
      if (!failNext) return tx;
      failNext = false;
      // The disk refuses the commit's write, as a full or failing device does.
      vi.spyOn(tx, 'commit').mockImplementation(() => {
        throw new LibsqlError('disk I/O error', 'SQLITE_IOERR', 'SQLITE_IOERR_FSYNC', 1034);
      });
      return tx;
    });
    const outcomes = await Promise.allSettled(ids(5).map((id) => db.write((tx) => tx.execute(insert(id)))));
    expect(outcomes.every((o) => o.status === 'rejected' && isStorageFault(o.reason))).toBe(true);
    expect(committedIds()).toEqual([]);
    await db.write((tx) => tx.execute(insert(6)));
    expect(committedIds()).toEqual([6]);
  });

  it('keeps the audit chain in order across a group, a rolled-back member included', async () => {
    db = await open(BY_COUNT(64));
    await migrate(db);
    const now = new Date('2026-03-02T02:00:00Z');
    const outcomes = await Promise.allSettled(
      ids(12).map((n) =>
        db.write(async (tx) => {
          await appendAudit(tx, { actorKind: 'system', actorId: null, action: 'test.group', entityType: 'case', entityId: `c${n}` }, now);
          if (n % 4 === 0) throw new Error(`member ${n} gives up`);
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(3);
    const entries = (await listAudit(db, {})).filter((e) => e.action === 'test.group');
    expect(entries.map((e) => e.entityId)).toEqual(['c1', 'c2', 'c3', 'c5', 'c6', 'c7', 'c9', 'c10', 'c11']);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, brokenAtSeq: null, problems: [] });
  });

  it("refuses a transaction's statement after its callback finished, instead of writing into another member", async () => {
    db = await open(BY_COUNT(64));
    let leaked: { execute: Db['execute'] } | null = null;
    await db.write(async (tx) => {
      leaked = tx;
      await tx.execute(insert(1));
    });
    const late = db.write(async () => {
      await expect(leaked?.execute(insert(2))).rejects.toThrow(/after its callback had finished/);
    });
    await late;
    expect(committedIds()).toEqual([1]);
  });
});
