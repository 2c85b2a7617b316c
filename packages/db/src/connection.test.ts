import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { MIGRATIONS, migrate, schemaVersion } from './migrate.ts';

const LATEST = MIGRATIONS.at(-1)!.version;

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-db-'));
  db = await Db.open({ url: `file:${join(dir, 'test.db')}` });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pragma(exec: { execute: Db['execute'] }, name: string): Promise<unknown> {
  const result = await exec.execute(`PRAGMA ${name}`);
  return Object.values(result.rows[0] ?? {})[0];
}

describe('Db on an embedded file', () => {
  it('runs in WAL with synchronous=FULL, foreign keys and a busy timeout', async () => {
    expect(await pragma(db, 'journal_mode')).toBe('wal');
    expect(await pragma(db, 'synchronous')).toBe(2);
    expect(await pragma(db, 'foreign_keys')).toBe(1);
    expect(await pragma(db, 'busy_timeout')).toBe(5000);
  });

  it('keeps its settings inside and after transactions (libsql-client-ts #288)', async () => {
    const inside = await db.write(async (tx) => ({
      synchronous: await pragma(tx, 'synchronous'),
      foreignKeys: await pragma(tx, 'foreign_keys'),
    }));
    expect(inside).toEqual({ synchronous: 2, foreignKeys: 1 });
    expect(await pragma(db, 'synchronous')).toBe(2);
    expect(await pragma(db, 'foreign_keys')).toBe(1);
  });

  it('rolls back a transaction whose work throws, and releases the write lock', async () => {
    await db.execute('CREATE TABLE t (x INTEGER NOT NULL)');
    await expect(
      db.write(async (tx) => {
        await tx.execute('INSERT INTO t (x) VALUES (1)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.execute('SELECT COUNT(*) AS n FROM t')).rows[0]?.n).toBe(0);
    // The lock is free: the next write goes through at once.
    await db.write((tx) => tx.execute('INSERT INTO t (x) VALUES (2)'));
    expect((await db.execute('SELECT COUNT(*) AS n FROM t')).rows[0]?.n).toBe(1);
  });

  it('rolls back when a statement fails inside the transaction', async () => {
    await db.execute('CREATE TABLE t (x INTEGER NOT NULL)');
    await expect(
      db.write(async (tx) => {
        await tx.execute('INSERT INTO t (x) VALUES (1)');
        await tx.execute('INSERT INTO t (x) VALUES (NULL)');
      }),
    ).rejects.toThrow();
    expect((await db.execute('SELECT COUNT(*) AS n FROM t')).rows[0]?.n).toBe(0);
  });

  it('queues concurrent transactions instead of failing them', async () => {
    await db.execute('CREATE TABLE counter (n INTEGER NOT NULL)');
    await db.execute('INSERT INTO counter (n) VALUES (0)');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.write(async (tx) => {
          const current = Number((await tx.execute('SELECT n FROM counter')).rows[0]?.n);
          await new Promise((r) => setTimeout(r, 1));
          await tx.execute({ sql: 'UPDATE counter SET n = ?', args: [current + 1] });
        }),
      ),
    );
    expect((await db.execute('SELECT n FROM counter')).rows[0]?.n).toBe(20);
  });

  it('fails at once, instead of waiting forever, when the database is used inside its own transaction', async () => {
    await expect(db.write(() => db.execute('SELECT 1'))).rejects.toThrow(/use the transaction/);
    expect((await db.execute('SELECT 1 AS one')).rows[0]?.one).toBe(1);
  });

  it('enforces foreign keys', async () => {
    await migrate(db);
    await expect(
      db.execute({
        sql: `INSERT INTO sites (key, name, allowed_origins, default_unit_id, created_at) VALUES ('s', 'S', '[]', 'missing', 'now')`,
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});

describe('migrate', () => {
  it('applies every migration once and records the version', async () => {
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    expect(await schemaVersion(db)).toBe(LATEST);
  });

  it('leaves the schema untouched when a migration fails half-way', async () => {
    const broken = { version: 99, name: 'broken', statements: ['CREATE TABLE half (x INTEGER)', 'NOT SQL'] };
    await migrate(db);
    await expect(migrate(db, [broken])).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(LATEST);
    const tables = await db.execute(`SELECT name FROM sqlite_master WHERE name = 'half'`);
    expect(tables.rows).toHaveLength(0);
  });
});
