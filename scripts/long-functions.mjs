#!/usr/bin/env node
/**
 * Lists every function longer than the house limit (80 lines), and every file over 500 lines, using the TypeScript compiler's parser so that
 * methods, getters, constructors, arrow functions and function expressions are all found. Exits 1 when any
 * function is over the limit, so that it can run in `pnpm check` or CI.
 *
 *   node scripts/long-functions.mjs                      # apps, packages, e2e, scripts, bench
 *   node scripts/long-functions.mjs apps/widget/src e2e  # only these directories (or files)
 *   node scripts/long-functions.mjs --max 60 apps        # another limit
 *   node scripts/long-functions.mjs --all apps/widget    # also print every function over half the limit
 *
 * A function's length is the lines from its first token to its closing brace, nested functions included (a
 * function that holds a long callback is long too). Not counted: the callbacks of `describe(...)`,
 * `test.describe(...)` and `suite(...)`, which group tests rather than run code; each test inside them is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SKIP_DIRS = new Set(['node_modules', 'dist', 'build-output', 'coverage', 'test-results', 'playwright-report', '.git', '.vite']);
const EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;
const DEFAULT_DIRS = ['apps', 'packages', 'e2e', 'scripts', 'bench'];

function parseArgs(argv) {
  const options = { max: 80, all: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--max') options.max = Number(argv[++i]);
    else if (arg.startsWith('--max=')) options.max = Number(arg.slice('--max='.length));
    else if (arg === '--all') options.all = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/long-functions.mjs [--max N] [--all] [dir-or-file ...]');
      process.exit(0);
    } else options.paths.push(arg);
  }
  if (!Number.isInteger(options.max) || options.max < 1) {
    console.error('long-functions: --max needs a positive whole number of lines.');
    process.exit(2);
  }
  if (options.paths.length === 0) options.paths = DEFAULT_DIRS;
  return options;
}

/** Every source file under `path` (a directory or a file), declaration files left out. */
function* sourceFiles(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    console.error(`long-functions: ${path} does not exist.`);
    process.exitCode = 2;
    return;
  }
  if (stat.isFile()) {
    if (EXTENSIONS.test(path) && !path.endsWith('.d.ts')) yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sourceFiles(join(path, entry.name));
    } else if (EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts')) yield join(path, entry.name);
  }
}

/** `describe(...)`, `test.describe(...)`, `describe.skip(...)`, `describe.each(...)(...)`, `suite(...)`. */
function isGroupingCall(node) {
  let callee = node.expression;
  if (ts.isCallExpression(callee)) callee = callee.expression;
  const text = callee.getText();
  return /(?:^|\.)(?:describe|suite)(?:\.\w+)*$/.test(text);
}

function functionName(node, source) {
  if (node.name) return node.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) {
    // `a.b(c).mutation(...)` is named by its last link, `.mutation`.
    const callee = ts.isPropertyAccessExpression(parent.expression) ? `.${parent.expression.name.text}` : parent.expression.getText(source);
    const first = parent.arguments[0];
    const label = first && ts.isStringLiteralLike(first) ? `'${first.text.slice(0, 60)}'` : '';
    return `${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee}(${label}) callback`;
  }
  return '(anonymous)';
}

function measure(file, root) {
  const text = readFileSync(file, 'utf8');
  const kind = /\.[cm]?tsx$|\.jsx$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const grouping = ts.isCallExpression(node.parent) && node.parent.arguments.includes(node) && isGroupingCall(node.parent);
      if (!grouping) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
        found.push({ file: relative(root, file), line: start, lines: end - start + 1, name: functionName(node, source) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The house limit for a whole file, tests included. */
const MAX_FILE_LINES = 500;

const options = parseArgs(process.argv.slice(2));
const root = process.cwd();
const functions = [];
const longFiles = [];
let files = 0;
for (const path of options.paths) {
  for (const file of sourceFiles(resolve(root, path))) {
    files++;
    functions.push(...measure(file, root));
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    if (lines > MAX_FILE_LINES) longFiles.push({ file: relative(root, file), lines });
  }
}
for (const f of longFiles) console.log(`OVER ${String(f.lines).padStart(4)}  ${f.file}  (the whole file; the limit is ${MAX_FILE_LINES} lines)`);

const threshold = options.all ? Math.ceil(options.max / 2) : options.max + 1;
const shown = functions.filter((f) => f.lines >= threshold).sort((a, b) => b.lines - a.lines);
const offenders = shown.filter((f) => f.lines > options.max);
for (const f of shown) {
  console.log(`${f.lines > options.max ? 'OVER' : '    '} ${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
}
console.log(
  `long-functions: ${files} files, ${functions.length} functions, ${offenders.length} over ${options.max} lines; ${longFiles.length} files over ${MAX_FILE_LINES} lines.`,
);
if (offenders.length || longFiles.length) process.exitCode = 1;
