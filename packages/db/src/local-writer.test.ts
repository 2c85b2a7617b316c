import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { createClient, type Client, type InStatement } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Db } from './connection.ts';
import type { LocalWriter } from './local-writer.ts';

let dir: string;
let db: Db;
let client: Client;

const SCHEMA = [
  'CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)',
  'CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER NOT NULL REFERENCES p (id), n INTEGER, b BLOB)',
];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-writer-'));
  db = await Db.open({ url: `file:${join(dir, 'mine.db')}` });
  // @libsql/client on a twin file, as the writer was before: what every caller was written against.
  client = createClient({ url: `file:${join(dir, 'theirs.db')}`, intMode: 'number' });
  await client.execute('PRAGMA foreign_keys = ON');
  for (const sql of SCHEMA) {
    await db.execute(sql);
    await client.execute(sql);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

function writerOf(target: Db): LocalWriter {
  if (!target.writer) throw new Error('a local database has its writer');
  return target.writer;
}

/** What callers read of a result: everything but the row objects' identity. */
function shape(result: Awaited<ReturnType<Db['execute']>>) {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    rows: result.rows.map((r) => ({ ...r, positional: Array.from(r) })),
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
  };
}

/** An error as callers look at it: faults.ts reads `code` and `extendedCode`, logs the name and message. */
async function failure(run: () => Promise<unknown>) {
  const error = (await run().then(
    () => null,
    (e: unknown) => e,
  )) as (Error & { code?: unknown; extendedCode?: unknown; rawCode?: unknown }) | null;
  if (!error) throw new Error('expected a failure');
  return {
    class: error instanceof Error,
    name: error.name,
    message: error.message,
    code: error.code,
    extendedCode: error.extendedCode,
    rawCode: error.rawCode,
  };
}

