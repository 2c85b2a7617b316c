import { BUILT_IN_CATEGORIES, BUILT_IN_CATEGORY_LABELS, DEFAULT_LETTER_TEMPLATE } from '@pakn/domain';
import type { Migration } from './migration.ts';

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * Issue 5, configuration as data: case categories and the forwarding-letter template become rows the admin
 * edits. Seeded with the built-in categories (same keys, so existing cases keep their category) and today's
 * letter as a template. Categories are never deleted, only deactivated: cases hold their key for ever.
 */
export const categoriesAndTemplates: Migration = {
  version: 7,
  name: 'categories-and-templates',
  statements: [
    `CREATE TABLE categories (
      key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 2 AND 48 AND key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_-]*'),
      label_vi TEXT NOT NULL,
      label_en TEXT NOT NULL,
      hint_vi TEXT,
      hint_en TEXT,
      position INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX categories_position ON categories(position)`,
    ...BUILT_IN_CATEGORIES.map(
      (key, i) =>
        `INSERT INTO categories (key, label_vi, label_en, position, active, created_at, updated_at)
         VALUES (${text(key)}, ${text(BUILT_IN_CATEGORY_LABELS[key].vi)}, ${text(BUILT_IN_CATEGORY_LABELS[key].en)}, ${i + 1}, 1, ${NOW}, ${NOW})`,
    ),
    // Texts the admin edits, by key; only 'forwarding_letter' for now.
    `CREATE TABLE templates (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES staff(id)
    ) STRICT`,
    `INSERT INTO templates (key, body, updated_at) VALUES ('forwarding_letter', ${text(DEFAULT_LETTER_TEMPLATE)}, ${NOW})`,
  ],
};
