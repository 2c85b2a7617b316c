import type { Migration } from './migration.ts';

/**
 * Issue 5, first part: the tamper-evident audit log, the notification outbox, contacts from every channel,
 * the directory of competent authorities, and what the Centre records against units.
 */
export const recordsAndIntake: Migration = {
  version: 4,
  name: 'records-and-intake',
  statements: [
    // Append-only: each row carries the hash of the previous one, so a changed or removed row breaks the chain.
    `CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system')),
      actor_id TEXT,
      action TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id TEXT,
      before_json TEXT,
      after_json TEXT,
      reason TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    ) STRICT`,
    `CREATE INDEX audit_entity ON audit_log(entity_type, entity_id, seq)`,
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    // Notifications wait here until delivered; a failed attempt is retried later with backoff.
    `CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      created_at TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('email')),
      recipient TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      case_id TEXT REFERENCES cases(id),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      sent_at TEXT
    ) STRICT`,
    `CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at)`,
    // Every contact: the first report and each "called again" about an existing case.
    `CREATE TABLE contacts (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      channel TEXT NOT NULL,
      at TEXT NOT NULL,
      phone TEXT,
      summary TEXT,
      recorded_by TEXT REFERENCES staff(id),
      is_follow_up INTEGER NOT NULL DEFAULT 0
    ) STRICT`,
    `CREATE INDEX contacts_case ON contacts(case_id, at)`,
    `CREATE INDEX contacts_phone ON contacts(phone, at)`,
    `CREATE INDEX contacts_day ON contacts(at)`,
    `CREATE TABLE authorities (
      id TEXT PRIMARY KEY,
      out_of_scope_class TEXT NOT NULL,
      name_vi TEXT NOT NULL,
      name_en TEXT NOT NULL,
      referral_vi TEXT NOT NULL,
      referral_en TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    // Reminders (đôn đốc), escalations, reprimands (nhắc nhở, chấn chỉnh), commendations (biểu dương).
    `CREATE TABLE unit_records (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL REFERENCES units(id),
      case_id TEXT REFERENCES cases(id),
      kind TEXT NOT NULL CHECK (kind IN ('reminder', 'escalation', 'reprimand', 'correction', 'commendation')),
      note TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff(id),
      at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX unit_records_unit ON unit_records(unit_id, at)`,
    `ALTER TABLE units ADD COLUMN under_inspection INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE cases ADD COLUMN merged_into TEXT REFERENCES cases(id)`,
    `ALTER TABLE cases ADD COLUMN wants_updates INTEGER NOT NULL DEFAULT 0`,
  ],
};
