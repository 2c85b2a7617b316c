import type { Migration } from './migration.ts';

/**
 * Issue 5, the process: forwarding letters in a numbered register, the Director's approval, the unit's
 * receipt, requests for more information (which pause the clock), one extension, the answer with its
 * outcome and internal notes, and assignment within the unit.
 */
export const forwardingAndHandling: Migration = {
  version: 6,
  name: 'forwarding-and-handling',
  statements: [
    `CREATE TABLE letters (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      unit_id TEXT NOT NULL REFERENCES units(id),
      status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'returned')),
      year INTEGER,
      number INTEGER,
      body TEXT NOT NULL,
      drafted_by TEXT NOT NULL REFERENCES staff(id),
      drafted_at TEXT NOT NULL,
      decided_by TEXT REFERENCES staff(id),
      decided_at TEXT,
      decision_comment TEXT,
      UNIQUE (year, number)
    ) STRICT`,
    `CREATE INDEX letters_case ON letters(case_id, drafted_at)`,
    `CREATE INDEX letters_register ON letters(year, number)`,
    `ALTER TABLE cases ADD COLUMN acknowledged_at TEXT`,
    `ALTER TABLE cases ADD COLUMN assigned_to TEXT REFERENCES staff(id)`,
    // Intervals during which the unit's clock is stopped, as JSON [{ "from": ISO, "to": ISO | null }].
    `ALTER TABLE cases ADD COLUMN pauses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pauses))`,
    `ALTER TABLE cases ADD COLUMN info_question TEXT`,
    `ALTER TABLE cases ADD COLUMN extension_status TEXT CHECK (extension_status IN ('requested', 'approved', 'refused'))`,
    `ALTER TABLE cases ADD COLUMN extension_days INTEGER`,
    `ALTER TABLE cases ADD COLUMN extension_reason TEXT`,
    `ALTER TABLE cases ADD COLUMN answer_outcome TEXT CHECK (answer_outcome IN ('substantiated', 'partly_substantiated', 'not_substantiated'))`,
    `ALTER TABLE cases ADD COLUMN internal_note TEXT`,
  ],
};
