import type { Migration } from './migration.ts';

/**
 * Issue 11: the forwarding register and the audit log page by keyset on indexes that match each list's order
 * and filter, and count from the same indexes (see letters.ts letterRegisterPage and audit.ts listAuditPage).
 * - The register: the year's approved letters by number (the Centre), the same for one unit (a unit sees only
 *   the letters sent to it), then the year's drafts newest first. The approved ones' indexes are partial (only
 *   approved letters have a number); the counts read nothing but the indexes.
 * - The audit log: oldest first by (at, seq); every filter has an index ending in `at` (seq, the rowid, follows
 *   in every index), so a date range narrows any of them and a page is a range read at any depth.
 *   `audit_entity` (entity_type, entity_id, seq) is replaced by the two below it: a case's entries are read by
 *   its id, the whole log by entity type.
 */
export const registerAndAuditPages: Migration = {
  version: 18,
  name: 'register-and-audit-pages',
  statements: [
    `CREATE INDEX letters_approved ON letters(year, number) WHERE status = 'approved'`,
    `CREATE INDEX letters_unit_approved ON letters(unit_id, year, number) WHERE status = 'approved'`,
    // Not partial: with `status` first it beats letters_decided (status, decided_at…) for the drafts' range.
    `CREATE INDEX letters_drafts ON letters(status, drafted_at, id)`,
    `DROP INDEX audit_entity`,
    `CREATE INDEX audit_entity_id ON audit_log(entity_id, at)`,
    `CREATE INDEX audit_entity_type ON audit_log(entity_type, at)`,
    `CREATE INDEX audit_action ON audit_log(action, at)`,
    `CREATE INDEX audit_actor ON audit_log(actor_id, at)`,
    `CREATE INDEX audit_at ON audit_log(at)`,
  ],
};
