import type { Migration } from './migration.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    `CREATE TABLE units (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('centre', 'branch', 'department', 'commune', 'ward')),
      name TEXT NOT NULL,
      parent_id TEXT REFERENCES units(id),
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE sites (
      key TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      allowed_origins TEXT NOT NULL CHECK (json_valid(allowed_origins)),
      default_unit_id TEXT REFERENCES units(id),
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL,
      unit_id TEXT REFERENCES units(id),
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX sessions_staff ON sessions(staff_id)`,
    `CREATE TABLE reference_counters (
      year INTEGER PRIMARY KEY,
      last INTEGER NOT NULL
    ) STRICT`,
    `CREATE TABLE cases (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      access_key_hash TEXT NOT NULL,
      channel TEXT NOT NULL,
      site_key TEXT REFERENCES sites(key),
      status TEXT NOT NULL,
      reported_category TEXT,
      category TEXT,
      out_of_scope_class TEXT,
      referral TEXT,
      concerned_unit_id TEXT REFERENCES units(id),
      unit_id TEXT REFERENCES units(id),
      description TEXT NOT NULL,
      contact_name TEXT,
      contact_phone TEXT,
      contact_email TEXT,
      confidential INTEGER NOT NULL DEFAULT 1,
      consent_at TEXT,
      lang TEXT NOT NULL DEFAULT 'vi',
      answer TEXT,
      answered_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT`,
    `CREATE INDEX cases_status ON cases(status, created_at)`,
    `CREATE INDEX cases_unit ON cases(unit_id, status, created_at)`,
    `CREATE TABLE case_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id TEXT NOT NULL REFERENCES cases(id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      actor_staff_id TEXT REFERENCES staff(id),
      note TEXT,
      visible_to_citizen INTEGER NOT NULL
    ) STRICT`,
    `CREATE INDEX case_events_case ON case_events(case_id, id)`,
  ],
};
