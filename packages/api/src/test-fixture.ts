/**
 * A fresh database with a small organisation, for router tests. Not exported from the package.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, insertSite, insertStaff, insertUnit, migrate } from '@pakn/db';
import { startFakeLibsqlServer, type FakeLibsqlServer } from '@pakn/db/testing';
import type { Role, StaffMember } from '@pakn/domain';
import { randomBytes } from 'node:crypto';
import { createCaller } from './router.ts';
import { createApiServices, type ApiServices, type Context, type RequestInfo } from './context.ts';
import type { CitizenPolicyOptions } from './citizen-policy.ts';
import { hashPassword } from './secrets.ts';
import { solveChallenge } from './proof-of-work.ts';

export const OWN_ORIGIN = 'http://pakn.test';
export const SITE_ORIGIN = 'http://ward.test';
export const PASSWORD = 'correct horse battery staple';

export const STAFF = {
  intake: { id: 's-intake', username: 'intake', displayName: 'Intake', role: 'intake_officer', unitId: 'centre' },
  director: { id: 's-director', username: 'director', displayName: 'Director', role: 'director', unitId: 'centre' },
  inspector: { id: 's-inspector', username: 'inspector', displayName: 'Inspector', role: 'inspector', unitId: 'centre' },
  admin: { id: 's-admin', username: 'admin', displayName: 'Admin', role: 'admin', unitId: null },
  handlerA: { id: 's-handler-a', username: 'handler.a', displayName: 'Handler A', role: 'unit_handler', unitId: 'ward-a' },
  headA: { id: 's-head-a', username: 'head.a', displayName: 'Head A', role: 'unit_head', unitId: 'ward-a' },
  handlerB: { id: 's-handler-b', username: 'handler.b', displayName: 'Handler B', role: 'unit_handler', unitId: 'ward-b' },
  handlerNoUnit: { id: 's-handler-none', username: 'handler.none', displayName: 'No unit', role: 'unit_handler', unitId: null },
} as const satisfies Record<string, StaffMember & { role: Role }>;
export type StaffKey = keyof typeof STAFF;

let passwordHash: Promise<string> | undefined;

export interface Fixture {
  readonly db: Db;
  /** The test clock; assign to move time. */
  now: Date;
  readonly services: ApiServices;
  /** Solves a fresh proof-of-work challenge, as the widget does at submit (from the same client address). */
  proof(request?: Partial<RequestInfo>): Promise<string>;
  /** The Centre forwards a case: the officer drafts the letter, the Director approves it. */
  forward(caseId: string, unitId: string): Promise<void>;
  /** The unit acknowledges, answers, and the officer verifies the answer: the citizen can read it. */
  answer(caseId: string, text: string, unit?: 'handlerA' | 'handlerB'): Promise<void>;
  /** A citizen's submission with a new idempotency key and a solved proof. */
  submit(overrides?: Record<string, unknown>, request?: Partial<RequestInfo>): Promise<{ reference: string; accessKey: string; createdAt: string }>;
  request(overrides?: Partial<RequestInfo>): RequestInfo & { cookies: (string | null)[] };
  /** A caller for a citizen on the registered site (no session). */
  citizen(overrides?: Partial<RequestInfo>): ReturnType<typeof createCaller>;
  /** A caller signed in as one of STAFF, from the portal's own origin with the anti-CSRF header. */
  as(key: StaffKey, overrides?: Partial<RequestInfo>): ReturnType<typeof createCaller>;
  anonymous(overrides?: Partial<RequestInfo>): ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

/**
 * Where the fixture's database lives: the embedded engine in memory, or a remote libsql server (a Hrana
 * fake started per fixture), so that router tests prove both code paths.
 */
export type DbMode = 'embedded' | 'remote';

/** The widget's solver, for the tests that fetch a challenge themselves. */
export { solveChallenge };

export function newIdempotencyKey(): string {
  return randomBytes(16).toString('base64url');
}

/** A migrated database: in memory, or in a temporary file behind the fake libsql server (the remote path). */
async function openFixtureDb(mode: DbMode): Promise<{ db: Db; remote: FakeLibsqlServer | null; dir: string | null }> {
  let remote: FakeLibsqlServer | null = null;
  let dir: string | null = null;
  if (mode === 'remote') {
    dir = mkdtempSync(join(tmpdir(), 'pakn-remote-'));
    remote = await startFakeLibsqlServer(join(dir, 'server.db'));
  }
  const db = await Db.open(remote ? { url: remote.url, authToken: 'test' } : { url: ':memory:' });
  await migrate(db);
  return { db, remote, dir };
}

