import { appendAudit, type AuditEntry, type Executor } from '@pakn/db';
import type { Context } from './context.ts';

/** Records a staff member's action in the audit chain, inside the action's own transaction, signed with the database's audit key. */
export function auditStaff(tx: Executor, ctx: Context, entry: Omit<AuditEntry, 'actorKind' | 'actorId'>): Promise<string> {
  return appendAudit(tx, { ...entry, actorKind: 'staff', actorId: ctx.staff?.id ?? null }, ctx.services.now(), ctx.services.db.auditKeys);
}

/** Records a citizen's action (submission, rating, review request): no identity, the connection address only. */
export function auditCitizen(tx: Executor, ctx: Context, entry: Omit<AuditEntry, 'actorKind' | 'actorId'>): Promise<string> {
  return appendAudit(tx, { ...entry, actorKind: 'citizen', actorId: null }, ctx.services.now(), ctx.services.db.auditKeys);
}
