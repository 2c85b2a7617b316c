import { randomUUID } from 'node:crypto';
import {
  getSite,
  getUnit,
  insertSite,
  insertStaff,
  insertUnit,
  listSites,
  listStaffAccounts,
  listUnits,
  setStaffPassword,
  updateSite,
  updateStaffAccount,
  updateUnit,
} from '@pakn/db';
import { DomainError, SiteInputSchema, StaffAccountInputSchema, StaffIdInputSchema, UnitInputSchema, isUnitRole } from '@pakn/domain';
import { auditStaff } from '../audit.ts';
import type { Context } from '../context.ts';
import { accountThrottleKey, lockedAccounts, unlockAccount } from '../login-throttle.ts';
import { hashPassword } from '../secrets.ts';
import { requirePermission, router, staffMutation, staffQuery } from '../trpc.ts';
import { adminSettingsProcedures } from './admin-settings.ts';

async function accountsWithLocks(ctx: Context) {
  const { db, now } = ctx.services;
  const [accounts, locks] = await Promise.all([listStaffAccounts(db), lockedAccounts(db, now())]);
  return accounts.map((account) => ({ ...account, lockedUntil: locks.get(accountThrottleKey(account.username)) ?? null }));
}

/** Users, units and the sites allowed to embed the widget: the admin's part of the portal. */
export const adminRouter = router({
  ...adminSettingsProcedures,

  /** The accounts, each with the end of its sign-in lock when failed attempts locked it (issue 9). */
  users: staffQuery.query(async ({ ctx }) => {
    requirePermission(ctx.staff, 'administer');
    return accountsWithLocks(ctx);
  }),

  /** Lifts an account's sign-in lock at once (the person called the admin), audited. */
  unlockUser: staffMutation.input(StaffIdInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const { db, now } = ctx.services;
    const account = (await listStaffAccounts(db)).find((a) => a.id === input.id);
    if (!account) throw new DomainError('not_found', 'No such account');
    const lockedUntil = (await lockedAccounts(db, now())).get(accountThrottleKey(account.username)) ?? null;
    await db.write(async (tx) => {
      await unlockAccount(tx, account.username);
      await auditStaff(tx, ctx, { action: 'user.unlock', entityType: 'staff', entityId: account.id, before: { lockedUntil }, after: { lockedUntil: null } });
    });
    return { ok: true as const };
  }),

  saveUser: staffMutation.input(StaffAccountInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const { db, now } = ctx.services;
    if (isUnitRole(input.role) && !input.unitId)
      throw new DomainError('invalid', 'Unit required', { reason: 'unit_required', fields: { unitId: 'unit_required' } });
    if (input.unitId && !(await getUnit(db, input.unitId)))
      throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { unitId: 'invalid' } });
    if (!input.id && !input.password)
      throw new DomainError('invalid', 'Password required', { reason: 'password_required', fields: { password: 'password_required' } });
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const existing = await listStaffAccounts(db);
    if (existing.some((a) => a.username.toLowerCase() === input.username.toLowerCase() && a.id !== input.id)) {
      throw new DomainError('conflict', 'Username taken', { reason: 'username_taken', fields: { username: 'username_taken' } });
    }
    const id = input.id ?? randomUUID();
    const before = existing.find((a) => a.id === id) ?? null;
    await db.write(async (tx) => {
      const change = { displayName: input.displayName, role: input.role, unitId: input.unitId ?? null, email: input.email || null, active: input.active };
      if (input.id) {
        if (!(await updateStaffAccount(tx, id, change))) throw new DomainError('not_found', 'No such account');
        if (passwordHash) await setStaffPassword(tx, id, passwordHash);
      } else {
        // Checked above: a new account comes with a password.
        if (!passwordHash) throw new DomainError('invalid', 'Password required', { reason: 'password_required', fields: { password: 'password_required' } });
        await insertStaff(
          tx,
          { id, username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId ?? null, passwordHash },
          now(),
        );
        await updateStaffAccount(tx, id, change);
      }
      // Never the password or its hash in the audit trail.
      await auditStaff(tx, ctx, {
        action: input.id ? 'user.update' : 'user.create',
        entityType: 'staff',
        entityId: id,
        before: before && { role: before.role, unitId: before.unitId, active: before.active },
        after: { role: input.role, unitId: input.unitId ?? null, active: input.active, passwordChanged: Boolean(passwordHash) },
      });
    });
    // Open live streams of this account re-check at once: disabled, moved or re-roled, they end.
    if (input.id) ctx.services.sessionEvents.ended({ staffId: id });
    return accountsWithLocks(ctx);
  }),

  saveUnit: staffMutation.input(UnitInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const { db, now } = ctx.services;
    if (input.parentId && !(await getUnit(db, input.parentId))) throw new DomainError('invalid', 'Unknown parent', { fields: { parentId: 'invalid' } });
    const unit = { id: input.id, kind: input.kind, name: input.name, parentId: input.parentId ?? null };
    const before = await getUnit(db, input.id);
    if (input.isNew && before) throw new DomainError('conflict', 'Unit id taken', { reason: 'id_taken', fields: { id: 'id_taken' } });
    await db.write(async (tx) => {
      if (before) await updateUnit(tx, unit);
      else await insertUnit(tx, unit, now());
      await auditStaff(tx, ctx, { action: before ? 'unit.update' : 'unit.create', entityType: 'unit', entityId: unit.id, before, after: unit });
    });
    ctx.services.calendars.invalidate();
    return listUnits(db);
  }),

  sites: staffQuery.query(({ ctx }) => {
    requirePermission(ctx.staff, 'administer');
    return listSites(ctx.services.db);
  }),

  /** Registers a website that embeds the widget, or changes the origins it may call from. */
  saveSite: staffMutation.input(SiteInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const { db, now } = ctx.services;
    if (input.defaultUnitId && !(await getUnit(db, input.defaultUnitId)))
      throw new DomainError('invalid', 'Unknown unit', { reason: 'unknown_unit', fields: { defaultUnitId: 'invalid' } });
    const site = { key: input.key, name: input.name, allowedOrigins: input.allowedOrigins, defaultUnitId: input.defaultUnitId ?? null };
    const before = await getSite(db, input.key);
    if (input.isNew && before) throw new DomainError('conflict', 'Site key taken', { reason: 'id_taken', fields: { key: 'id_taken' } });
    await db.write(async (tx) => {
      if (before) await updateSite(tx, site);
      else await insertSite(tx, site, now());
      await auditStaff(tx, ctx, { action: before ? 'site.update' : 'site.create', entityType: 'site', entityId: site.key, before, after: site });
    });
    return listSites(db);
  }),
});
