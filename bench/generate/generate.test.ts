import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServices, createCaller, sha256Hex, type Context } from '@pakn/api';
import {
  Db,
  compareDashboardCounts,
  compareCaseDayFacts,
  compareUnitDayFacts,
  getCase,
  getCaseForTracking,
  listEvents,
  listStaffOfUnit,
  loadWorkingCalendars,
  recountAnswerFacts,
  recountCaseQueues,
  searchCases,
} from '@pakn/db';
import { CLOSED_STATUSES, EXTENSION_MAX_DAYS, searchTerms } from '@pakn/domain';
import { generatedIdentity } from './cases.ts';
import { generateDatabase } from './generate.ts';

const NOW = new Date('2026-11-02T00:00:00Z');
const CASES = 300;
const SEED = 7;
const dir = mkdtempSync(join(tmpdir(), 'pakn-generate-'));
const first = join(dir, 'first.db');
const again = join(dir, 'again.db');
const other = join(dir, 'other.db');
let db: Db;

const STAFF_REQUEST: Context['request'] = {
  origin: 'http://pakn.test',
  ownOrigin: 'http://pakn.test',
  hasCsrfHeader: true,
  clientAddress: '127.0.0.1',
  lang: 'vi',
  sessionToken: null,
  setSessionCookie: () => undefined,
};

/** Every generated table row, in a stable order: what "the same data" means. */
async function generatedRows(path: string): Promise<string> {
  const file = await Db.open({ url: `file:${path}` });
  try {
    const parts: unknown[] = [];
    for (const sql of [
      'SELECT * FROM cases ORDER BY id',
      'SELECT * FROM case_events ORDER BY id',
      'SELECT * FROM letters ORDER BY id',
      'SELECT * FROM contacts ORDER BY id',
      'SELECT * FROM unit_records ORDER BY id',
      'SELECT rowid, * FROM case_search ORDER BY rowid',
      'SELECT * FROM reference_counters ORDER BY year',
      'SELECT * FROM unit_day_facts ORDER BY day, unit_id',
      'SELECT * FROM approval_repeats ORDER BY letter_id',
      'SELECT * FROM unit_day_scores ORDER BY day, unit_id',
      'SELECT * FROM unit_day_answer_days ORDER BY day, unit_id',
      'SELECT * FROM case_day_facts ORDER BY day, channel, category, scope',
      'SELECT * FROM case_month_facts ORDER BY month, channel, category, scope',
    ]) {
      parts.push((await file.execute(sql)).rows);
    }
    return JSON.stringify(parts);
  } finally {
    file.close();
  }
}

