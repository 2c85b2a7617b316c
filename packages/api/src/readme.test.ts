import { readFileSync, writeFileSync } from 'node:fs';
import * as domain from '@pakn/domain';
import { describe, expect, it } from 'vitest';
import { appRouter } from './router.ts';
import { citizenCaseProcedures, citizenSiteProcedures } from './routers/citizen.ts';

/**
 * Issue 10: the package READMEs listed procedures (`case.forward`, `case.answer`) and domain functions that
 * did not exist. The API README's procedure table is generated from the router and checked here; to rewrite
 * it after changing the router: `UPDATE_README=1 pnpm exec vitest run packages/api/src/readme.test.ts`.
 */

const API_README = new URL('../README.md', import.meta.url);
const DOMAIN_README = new URL('../../domain/README.md', import.meta.url);
const BEGIN = '<!-- procedures:begin (generated from the router by src/readme.test.ts) -->';
const END = '<!-- procedures:end -->';

const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures;
const namespaces = new Set(Object.keys(procedures).map((p) => p.split('.')[0]));
const citizen = new Set([...Object.keys(citizenCaseProcedures).map((k) => `case.${k}`), ...Object.keys(citizenSiteProcedures).map((k) => `site.${k}`)]);

function callerOf(path: string): string {
  if (citizen.has(path)) return 'citizen (`routers/citizen.ts`)';
  if (path.startsWith('auth.')) return 'anyone (sign-in)';
  if (path === 'statistics.public') return 'anyone, any origin via `/api/v1/statistics` (`routers/statistics.ts`)';
  return 'staff';
}

/** The table of every procedure, in path order. */
function procedureTable(): string {
  const rows = Object.keys(procedures)
    .sort()
    .map((path) => `| \`${path}\` | ${procedures[path]?._def.type ?? ''} | ${callerOf(path)} |`);
  return [BEGIN, '| Procedure | Kind | Called by |', '| --- | --- | --- |', ...rows, END].join('\n');
}

/** Every `namespace.name` in backticks whose namespace is one of the router's (not a file name like `case.ts`). */
function mentionedPaths(text: string): string[] {
  return [...text.matchAll(/`([a-z]+)\.([A-Za-z]+)`/g)].filter((m) => namespaces.has(m[1] ?? '') && m[2] !== 'ts').map((m) => `${m[1]}.${m[2]}`);
}

describe('issue 10: the package READMEs name only what exists', () => {
  it('lists every procedure of the router in the API README, generated from it', () => {
    const readme = readFileSync(API_README, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(start, 'the README has the generated block').toBeGreaterThanOrEqual(0);
    const current = readme.slice(start, end + END.length);
    if (process.env.UPDATE_README === '1') writeFileSync(API_README, readme.replace(current, procedureTable()));
    else expect(current).toBe(procedureTable());
  });

  it('names no procedure that does not exist, in the API or the domain README', () => {
    for (const file of [API_README, DOMAIN_README]) {
      const unknown = mentionedPaths(readFileSync(file, 'utf8')).filter((p) => !(p in procedures));
      expect(unknown, file.pathname).toEqual([]);
    }
    // The check can fail: the stale names of the old README are caught.
    expect(mentionedPaths('`case.forward`, `case.answer`, `case.get`').filter((p) => !(p in procedures))).toEqual(['case.forward', 'case.answer']);
  });

  it('names in the domain README only what @pakn/domain exports', () => {
    const readme = readFileSync(DOMAIN_README, 'utf8');
    const exportsLine = readme.split('\n').filter((line) => line.startsWith('- Exports'));
    const named = exportsLine.flatMap((line) => [...line.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1] ?? ''));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !(name in domain))).toEqual([]);
  });
});
