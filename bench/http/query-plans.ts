/**
 * The query plans behind each list, search and report: the bench runs the same procedures in-process on
 * the same database with a recording connection, then asks SQLite for the EXPLAIN QUERY PLAN of every SELECT
 * they ran. A plan step that scans cases, case_events, letters or audit_log whole is flagged.
 */
import { createApiServices, createCaller, type Context } from '@pakn/api';
import { Db, listStaffOfUnit, type Executor } from '@pakn/db';
type InStatement = Parameters<Executor['execute']>[0];
import type { StaffCall } from './api-calls.ts';

export interface QueryPlan {
  readonly call: string;
  readonly sql: string;
  readonly plan: readonly string[];
  /** Plan steps that read every row of cases, case_events, letters or audit_log. */
  readonly fullScans: readonly string[];
}

/** The request of a staff member in the portal: same origin, with the CSRF header. */
export const STAFF_REQUEST: Context['request'] = {
  origin: 'http://pakn.bench',
  ownOrigin: 'http://pakn.bench',
  hasCsrfHeader: true,
  clientAddress: '127.0.0.1',
  lang: 'vi',
  sessionToken: null,
  setSessionCookie: () => undefined,
};

function statementOf(stmt: InStatement): { sql: string; args: unknown } {
  return typeof stmt === 'string' ? { sql: stmt, args: [] } : { sql: stmt.sql, args: stmt.args ?? [] };
}

/** The tables whose whole-table reads are flagged: the big ones, which grow with the cases. */
const WATCHED = ['cases', 'case_events', 'letters', 'audit_log'];

/** Names that stand for a watched table in a statement: the tables and their aliases. */
function watchedNames(sql: string): Set<string> {
  const names = new Set(WATCHED);
  for (const m of sql.matchAll(new RegExp(String.raw`\b(${WATCHED.join('|')})\s+(?:AS\s+)?([a-z_]\w*)`, 'gi'))) {
    const alias = m[2]?.toLowerCase();
    if (alias && !['where', 'join', 'on', 'left', 'inner', 'group', 'order', 'limit', 'set'].includes(alias)) names.add(alias);
  }
  return names;
}

/** A plan step such as `SCAN c` or `SCAN cases USING INDEX cases_status` (a whole-index walk) reads every row. */
function isFullScan(detail: string, names: ReadonlySet<string>): boolean {
  const m = /^SCAN (\w+)/.exec(detail);
  return m?.[1] !== undefined && names.has(m[1].toLowerCase());
}

function recording(db: Db, seen: InStatement[]): void {
  const execute = db.execute.bind(db);
  const write = db.write.bind(db);
  db.execute = (stmt) => {
    seen.push(stmt);
    return execute(stmt);
  };
  db.write = (fn) =>
    write((tx) => {
      const recorded: Executor = {
        execute: (stmt) => {
          seen.push(stmt);
          return tx.execute(stmt);
        },
      };
      return fn(recorded);
    });
}

type Procedure = (input: unknown) => Promise<unknown>;

export async function queryPlans(path: string, calls: readonly StaffCall[], now: Date): Promise<QueryPlan[]> {
  const db = await Db.open({ url: `file:${path}` });
  try {
    const centre = await listStaffOfUnit(db, 'centre');
    const seen: InStatement[] = [];
    recording(db, seen);
    const services = createApiServices({ db, now: () => now });
    const plans: QueryPlan[] = [];
    for (const call of calls) {
      const staff = centre.find((s) => s.username === call.user);
      if (!staff) throw new Error(`no demo account ${call.user}`);
      const caller = createCaller({ services, request: STAFF_REQUEST, staff }) as unknown as Record<string, Record<string, Procedure>>;
      const [router = '', name = ''] = call.procedure.split('.');
      const procedure = caller[router]?.[name];
      if (!procedure) throw new Error(`unknown procedure ${call.procedure}`);
      seen.length = 0;
      await procedure(call.input);
      const distinct = new Map(seen.map((s) => [statementOf(s).sql, statementOf(s)]));
      for (const { sql, args } of distinct.values()) {
        if (!/^\s*(SELECT|WITH)/i.test(sql) || /sqlite_master|PRAGMA/i.test(sql)) continue;
        const explained = await db.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args as never });
        const plan = explained.rows.map((r) => String(r.detail));
        const names = watchedNames(sql);
        plans.push({ call: call.name, sql: sql.replace(/\s+/g, ' ').trim(), plan, fullScans: plan.filter((d) => isFullScan(d, names)) });
      }
    }
    return plans;
  } finally {
    db.close();
  }
}
