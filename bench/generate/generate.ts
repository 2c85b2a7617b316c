/**
 * A realistic database for benchmarks and reports (issue 11): the demo's units, staff and categories, then
 * `cases` cases spread over the last `years` years, across every ward, commune, branch and department, written
 * in batches. The same seed and `now` give the same cases.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  CASE_DAY_FACTS_FILL_STATEMENTS,
  DASHBOARD_COUNTS_FILL_STATEMENTS,
  Db,
  UNIT_DAY_FACTS_FILL_STATEMENTS,
  loadWorkingCalendars,
  migrate,
  type WorkingCalendars,
} from '@pakn/db';
import { BUILT_IN_CATEGORIES } from '@pakn/domain';
import { DEMO_SITE_KEY, seedDemo } from '@pakn/server';
import { batchOfCases, type BatchContext } from './cases.ts';
import type { Actors } from './lifecycle.ts';
import { Random } from './random.ts';
import { CaseWriter } from './write.ts';

export interface GenerateOptions {
  /** A file that does not exist yet. */
  readonly path: string;
  readonly cases: number;
  readonly seed: number;
  /** The end of the period; generated history never goes past it. */
  readonly now: Date;
  readonly years?: number;
  readonly batchSize?: number;
  readonly onProgress?: (written: number) => void;
}

export interface GenerateSummary {
  readonly cases: number;
  readonly events: number;
  readonly seconds: number;
}

interface UnitRow {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
}

/** Staff the generated history is acted by: a handler and a head per unit, four officers and a director. */
function writeStaff(writer: CaseWriter, units: readonly UnitRow[], passwordHash: string, now: string): Actors {
  const add = (id: string, username: string, name: string, role: string, unitId: string | null) =>
    writer.exec(
      'INSERT INTO staff (id, username, display_name, password_hash, role, unit_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id,
      username,
      name,
      passwordHash,
      role,
      unitId,
      now,
    );
  const intake = [1, 2, 3, 4].map((n) => {
    add(`gen-intake-${n}`, `gen.tiepnhan${n}`, `Cán bộ tiếp nhận ${n}`, 'intake_officer', 'centre');
    return `gen-intake-${n}`;
  });
  add('gen-director', 'gen.giamdoc', 'Phó Giám đốc Trung tâm', 'director', 'centre');
  for (const unit of units) {
    add(`gen-${unit.id}-handler`, `gen.xuly.${unit.id}`, `Cán bộ xử lý (${unit.name})`, 'unit_handler', unit.id);
    add(`gen-${unit.id}-head`, `gen.lanhdao.${unit.id}`, `Lãnh đạo ${unit.name}`, 'unit_head', unit.id);
  }
  return { intake, director: 'gen-director', handler: (u) => `gen-${u}-handler`, head: (u) => `gen-${u}-head` };
}

/** Handling units with the weights of real traffic: most cases concern wards and communes, then branches. */
function unitDrawer(rng: Random, units: readonly UnitRow[]): () => string {
  const byKind = (kinds: readonly string[]) => units.filter((u) => kinds.includes(u.kind)).map((u) => u.id);
  const local = byKind(['ward', 'commune']);
  const branches = byKind(['branch']);
  const departments = byKind(['department']);
  return () => {
    const r = rng.next();
    return rng.pick(r < 0.55 ? local : r < 0.9 ? branches : departments);
  };
}

/**
 * Migrates and seeds the demo's organisation (no sample cases) with the application's own code; returns the
 * working calendars the application will count with.
 */
async function prepare(path: string, now: Date): Promise<WorkingCalendars> {
  const db = await Db.open({ url: `file:${path}` });
  try {
    await migrate(db);
    await seedDemo(db, { demoSiteOrigins: ['http://localhost:8081', 'http://127.0.0.1:8081'], now, withSampleCases: false });
    return await loadWorkingCalendars(db);
  } finally {
    db.close();
  }
}

export async function generateDatabase(options: GenerateOptions): Promise<GenerateSummary> {
  if (existsSync(options.path)) throw new Error(`${options.path} exists: the generator writes a new file only`);
  const start = performance.now();
  const calendars = await prepare(options.path, options.now);
  const writer = new CaseWriter(options.path, calendars);
  try {
    const units = writer.all("SELECT id, kind, name FROM units WHERE kind != 'centre' ORDER BY id") as UnitRow[];
    // The generated staff sign in with the demo password: the same hash as the demo's intake officer.
    const [officer] = writer.all("SELECT password_hash FROM staff WHERE username = 'tiepnhan'") as { password_hash: string }[];
    if (!officer) throw new Error('The demo seed has no intake officer');
    const passwordHash = officer.password_hash;
    const rng = new Random(options.seed);
    const now = options.now.getTime();
    const span = Math.round((options.years ?? 3) * 365.25 * 86400_000);
    const actors = writeStaff(writer, units, passwordHash, options.now.toISOString());
    const names = new Map(units.map((u) => [u.id, u.name]));
    let counter = 0;
    const ctx: BatchContext = {
      rng,
      now,
      actors,
      unitName: (id) => names.get(id) ?? id,
      letterNumbers: new Map(),
      categories: BUILT_IN_CATEGORIES,
      drawUnit: unitDrawer(rng, units),
      newId: () => `gen-${options.seed}-${(counter++).toString(36)}`,
      seed: options.seed,
      total: options.cases,
      from: now - span,
      // The last cases arrive during the final day: the inbox has today's work.
      span: span - 3600_000,
      referenceNumbers: new Map(),
      siteKey: DEMO_SITE_KEY,
      accessKeyHash: (raw) => createHash('sha256').update(raw).digest('hex'),
    };
    const batch = options.batchSize ?? 5000;
    // Secondary indexes are built once at the end, from sorted keys, rather than row by row at random places.
    const indexes = writer.all(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN ('cases', 'case_events', 'contacts', 'letters', 'unit_records')`,
    ) as { name: string; sql: string }[];
    for (const index of indexes) writer.exec(`DROP INDEX ${index.name}`);
    // The evaluation's daily sums (migration 0019), the reports' counts of cases (0022) and the dashboard's counts
    // (0023) are counted once at the end, as their backfills do, rather than by a trigger per row (some of which
    // read the letters through an index dropped above).
    const triggers = writer.all(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'unit_day_facts_%' OR name LIKE 'case_day_facts_%' OR name LIKE 'dashboard_counts_%')",
    ) as {
      name: string;
      sql: string;
    }[];
    for (const trigger of triggers) writer.exec(`DROP TRIGGER ${trigger.name}`);
    for (let from = 0; from < options.cases; from += batch) {
      writer.writeBatch(batchOfCases(ctx, from, Math.min(options.cases, from + batch)));
      options.onProgress?.(Math.min(options.cases, from + batch));
    }
    for (const index of indexes) writer.exec(index.sql);
    for (const sql of UNIT_DAY_FACTS_FILL_STATEMENTS) writer.exec(sql);
    for (const sql of CASE_DAY_FACTS_FILL_STATEMENTS) writer.exec(sql);
    for (const sql of DASHBOARD_COUNTS_FILL_STATEMENTS) writer.exec(sql);
    for (const trigger of triggers) writer.exec(trigger.sql);
    for (const [year, last] of ctx.referenceNumbers) writer.exec('INSERT INTO reference_counters (year, last) VALUES (?, ?)', year, last);
    // One merged index, as an index that has lived for years converges to by automerge.
    writer.exec("INSERT INTO case_search (case_search) VALUES ('optimize')");
    writer.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return { cases: options.cases, events: writer.events, seconds: (performance.now() - start) / 1000 };
  } finally {
    writer.close();
  }
}
