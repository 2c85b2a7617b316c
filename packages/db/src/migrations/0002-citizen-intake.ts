import type { Migration } from './migration.ts';

/** Issue 3: what the widget collects and needs to submit safely, and the citizen's feedback. */
export const citizenIntake: Migration = {
  version: 2,
  name: 'citizen-intake',
  statements: [
    `ALTER TABLE cases ADD COLUMN dossier_code TEXT`,
    `ALTER TABLE cases ADD COLUMN appointment_date TEXT`,
    `ALTER TABLE cases ADD COLUMN returned_date TEXT`,
    `ALTER TABLE cases ADD COLUMN rating_score INTEGER CHECK (rating_score BETWEEN 1 AND 5)`,
    `ALTER TABLE cases ADD COLUMN rating_comment TEXT`,
    `ALTER TABLE cases ADD COLUMN rated_at TEXT`,
    // One row per idempotency key: a retry of the same report returns the same receipt. The access key is
    // sealed with a key derived from the idempotency key, which only the citizen's browser holds.
    `CREATE TABLE submissions (
      idempotency_key_hash TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      sealed_receipt TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`,
    // Proofs of work already spent, kept until their challenge expires.
    `CREATE TABLE used_proofs (
      signature TEXT PRIMARY KEY,
      expires_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      case_id TEXT REFERENCES cases(id),
      site_key TEXT NOT NULL,
      name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      content BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX attachments_case ON attachments(case_id)`,
  ],
};
