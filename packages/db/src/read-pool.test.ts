import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { LocalReader } from './local-reader.ts';

let dir: string;
let db: Db;

/** A read that keeps SQLite busy for a while (tens to hundreds of milliseconds) and answers one row. */
const SLOW = {
  // A plain SELECT (a statement starting with WITH goes to the writer, see LocalReader.reads).
  sql: 'SELECT (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT COUNT(*) FROM n) AS c',
  args: [3_000_000],
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-pool-'));
  db = await Db.open({ url: `file:${join(dir, 'test.db')}`, readers: 2 });
  await db.write((tx) => tx.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)'));
  await db.write(async (tx) => {
    for (let id = 1; id <= 40; id++) await tx.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [id, `tên ${id}`] });
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('issue 11: reads in worker threads', () => {
  it('leave the event loop free while a slow read runs', async () => {
    let ticks = 0;
    let reading = true;
    const tick = () => {
      ticks++;
      if (reading) setImmediate(tick);
    };
    setImmediate(tick);
    const slow = db.execute(SLOW).then((r) => {
      reading = false;
      return { ticksDuringRead: ticks, count: r.rows[0]?.c };
    });
    const { ticksDuringRead, count } = await slow;
    expect(count).toBe(3_000_000);
    // On the loop (readers: 0) the read runs synchronously: no tick between its start and its answer.
    expect(ticksDuringRead).toBeGreaterThan(2);
  });

  it('serve other reads beside a slow one: the quick read answers first', async () => {
    // Both workers up first (each loads its code when it starts).
    await Promise.all([db.execute('SELECT 1'), db.execute('SELECT 2')]);
    const order: string[] = [];
    const slow = db.execute(SLOW).then(() => order.push('slow'));
    const quick = db.execute({ sql: 'SELECT name FROM t WHERE id = ?', args: [7] }).then((r) => order.push(`quick ${String(r.rows[0]?.name)}`));
    await Promise.all([slow, quick]);
    expect(order).toEqual(['quick tên 7', 'slow']);
  });

  it('answer every one of many concurrent reads with its own rows', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => db.execute({ sql: 'SELECT id, name FROM t WHERE id = ?', args: [i + 1] })));
    expect(answers.map((r) => r.rows[0]?.name)).toEqual(Array.from({ length: 40 }, (_, i) => `tên ${i + 1}`));
    expect(answers[0]?.columns).toEqual(['id', 'name']);
  });

  it("report a worker's error to the caller with its message and code, and go on serving", async () => {
    const onLoop = new LocalReader(join(dir, 'test.db'), 1000);
    try {
      const syntax = await db.execute('SELECT * FROM missing_table').catch((e: unknown) => e);
      expect(syntax).toBeInstanceOf(Error);
      expect((syntax as Error).message).toMatch(/no such table: missing_table/);
      expect((syntax as { code?: string }).code).toBe('SQLITE_ERROR');
      let direct: unknown;
      try {
        onLoop.execute('SELECT * FROM missing_table', []);
      } catch (error) {
        direct = error;
      }
      expect((syntax as Error).message).toBe((direct as Error).message);

      const tooBig = await db.execute({ sql: 'SELECT 9007199254740993 AS big WHERE ? = 0', args: [0] }).catch((e: unknown) => e);
      expect(tooBig).toBeInstanceOf(RangeError);
      expect((tooBig as Error).message).toMatch(/cannot be safely represented/);
      expect((await db.execute({ sql: 'SELECT COUNT(*) AS n FROM t WHERE id > ?', args: [0] })).rows[0]?.n).toBe(40);
    } finally {
      onLoop.close();
    }
  });

  it('see each write as soon as it committed', async () => {
    for (let id = 41; id <= 45; id++) {
      await db.write((tx) => tx.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [id, 'mới'] }));
      expect((await db.execute({ sql: 'SELECT COUNT(*) AS n FROM t WHERE id > ?', args: [0] })).rows[0]?.n).toBe(id);
    }
  });

  it('end with the database: a read still running or waiting is refused, none is left pending', async () => {
    const running = db.execute(SLOW);
    const waiting = [db.execute(SLOW), db.execute(SLOW)];
    db.close();
    for (const read of [running, ...waiting]) await expect(read).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    await expect(db.execute('SELECT 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });

  it('can be turned off: readers 0 reads on the loop, with the same answers', async () => {
    const onLoop = await Db.open({ url: `file:${join(dir, 'test.db')}`, readers: 0 });
    try {
      const sql = { sql: 'SELECT id, name FROM t WHERE id <= ? ORDER BY id', args: [3] };
      expect((await onLoop.execute(sql)).rows).toEqual((await db.execute(sql)).rows);
    } finally {
      onLoop.close();
    }
  });
});
