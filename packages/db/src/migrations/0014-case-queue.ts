import type { Migration } from './migration.ts';

const CLOSED = `('answered', 'referred', 'merged')`;

/**
 * Issue 11: the lists page through an index instead of loading the oldest cases and sorting them in memory.
 * Each case row carries its list key (`queue_rank`, `queue_at`, see caseQueueKey in the domain): the rank of
 * urgency and the deadline of its current stage (or its receipt). The deadline needs the working calendar,
 * which SQL cannot compute: closed cases get their key here, open ones are computed at start (migrate.ts), and
 * a NULL rank means "not computed yet". `case_counts` keeps the number of cases per unit and status, kept by
 * triggers, so that a list's total is a sum over a few rows, never a count over the table.
 */
export const caseQueue: Migration = {
  version: 14,
  name: 'case-queue',
  statements: [
    `ALTER TABLE cases ADD COLUMN queue_rank INTEGER`,
    `ALTER TABLE cases ADD COLUMN queue_at TEXT`,
    `UPDATE cases SET queue_rank = 4, queue_at = created_at WHERE status IN ${CLOSED}`,
    `CREATE INDEX cases_queue ON cases(queue_rank, queue_at, id)`,
    `CREATE INDEX cases_status_queue ON cases(status, queue_rank, queue_at, id)`,
    `CREATE INDEX cases_unit_queue ON cases(unit_id, queue_rank, queue_at, id)`,
    `CREATE INDEX cases_unit_status_queue ON cases(unit_id, status, queue_rank, queue_at, id)`,
    `CREATE INDEX cases_assigned_queue ON cases(assigned_to, queue_rank, queue_at, id) WHERE assigned_to IS NOT NULL`,
    `CREATE TABLE case_counts (
      unit_id TEXT NOT NULL,
      status TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (unit_id, status)
    ) WITHOUT ROWID`,
    `INSERT INTO case_counts (unit_id, status, n) SELECT IFNULL(unit_id, ''), status, COUNT(*) FROM cases GROUP BY 1, 2`,
    `CREATE TRIGGER case_counts_insert AFTER INSERT ON cases BEGIN
      INSERT INTO case_counts (unit_id, status, n) VALUES (IFNULL(new.unit_id, ''), new.status, 1)
        ON CONFLICT (unit_id, status) DO UPDATE SET n = n + 1;
    END`,
    `CREATE TRIGGER case_counts_delete AFTER DELETE ON cases BEGIN
      UPDATE case_counts SET n = n - 1 WHERE unit_id = IFNULL(old.unit_id, '') AND status = old.status;
    END`,
    `CREATE TRIGGER case_counts_update AFTER UPDATE OF status, unit_id ON cases
      WHEN old.status IS NOT new.status OR old.unit_id IS NOT new.unit_id BEGIN
      UPDATE case_counts SET n = n - 1 WHERE unit_id = IFNULL(old.unit_id, '') AND status = old.status;
      INSERT INTO case_counts (unit_id, status, n) VALUES (IFNULL(new.unit_id, ''), new.status, 1)
        ON CONFLICT (unit_id, status) DO UPDATE SET n = n + 1;
    END`,
  ],
};