/** The Centre, two wards, ward A's site and the staff of STAFF, all with PASSWORD. */
async function seedFixture(db: Db): Promise<void> {
  const created = new Date('2026-03-02T01:00:00Z');
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  await db.write(async (tx) => {
    await insertUnit(tx, { id: 'centre', kind: 'centre', name: 'Trung tâm', parentId: null }, created);
    await insertUnit(tx, { id: 'ward-a', kind: 'ward', name: 'UBND phường A', parentId: null }, created);
    await insertUnit(tx, { id: 'ward-b', kind: 'ward', name: 'UBND phường B', parentId: null }, created);
    await insertSite(tx, { key: 'site-a', name: 'Phường A', allowedOrigins: [SITE_ORIGIN], defaultUnitId: 'ward-a' }, created);
    for (const member of Object.values(STAFF)) await insertStaff(tx, { ...member, passwordHash: hash }, created);
  });
}

export async function createFixture(mode: DbMode = 'embedded', policy: CitizenPolicyOptions = {}): Promise<Fixture> {
  const { db, remote, dir } = await openFixtureDb(mode);
  await seedFixture(db);

  const fixture: Fixture = {
    db,
    now: new Date('2026-03-02T02:00:00Z'),
    services: createApiServices({
      db,
      now: () => fixture.now,
      sessionTtlSeconds: 3600,
      citizen: { powMaxNumber: 200, powHmacKey: 'test-hmac-key', ...policy },
    }),
    async proof(request = {}) {
      return solveChallenge(await fixture.citizen(request).case.challenge({ siteKey: 'site-a' }));
    },
    async forward(caseId, unitId) {
      await fixture.as('intake').case.draftForwarding({ caseId, unitId, confirmSelfReview: true });
      await fixture.as('director').case.approveForwarding({ caseId });
    },
    async answer(caseId, text, unit = 'handlerA') {
      await fixture.as(unit).case.acknowledge({ caseId });
      await fixture.as(unit).case.submitAnswer({ caseId, outcome: 'substantiated', answer: text });
      await fixture.as('intake').case.verifyAnswer({ caseId });
    },
    async submit(overrides = {}, request = {}) {
      return fixture.citizen(request).case.submit({
        siteKey: 'site-a',
        category: 'late_result',
        description: DESCRIPTION,
        idempotencyKey: newIdempotencyKey(),
        // Only when the test brings none (every challenge counts towards the caller's difficulty), and from the
        // caller's address: a proof is bound to the network it was fetched from.
        proof: 'proof' in overrides ? overrides.proof : await fixture.proof(request.clientAddress ? { clientAddress: request.clientAddress } : {}),
        ...overrides,
      } as Parameters<ReturnType<typeof createCaller>['case']['submit']>[0]);
    },
    request(overrides = {}) {
      const cookies: (string | null)[] = [];
      return {
        origin: OWN_ORIGIN,
        ownOrigin: OWN_ORIGIN,
        hasCsrfHeader: true,
        clientAddress: '127.0.0.1',
        lang: 'vi',
        sessionToken: null,
        setSessionCookie: (token) => cookies.push(token),
        cookies,
        ...overrides,
      };
    },
    citizen(overrides = {}) {
      return createCaller(context(null, { origin: SITE_ORIGIN, hasCsrfHeader: false, ...overrides }));
    },
    as(key, overrides = {}) {
      return createCaller(context(STAFF[key], overrides));
    },
    anonymous(overrides = {}) {
      return createCaller(context(null, overrides));
    },
    async close() {
      db.close();
      await remote?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };

  function context(staff: StaffMember | null, overrides: Partial<RequestInfo>): Context {
    return { services: fixture.services, request: fixture.request(overrides), staff };
  }
  return fixture;
}

export const DESCRIPTION = 'Hồ sơ đăng ký khai sinh của tôi bị trả muộn 10 ngày so với giấy hẹn.';

/** A streamed export read to its end (exports.ts): its whole text, and how many records follow the header. */
export async function exportText(file: { readonly chunks: AsyncIterable<string> }): Promise<{ content: string; rows: number }> {
  let content = '';
  for await (const chunk of file.chunks) content += chunk;
  return { content, rows: content.split('\r\n').length - 2 };
}