describe('the data generator', () => {
  beforeAll(async () => {
    await generateDatabase({ path: first, cases: CASES, seed: SEED, now: NOW, batchSize: 70 });
    db = await Db.open({ url: `file:${first}` });
  }, 60_000);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes cases whose history leads step by step to their status, never past now', async () => {
    const ids = (await db.execute('SELECT id FROM cases ORDER BY created_at')).rows.map((r) => String(r.id));
    expect(ids).toHaveLength(CASES);
    for (const id of ids) {
      const record = await getCase(db, id);
      const events = await listEvents(db, id);
      expect(record).not.toBeNull();
      expect(events[0]?.kind).toBe('submitted');
      let status: string | null = null;
      for (const e of events) {
        expect(e.fromStatus).toBe(status);
        expect(e.at <= NOW.toISOString()).toBe(true);
        status = e.toStatus;
      }
      expect(record?.status).toBe(status);
      if (record?.status === 'answered') expect(record.answeredAt).not.toBeNull();
      if (record?.status === 'merged') expect(await getCase(db, record.mergedInto ?? '')).not.toBeNull();
      if (record?.status === 'referred') expect(record.outOfScopeClass).not.toBeNull();
    }
  });

  it('covers every kind of story: open and closed, merged, referred, reopened, extended, paused, recorded', async () => {
    const count = async (sql: string) => Number((await db.execute(sql)).rows[0]?.n);
    const closed = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
    expect(await count(`SELECT COUNT(*) AS n FROM cases WHERE status NOT IN (${closed})`)).toBeGreaterThan(0);
    for (const status of ['answered', 'referred', 'merged']) {
      expect(await count(`SELECT COUNT(*) AS n FROM cases WHERE status = '${status}'`)).toBeGreaterThan(0);
    }
    for (const kind of ['review_requested', 'extension_approved', 'info_provided', 'forwarding_returned', 'contact_logged']) {
      expect(await count(`SELECT COUNT(*) AS n FROM case_events WHERE kind = '${kind}'`)).toBeGreaterThan(0);
    }
    expect(await count("SELECT COUNT(*) AS n FROM unit_records WHERE kind IN ('reprimand', 'commendation')")).toBeGreaterThan(0);
    expect(await count("SELECT COUNT(*) AS n FROM letters WHERE status = 'approved' AND number IS NOT NULL")).toBeGreaterThan(0);
    expect(await count('SELECT COUNT(DISTINCT channel) AS n FROM cases')).toBe(6);
    // What the application accepts: an extension of at most EXTENSION_MAX_DAYS working days.
    expect(await count('SELECT COUNT(*) AS n FROM cases WHERE extension_days IS NOT NULL')).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) AS n FROM cases WHERE extension_days > ${EXTENSION_MAX_DAYS}`)).toBe(0);
  });

  it('indexes cases as the application does: search finds them with or without diacritics', async () => {
    const sample = (await db.execute("SELECT id, reference FROM cases WHERE description LIKE '%đường%' LIMIT 1")).rows[0];
    expect(sample).toBeDefined();
    const found = (await searchCases(db, { terms: searchTerms('duong'), scope: 'all', limit: 1000 })).cases;
    expect(found.map((c) => c.id)).toContain(sample?.id);
    const byReference = (await searchCases(db, { terms: searchTerms(String(sample?.reference)), scope: 'unit' })).cases;
    expect(byReference.map((c) => c.id)).toEqual([sample?.id]);
  });

  it('lets the application read it: the inbox with a search and the evaluation of a year', async () => {
    const services = createApiServices({ db, now: () => NOW });
    const [director] = (await listStaffOfUnit(db, 'centre')).filter((s) => s.role === 'director');
    if (!director) throw new Error('The demo seed has a director');
    const caller = createCaller({ services, request: STAFF_REQUEST, staff: director });
    const found = await caller.case.inbox({ status: 'all', q: 'hồ sơ' });
    expect(found.items.length).toBeGreaterThan(0);
    const { rows: evaluation } = await caller.unit.evaluation({ from: '2025-11-01', to: '2026-10-31' });
    expect(evaluation.some((row) => row.received > 0)).toBe(true);
  });

  it('stores every list key and answer timing a full recount computes: a server starting on it has nothing to backfill', async () => {
    const count = async (sql: string) => Number((await db.execute(sql)).rows[0]?.n);
    expect(await count('SELECT COUNT(*) AS n FROM cases WHERE queue_rank IS NULL OR queue_at IS NULL')).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM case_events WHERE kind = 'answered' AND answer_state IS NULL")).toBe(0);
    // Open and closed keys, and timed answers both on time and late: the recount below compares real values.
    expect(await count('SELECT COUNT(DISTINCT queue_rank < 4) AS n FROM cases')).toBe(2);
    expect(await count("SELECT COUNT(DISTINCT answer_on_time) AS n FROM case_events WHERE kind = 'answered' AND answer_state = 2")).toBe(2);
    const before = await generatedRows(first);
    const calendars = await loadWorkingCalendars(db);
    expect(await recountCaseQueues(db, calendars, 'all')).toBe(0);
    expect(await recountAnswerFacts(db, calendars, { since: '1970-01-01T00:00:00.000Z' })).toBe(0);
    expect(await generatedRows(first)).toBe(before);
    // The evaluation's daily sums (migrations 0019 and 0021), counted after the load: a recount from their sources equals them.
    const sums = await compareUnitDayFacts(db);
    expect(sums.recounted.length).toBeGreaterThan(0);
    expect(sums.stored).toEqual(sums.recounted);
    // And the dashboard's counts (migration 0023).
    const counts = await compareDashboardCounts(db);
    expect(counts.recounted.length).toBeGreaterThan(0);
    expect(counts.stored).toEqual(counts.recounted);
    // The reports' counts of received cases (migration 0022), likewise.
    const intake = await compareCaseDayFacts(db);
    expect(intake.recounted.length).toBeGreaterThan(0);
    expect(intake.stored).toEqual(intake.recounted);
  });

  it('gives every case the access key derived from the seed', async () => {
    const { id, accessKey } = generatedIdentity(SEED, 5);
    const record = await getCase(db, id);
    const tracked = await getCaseForTracking(db, record?.reference ?? '');
    expect(tracked?.record.id).toBe(id);
    expect(tracked?.accessKeyHash).toBe(sha256Hex(accessKey));
  });

  it('writes the same data again from the same seed, and other data from another', async () => {
    await generateDatabase({ path: again, cases: CASES, seed: SEED, now: NOW, batchSize: 70 });
    await generateDatabase({ path: other, cases: CASES, seed: SEED + 1, now: NOW, batchSize: 70 });
    const expected = await generatedRows(first);
    expect(await generatedRows(again)).toBe(expected);
    expect(await generatedRows(other)).not.toBe(expected);
  }, 60_000);
});
