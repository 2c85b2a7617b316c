/**
 * `pnpm db:generate --cases 1000000 [--db data/generated-1000000.db] [--seed 1] [--years 3]`: writes a new
 * database of generated cases (never the demo database unless --db names it). Paths are relative to the
 * directory the command was started in.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDatabase } from './generate.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    db: { type: 'string' },
    seed: { type: 'string', default: '1' },
    years: { type: 'string', default: '3' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) throw new Error('--cases and --seed take whole numbers');
const root = resolve(import.meta.dirname, '../..');
const base = process.env.INIT_CWD ?? process.cwd();
const path = values.db ? resolve(base, values.db) : resolve(root, `data/generated-${cases}.db`);
// The history ends at the start of today (UTC): a re-run the same day with the same seed gives the same data.
const now = new Date(new Date().toISOString().slice(0, 10));
console.log(`db:generate: ${cases} cases, seed ${seed}, until ${now.toISOString()}, into ${path}`);
const summary = await generateDatabase({
  path,
  cases,
  seed,
  now,
  years: Number(values.years),
  onProgress: (n) => {
    if (n % 50_000 === 0 || n === cases) process.stdout.write(`  ${n} cases\n`);
  },
});
console.log(`db:generate: ${summary.cases} cases and ${summary.events} events in ${summary.seconds.toFixed(1)} s`);
