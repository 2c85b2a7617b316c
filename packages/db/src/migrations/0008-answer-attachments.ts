import type { Migration } from './migration.ts';

/**
 * Issue 5, files of the unit's answer. Kept apart from the citizen's `attachments`: they are uploaded by a
 * signed-in staff member for one case, linked to an answer when it is submitted, and each is either for the
 * citizen or internal. A new answer (after the Centre returned the previous one) supersedes the old files.
 */
export const answerAttachments: Migration = {
  version: 8,
  name: 'answer-attachments',
  statements: [
    `CREATE TABLE answer_attachments (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      uploaded_by TEXT NOT NULL REFERENCES staff(id),
      name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      content BLOB NOT NULL,
      created_at TEXT NOT NULL,
      linked_at TEXT,
      internal INTEGER CHECK (internal IN (0, 1)),
      superseded_at TEXT
    ) STRICT`,
    `CREATE INDEX answer_attachments_case ON answer_attachments(case_id, linked_at)`,
  ],
};
