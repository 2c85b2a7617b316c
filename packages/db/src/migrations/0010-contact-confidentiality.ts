import type { Migration } from './migration.ts';

/**
 * Issue 9: confidentiality belongs to each contact, not only to the case. A follow-up caller or a merged
 * duplicate's caller who asked to stay hidden stays hidden on a case whose first citizen did not.
 *
 * Backfill, when in doubt hidden: a contact is open only when it is the case's own first contact (not a
 * follow-up, recorded when the case was created, with the case's number) of a case that is not confidential,
 * and no duplicate merged into that case was created at the same instant. Every other existing contact (a
 * follow-up whose flag was never recorded, a contact moved over from a merged duplicate) becomes confidential.
 *
 * The search index is emptied here and rebuilt by `migrate` (indexMissingCases): identity values are indexed
 * as whole-value tokens from now on (see case-search.ts), never as text a prefix could match.
 */
export const contactConfidentiality: Migration = {
  version: 10,
  name: 'contact-confidentiality',
  statements: [
    `ALTER TABLE contacts ADD COLUMN confidential INTEGER NOT NULL DEFAULT 1 CHECK (confidential IN (0, 1))`,
    // What a follow-up caller says of themselves, under the contact's own flag.
    `ALTER TABLE contacts ADD COLUMN name TEXT`,
    `ALTER TABLE contacts ADD COLUMN email TEXT`,
    `UPDATE contacts SET confidential = 0
       WHERE is_follow_up = 0
         AND EXISTS (SELECT 1 FROM cases AS c WHERE c.id = contacts.case_id AND c.confidential = 0 AND c.created_at = contacts.at AND c.contact_phone IS contacts.phone)
         AND NOT EXISTS (SELECT 1 FROM cases AS d WHERE d.merged_into = contacts.case_id AND d.created_at = contacts.at)`,
    `DELETE FROM case_search`,
    `DELETE FROM case_search_docs`,
    // Merges the index's segments, so that no deleted row's terms stay in its shadow tables.
    `INSERT INTO case_search (case_search) VALUES ('optimize')`,
  ],
};
