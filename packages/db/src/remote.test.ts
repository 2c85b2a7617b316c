import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { MIGRATIONS, migrate, schemaVersion } from './migrate.ts';
import { nextReference } from './cases.ts';
import { startFakeLibsqlServer, type FakeLibsqlServer } from './testing/fake-libsql-server.ts';

let dir: string;
let server: FakeLibsqlServer;
let db: Db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-remote-'));
  server = await startFakeLibsqlServer(join(dir, 'server.db'));
  db = await Db.open({ url: server.url, authToken: 'test-token' });
});
afterEach(async () => {
  db.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Db against a remote libsql server (Hrana over HTTP)', () => {
  it('takes the remote path: no local PRAGMAs, statements travel over HTTP', async () => {
    expect(db.isLocal).toBe(false);
    expect(db.client?.protocol).toBe('http');
    expect(db.writer).toBeNull();
    await migrate(db);
    expect(await schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(server.counts.execute ?? 0).toBeGreaterThan(0);
  });

  it('commits interactive write transactions and rolls back failed ones', async () => {
    await migrate(db);
    const refs = await db.write(async (tx) => [await nextReference(tx, 2026), await nextReference(tx, 2026)]);
    expect(refs).toEqual(['PAKN-2026-000001', 'PAKN-2026-000002']);
    await expect(
      db.write(async (tx) => {
        await nextReference(tx, 2026);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.write((tx) => nextReference(tx, 2026))).toBe('PAKN-2026-000003');
  });

  it('serialises concurrent transactions on the server without losing an update', async () => {
    await migrate(db);
    const refs = await Promise.all(Array.from({ length: 8 }, () => db.write((tx) => nextReference(tx, 2027))));
    expect(new Set(refs).size).toBe(8);
  });
});