describe('issue 11: the writer on the synchronous libsql driver', () => {
  it("answers writes as @libsql/client did: rows changed, last rowid, RETURNING's rows", async () => {
    const statements: InStatement[] = [
      { sql: 'INSERT INTO p (name) VALUES (?)', args: ['Phường A'] },
      { sql: 'INSERT INTO p (id, name) VALUES (?, ?) RETURNING id, name', args: [9007199254740991, 'Phường B'] },
      { sql: 'INSERT INTO c (p, n, b) VALUES (?, ?, ?)', args: [1, true, new Uint8Array([1, 2])] },
      { sql: 'INSERT INTO c (p, n, b) VALUES (:p, :n, $b)', args: { ':p': 1, n: 5, $b: null } },
      { sql: 'UPDATE c SET n = n + 1 WHERE p = ?', args: [1] },
      { sql: 'UPDATE c SET n = 0 WHERE p = ?', args: [404] },
      { sql: 'SELECT id, p, n, b FROM c ORDER BY id', args: [] },
      { sql: 'DELETE FROM c WHERE n > ?', args: [0] },
    ];
    const mine = await db.write(async (tx) => {
      const results = [];
      for (const stmt of statements) results.push(shape(await tx.execute(stmt)));
      return results;
    });
    const theirs = [];
    for (const stmt of statements) theirs.push(shape(await client.execute(stmt)));
    expect(mine).toEqual(theirs);
    expect(mine[0]).toMatchObject({ rowsAffected: 1, lastInsertRowid: 1n });
    // Outside a transaction too.
    expect(shape(await db.execute({ sql: 'INSERT INTO p (name) VALUES (?)', args: ['Phường C'] }))).toEqual(
      shape(await client.execute({ sql: 'INSERT INTO p (name) VALUES (?)', args: ['Phường C'] })),
    );
  });

  it("fails with @libsql/client's errors: the same name, message and codes", async () => {
    const failing: InStatement[] = [
      { sql: 'INSERT INTO p (id, name) VALUES (?, ?)', args: [1, 'trùng'] },
      { sql: 'INSERT INTO p (name) VALUES (?)', args: [null] },
      { sql: 'INSERT INTO c (p) VALUES (?)', args: [404] },
      'INSERT INTO missing (x) VALUES (1)',
      'NOT SQL',
    ];
    await db.execute({ sql: 'INSERT INTO p (id, name) VALUES (?, ?)', args: [1, 'một'] });
    await client.execute({ sql: 'INSERT INTO p (id, name) VALUES (?, ?)', args: [1, 'một'] });
    for (const stmt of failing) {
      const mine = await failure(() => db.write((tx) => tx.execute(stmt)));
      const theirs = await failure(() => client.execute(stmt));
      expect(mine, JSON.stringify(stmt)).toEqual(theirs);
      expect(await failure(() => db.execute(stmt))).toEqual(theirs);
    }
    expect(await failure(() => db.execute({ sql: 'INSERT INTO p (id, name) VALUES (?, ?)', args: [1, 'x'] }))).toMatchObject({
      name: 'LibsqlError',
      code: 'SQLITE_CONSTRAINT',
      extendedCode: 'SQLITE_CONSTRAINT_PRIMARYKEY',
      rawCode: 1555,
    });
  });

  it('refuses arguments SQLite cannot take, as @libsql/client did, instead of ending the process', async () => {
    const undefinedArg = { sql: 'INSERT INTO p (name) VALUES (?)', args: [undefined as unknown as null] };
    await expect(db.execute(undefinedArg)).rejects.toThrow(TypeError);
    await expect(db.write((tx) => tx.execute({ sql: 'INSERT INTO c (p, n) VALUES (?, ?)', args: [1, Number.NaN] }))).rejects.toThrow(RangeError);
    expect((await db.execute('SELECT COUNT(*) AS n FROM p')).rows[0]?.n).toBe(0);
  });

  it('prepares each statement once, however often it runs', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const insert = 'INSERT INTO p (name) VALUES (?)';
    for (let i = 0; i < 5; i++) await db.write((tx) => tx.execute({ sql: insert, args: [`tên ${i}`] }));
    for (let i = 0; i < 5; i++) await db.execute({ sql: 'UPDATE p SET name = name WHERE id = ?', args: [i] });
    const prepared = prepare.mock.calls.map(([sql]) => sql);
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
    expect(prepared.filter((sql) => sql.startsWith('UPDATE p'))).toHaveLength(1);
    expect(prepared.filter((sql) => sql === 'BEGIN IMMEDIATE')).toHaveLength(1);
    expect(prepared.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
  });

  it('follows a schema change under a prepared RETURNING *, without running the write twice', async () => {
    const insert = (name: string) => db.write((tx) => tx.execute({ sql: 'INSERT INTO p (name) VALUES (?) RETURNING *', args: [name] }));
    expect((await insert('một')).columns).toEqual(['id', 'name']);
    await db.execute("ALTER TABLE p ADD COLUMN note TEXT NOT NULL DEFAULT 'mới'");
    const after = await insert('hai');
    expect(after.columns).toEqual(['id', 'name', 'note']);
    expect(after.rows[0]).toMatchObject({ id: 2, name: 'hai', note: 'mới' });
    expect((await db.execute('SELECT COUNT(*) AS n FROM p')).rows[0]?.n).toBe(2);
  });

  it('opens its connection again, with its settings, when a transaction could not be rolled back', async () => {
    // A setting of this connection only: a new connection has the default again.
    await db.execute('PRAGMA cache_size = 1234');
    const writer = writerOf(db);
    const begin = writer.begin.bind(writer);
    vi.spyOn(writer, 'begin').mockImplementationOnce(() => {
      const tx = begin();
      // A COMMIT and a ROLLBACK that both fail leave the connection inside its transaction.
      vi.spyOn(tx, 'commit').mockImplementation(() => {
        throw new Error('commit failed');
      });
      vi.spyOn(tx, 'rollback').mockImplementation(() => {
        throw new Error('rollback failed');
      });
      return tx;
    });
    await expect(db.write((tx) => tx.execute({ sql: 'INSERT INTO p (name) VALUES (?)', args: ['mất'] }))).rejects.toThrow('commit failed');
    // A connection still in that transaction could begin no other; the reopened one can, and has the settings.
    await db.write((tx) => tx.execute({ sql: 'INSERT INTO p (name) VALUES (?)', args: ['còn'] }));
    const settings = await db.write(async (tx) => ({
      synchronous: (await tx.execute('PRAGMA synchronous')).rows[0]?.[0],
      foreignKeys: (await tx.execute('PRAGMA foreign_keys')).rows[0]?.[0],
      busyTimeout: (await tx.execute('PRAGMA busy_timeout')).rows[0]?.[0],
      journal: (await tx.execute('PRAGMA journal_mode')).rows[0]?.[0],
      cacheSize: (await tx.execute('PRAGMA cache_size')).rows[0]?.[0],
    }));
    expect(settings).toEqual({ synchronous: 2, foreignKeys: 1, busyTimeout: 5000, journal: 'wal', cacheSize: -2000 });
    expect((await db.execute('SELECT name FROM p ORDER BY id')).rows.map((r) => r.name)).toEqual(['còn']);
  });

  it('holds a database in memory on one connection, with foreign keys', async () => {
    const memory = await Db.open({ url: ':memory:' });
    try {
      expect(memory.writer).not.toBeNull();
      expect(memory.client).toBeNull();
      for (const sql of SCHEMA) await memory.execute(sql);
      await memory.write((tx) => tx.execute({ sql: 'INSERT INTO p (name) VALUES (?)', args: ['một'] }));
      expect((await memory.execute('SELECT name FROM p')).rows[0]?.name).toBe('một');
      await expect(memory.execute({ sql: 'INSERT INTO c (p) VALUES (?)', args: [404] })).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      memory.close();
    }
  });
});
