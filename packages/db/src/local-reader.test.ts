import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { LocalReader } from './local-reader.ts';

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-reader-'));
  db = await Db.open({ url: `file:${join(dir, 'test.db')}` });
  await db.write(async (tx) => {
    await tx.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, x REAL, b BLOB)');
    await tx.execute({ sql: 'INSERT INTO t (id, name, n, x, b) VALUES (?, ?, ?, ?, ?)', args: [1, 'một', 9007199254740991, 1.5, new Uint8Array([1, 2, 3])] });
    await tx.execute({ sql: 'INSERT INTO t (id, name, n, x, b) VALUES (?, ?, ?, ?, ?)', args: [2, null, -4, null, null] });
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const SELECT = { sql: 'SELECT id, name, n, x, b, name AS name FROM t WHERE id >= ? ORDER BY id', args: [1] };

describe('reads on a local file', () => {
  it('answer with the rows @libsql/client gives: by position and by name, integers as numbers, blobs as bytes', async () => {
    const mine = await db.execute(SELECT);
    const client = createClient({ url: `file:${join(dir, 'test.db')}`, intMode: 'number' });
    const theirs = await client.execute(SELECT).finally(() => client.close());
    expect(mine.columns).toEqual(theirs.columns);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.rows.map((r) => Array.from(r))).toEqual(theirs.rows.map((r) => Array.from(r)));
    expect(new Uint8Array(mine.rows[0]?.b as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    expect(mine.rows[0]?.[2]).toBe(9007199254740991);
  });

  it('build rows like @libsql/client also for names a row cannot simply take: repeated, length, __proto__, positions', async () => {
    const odd = { sql: `SELECT 1 AS a, 2 AS "length", 3 AS "__proto__", 4 AS "0", 5 AS a, 6 AS "9", id FROM t WHERE id = ?`, args: [1] };
    const client = createClient({ url: `file:${join(dir, 'test.db')}`, intMode: 'number' });
    const theirs = await client.execute(odd).finally(() => client.close());
    for (const round of [1, 2]) {
      // The second round builds its rows with the maker the first one made for these columns.
      const mine = await db.execute(odd);
      const [row, their] = [mine.rows[0], theirs.rows[0]];
      if (!row || !their) throw new Error('one row expected');
      expect(Object.keys(row), `round ${round}`).toEqual(Object.keys(their));
      expect(JSON.stringify(row)).toBe(JSON.stringify(their));
      expect(Array.from(row)).toEqual(Array.from(their));
      expect([row.length, row.a, row.__proto__, row[0], row[4], row[6]]).toEqual([7, 1, 3, 1, 5, 1]);
      expect({ ...row }).toEqual({ ...their });
    }
  });

  it('see every committed write, also with a statement prepared before it', async () => {
    const count = { sql: 'SELECT COUNT(*) AS c FROM t WHERE id > ?', args: [0] };
    expect((await db.execute(count)).rows[0]?.c).toBe(2);
    await db.write((tx) => tx.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [3, 'ba'] }));
    expect((await db.execute(count)).rows[0]?.c).toBe(3);
    await db.execute({ sql: 'DELETE FROM t WHERE id = ?', args: [1] });
    expect((await db.execute(count)).rows[0]?.c).toBe(2);
  });

  it('follow a schema change made by the writer after a statement was prepared', async () => {
    const star = { sql: 'SELECT * FROM t WHERE id = ?', args: [2] };
    expect(Object.keys((await db.execute(star)).rows[0] ?? {})).toEqual(['id', 'name', 'n', 'x', 'b']);
    await db.write((tx) => tx.execute("ALTER TABLE t ADD COLUMN z TEXT NOT NULL DEFAULT 'mới'"));
    expect((await db.execute(star)).rows[0]?.z).toBe('mới');
  });

  it('take only SELECTs, and cannot write even if one did', async () => {
    expect(LocalReader.reads(' select 1')).toBe(true);
    expect(LocalReader.reads('WITH x AS (SELECT 1) INSERT INTO t (id) SELECT * FROM x')).toBe(false);
    expect(LocalReader.reads('INSERT INTO t (id) VALUES (9) RETURNING id')).toBe(false);
    const reader = new LocalReader(join(dir, 'test.db'), 1000);
    try {
      expect(() => reader.execute('DELETE FROM t', [])).toThrow();
    } finally {
      reader.close();
    }
    expect((await db.execute('SELECT COUNT(*) AS c FROM t')).rows[0]?.c).toBe(2);
  });

  it('refuse the database itself inside its own write transaction, as before', async () => {
    await expect(db.write(() => db.execute('SELECT 1'))).rejects.toThrow(/inside Db.write/);
  });
});
