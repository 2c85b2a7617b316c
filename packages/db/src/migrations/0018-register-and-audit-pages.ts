import type { Migration } from './migration.ts';

/**
 * Issue 11: the forwarding register and the audit log page by keyset on indexes that match each list's order
 * and filter, and count from the same indexes (see letters.ts letterRegisterPage and audit.ts listAuditPage).
 * - The register: the year's approved letters by number (the Centre), the same for one unit (a unit sees only
 *   the letters sent to it), then the year's drafts newest first. The approved ones' indexes are partial (only
 *   approved letters have a number); the approved letters are counted per year and unit by triggers, the drafts
 *   (a handful) in their index.
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
    // The approved letters of each year and unit, kept by triggers (as case_counts are): counting a year's range of
    // letters_approved read ~260k index entries (16 ms) at a million cases; this reads a row per unit.
    `CREATE TABLE letter_counts (year INTEGER NOT NULL, unit_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (year, unit_id)) STRICT, WITHOUT ROWID`,
    `INSERT INTO letter_counts (year, unit_id, n) SELECT year, unit_id, COUNT(*) FROM letters WHERE status = 'approved' GROUP BY year, unit_id`,
    `CREATE TRIGGER letters_counted_insert AFTER INSERT ON letters WHEN NEW.status = 'approved' BEGIN
       INSERT INTO letter_counts (year, unit_id, n) VALUES (NEW.year, NEW.unit_id, 1) ON CONFLICT (year, unit_id) DO UPDATE SET n = n + 1;
     END`,
    `CREATE TRIGGER letters_counted_approve AFTER UPDATE OF status ON letters WHEN NEW.status = 'approved' AND OLD.status <> 'approved' BEGIN
       INSERT INTO letter_counts (year, unit_id, n) VALUES (NEW.year, NEW.unit_id, 1) ON CONFLICT (year, unit_id) DO UPDATE SET n = n + 1;
     END`,
    `CREATE TRIGGER letters_counted_delete AFTER DELETE ON letters WHEN OLD.status = 'approved' BEGIN
       UPDATE letter_counts SET n = n - 1 WHERE year = OLD.year AND unit_id = OLD.unit_id;
     END`,
    // Not partial: with `status` first it beats letters_decided (status, decided_at…) for the drafts' range.
    `CREATE INDEX letters_drafts ON letters(status, drafted_at, id)`,
    `DROP INDEX audit_entity`,
    `CREATE INDEX audit_entity_id ON audit_log(entity_id, at)`,
    `CREATE INDEX audit_entity_type ON audit_log(entity_type, at)`,
    `CREATE INDEX audit_action ON audit_log(action, at)`,
    `CREATE INDEX audit_actor ON audit_log(actor_id, at)`,
    `CREATE INDEX audit_at ON audit_log(at)`,
    // The whole log's count, kept by a trigger: the log only grows (its triggers refuse updates and deletes), and a
    // COUNT(*) would read every entry of an index for the unfiltered list's total.
    `CREATE TABLE audit_log_count (n INTEGER NOT NULL) STRICT`,
    `INSERT INTO audit_log_count (n) SELECT COUNT(*) FROM audit_log`,
    `CREATE TRIGGER audit_log_counted AFTER INSERT ON audit_log BEGIN UPDATE audit_log_count SET n = n + 1; END`,
  ],
};
