import type { Migration } from './migration.ts';

/**
 * Issue 9, defect 6: the audit chain becomes an HMAC chain under a key the database does not hold. Rows
 * written before keep their plain SHA-256 hashes and verify as such ('sha256', no key id); the first keyed row
 * is an `audit.key_changed` entry that records the switch, and after it an unkeyed row is a break.
 */
export const auditChainKeys: Migration = {
  version: 13,
  name: 'audit-chain-keys',
  statements: [
    `ALTER TABLE audit_log ADD COLUMN hash_alg TEXT NOT NULL DEFAULT 'sha256' CHECK (hash_alg IN ('sha256', 'hmac-sha256'))`,
    `ALTER TABLE audit_log ADD COLUMN key_id TEXT`,
  ],
};
