import type { Db } from './connection.ts';
import { initial } from './migrations/0001-initial.ts';
import { citizenIntake } from './migrations/0002-citizen-intake.ts';
import { workingCalendar } from './migrations/0003-working-calendar.ts';
import { recordsAndIntake } from './migrations/0004-records-and-intake.ts';
import { staffEmail } from './migrations/0005-staff-email.ts';
import { forwardingAndHandling } from './migrations/0006-forwarding-and-handling.ts';
import { categoriesAndTemplates } from './migrations/0007-categories-and-templates.ts';
import { answerAttachments } from './migrations/0008-answer-attachments.ts';
import { caseSearch } from './migrations/0009-case-search.ts';
import { contactConfidentiality } from './migrations/0010-contact-confidentiality.ts';
import { loginThrottleAndIdleSessions } from './migrations/0011-login-throttle-and-idle-sessions.ts';
import { auditChainKeys } from './migrations/0013-audit-chain-keys.ts';
import { caseQueue } from './migrations/0014-case-queue.ts';
import { usedProofsExpiry } from './migrations/0016-used-proofs-expiry.ts';
import { evaluationFacts } from './migrations/0017-evaluation-facts.ts';
import { registerAndAuditPages } from './migrations/0018-register-and-audit-pages.ts';
import { unitDayFacts } from './migrations/0019-unit-day-facts.ts';
import { calendarRecount } from './migrations/0020-calendar-recount.ts';
import { unitEvaluation } from './migrations/0021-unit-evaluation.ts';
import { dashboardCounts } from './migrations/0023-dashboard-counts.ts';
import { reportFacts } from './migrations/0022-report-facts.ts';
import type { Migration } from './migrations/migration.ts';
import { indexMissingCases } from './case-search.ts';
import { loadWorkingCalendars, recountCaseQueues } from './case-queue.ts';
import { recountAnswerFacts } from './answer-facts.ts';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  citizenIntake,
  workingCalendar,
  recordsAndIntake,
  staffEmail,
  forwardingAndHandling,
  categoriesAndTemplates,
  answerAttachments,
  caseSearch,
  contactConfidentiality,
  loginThrottleAndIdleSessions,
  auditChainKeys,
  caseQueue,
  usedProofsExpiry,
  evaluationFacts,
  registerAndAuditPages,
  unitDayFacts,
  calendarRecount,
  unitEvaluation,
  reportFacts,
  dashboardCounts,
];

/**
 * Brings the schema up to date. Each migration runs in its own write transaction together with its row in
 * schema_migrations, so a crash leaves the database at a known version. Safe to run at every start and from
 * several processes at once (the second waits on the write lock, then finds nothing to do).
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.execute(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`,
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.write(async (tx) => {
      const existing = await tx.execute({
        sql: 'SELECT 1 FROM schema_migrations WHERE version = ?',
        args: [migration.version],
      });
      if (existing.rows.length > 0) return false;
      for (const sql of migration.statements) await tx.execute(sql);
      await tx.execute({
        sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        args: [migration.version, migration.name, new Date().toISOString()],
      });
      return true;
    });
    if (done) applied.push(migration.version);
  }
  // The search index holds folded text, which SQL cannot compute: cases written before it existed (or by a
  // migration) are indexed here, at every start, and nothing is done once they all are.
  if (migrations.some((m) => m.version === caseSearch.version)) await indexMissingCases(db);
  // Likewise the list keys of open cases (migration 0014): their deadlines need the working calendar.
  if (migrations.some((m) => m.version === caseQueue.version)) {
    const missing = await db.execute('SELECT 1 FROM cases WHERE queue_rank IS NULL LIMIT 1');
    if (missing.rows.length > 0) await recountCaseQueues(db, await loadWorkingCalendars(db), 'missing');
  }
  // And the evaluation's answer timings (migration 0017): they need the units' working calendars. The partial
  // index holds only the rows not computed yet (empty once done): the planner would rather walk the whole other one.
  if (migrations.some((m) => m.version === evaluationFacts.version)) {
    const missing = await db.execute(
      `SELECT 1 FROM case_events INDEXED BY case_events_answer_missing WHERE kind = 'answered' AND answer_state IS NULL LIMIT 1`,
    );
    if (missing.rows.length > 0) await recountAnswerFacts(db, await loadWorkingCalendars(db), 'missing');
  }
  return applied;
}

export async function schemaVersion(db: Db): Promise<number> {
  const result = await db.execute('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations');
  return Number(result.rows[0]?.v ?? 0);
}
