import { TRPCError } from '@trpc/server';
import { createContext } from './context.ts';
import { createCaller } from './router.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, SITE_ORIGIN, type Fixture } from './test-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(() => f.close());

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe('administration', () => {
  it('creates an account that can sign in, and deactivating it ends its sessions', async () => {
    const accounts = await f
      .as('admin')
      .admin.saveUser({ username: 'xuly.moi', displayName: 'Cán bộ mới', role: 'unit_handler', unitId: 'ward-a', password: 'mat-khau-rat-dai-2026' });
    const account = accounts.find((a) => a.username === 'xuly.moi')!;
    const request = f.request();
    await createCaller({ services: f.services, request, staff: null }).auth.login({ username: 'xuly.moi', password: 'mat-khau-rat-dai-2026' });
    expect((await createContext(f.services, f.request({ sessionToken: request.cookies[0]! }))).staff?.id).toBe(account.id);
    await f
      .as('admin')
      .admin.saveUser({ id: account.id, username: 'xuly.moi', displayName: 'Cán bộ mới', role: 'unit_handler', unitId: 'ward-a', active: false });
    expect((await createContext(f.services, f.request({ sessionToken: request.cookies[0]! }))).staff).toBeNull();
    const entries = (await f.as('admin').audit.list({ entityType: 'staff', entityId: account.id })).items;
    expect(JSON.stringify(entries)).not.toContain('mat-khau');
  });

  it('refuses a unit member without a unit, a taken username, and a new account without a password', async () => {
    expect(
      await code(f.as('admin').admin.saveUser({ username: 'abc', displayName: 'Không đơn vị', role: 'unit_handler', password: 'mat-khau-rat-dai-2026' })),
    ).toBe('BAD_REQUEST');
    expect(
      await code(f.as('admin').admin.saveUser({ username: 'intake', displayName: 'Trùng', role: 'intake_officer', password: 'mat-khau-rat-dai-2026' })),
    ).toBe('CONFLICT');
    expect(await code(f.as('admin').admin.saveUser({ username: 'moi', displayName: 'Mới', role: 'inspector' }))).toBe('BAD_REQUEST');
  });

  it('registers a site and its origins, which the widget may then call from', async () => {
    await f.as('admin').admin.saveSite({ key: 'so-tu-phap', name: 'Sở Tư pháp', allowedOrigins: ['https://sotuphap.hanoi.gov.vn'], defaultUnitId: 'ward-b' });
    expect(await code(f.submit({ siteKey: 'so-tu-phap' }, { origin: 'https://sotuphap.hanoi.gov.vn' }))).toBe('OK');
    expect(await code(f.submit({ siteKey: 'so-tu-phap' }, { origin: SITE_ORIGIN }))).toBe('FORBIDDEN');
    expect(await code(f.as('admin').admin.saveSite({ key: 'x-y', name: 'Sai', allowedOrigins: ['https://a.vn/path'] }))).toBe('BAD_REQUEST');
  });

  it('lets only admins administer', async () => {
    for (const who of ['intake', 'director', 'inspector', 'headA'] as const) {
      expect(await code(f.as(who).admin.users()), who).toBe('FORBIDDEN');
      expect(await code(f.as(who).admin.saveUnit({ id: 'ward-c', kind: 'ward', name: 'UBND phường C' })), who).toBe('FORBIDDEN');
    }
    expect((await f.as('admin').admin.saveUnit({ id: 'ward-c', kind: 'ward', name: 'UBND phường C' })).some((u) => u.id === 'ward-c')).toBe(true);
  });

  it('refuses to create a unit or a site over an existing one, and keeps the existing one', async () => {
    expect(await code(f.as('admin').admin.saveUnit({ id: 'ward-b', kind: 'ward', name: 'Trùng mã', isNew: true }))).toBe('CONFLICT');
    expect(
      (await f.as('admin').admin.saveSite({ key: 'new-site', name: 'Trang mới', allowedOrigins: [], isNew: true })).some((s) => s.key === 'new-site'),
    ).toBe(true);
    expect(await code(f.as('admin').admin.saveSite({ key: 'new-site', name: 'Ghi đè', allowedOrigins: [], isNew: true }))).toBe('CONFLICT');
    const units = await f.as('admin').unit.list();
    expect(units.find((u) => u.id === 'ward-b')?.name).not.toBe('Trùng mã');
    expect((await f.as('admin').admin.sites()).find((s) => s.key === 'new-site')?.name).toBe('Trang mới');
  });
});
