// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

const browserPackages = ['apps/widget/src/**/*.ts', 'apps/portal/src/**/*.ts', 'packages/api-client/src/**/*.ts'];

/** What no browser code may import (besides @pakn/api, allowed as types in packages/api-client only). */
const BROWSER_IMPORTS = {
  paths: [
    { name: '@pakn/db', message: 'Browser code never imports the database.' },
    { name: '@pakn/server', message: 'Browser code never imports the server.' },
    // Issue 9: stored text (a citizen's report, a unit's name) always renders as text, never as markup.
    ...['unsafe-html', 'unsafe-svg', 'unsafe-mathml'].flatMap((d) => [
      { name: `lit/directives/${d}.js`, message: 'Stored text renders as text: bind it, never as HTML (issue 9, e2e/tests/xss.spec.ts).' },
      { name: `lit-html/directives/${d}.js`, message: 'Stored text renders as text: bind it, never as HTML (issue 9, e2e/tests/xss.spec.ts).' },
    ]),
  ],
  patterns: [{ group: ['node:*'], message: 'Browser code cannot use Node built-ins.' }],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'e2e/.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  // Type-aware: each file is linted with the types of the tsconfig that includes it (projectService).
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Plain JavaScript tooling scripts run on Node and belong to no tsconfig: lint them without types.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    // Lit templates: bindings in valid positions, no duplicate or legacy bindings, valid HTML.
    files: ['apps/widget/src/**/*.ts', 'apps/portal/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // libsql types a row's value as `Value`, which includes ArrayBuffer for BLOB columns; String() of a TEXT column is fine.
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', 'ArrayBuffer'] }],
    },
  },
  {
    // Lit calls a template's event listeners with `this` bound to the host element (`@click=${this.close}`).
    files: ['apps/widget/src/**/*.ts', 'apps/portal/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // An async function that implements a promise-returning interface (a mail transport, a stub) needs no await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a const object and a type of the same name instead of enum.' }],
    },
  },
  {
    // Browser code may know the server's router only as a type.
    files: browserPackages,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@pakn/api', message: 'Browser code imports the API as a type only.', allowTypeImports: true }, ...BROWSER_IMPORTS.paths],
          patterns: BROWSER_IMPORTS.patterns,
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a const object and a type of the same name instead of enum.' },
        // HTML parsing sinks: what a stored-XSS payload needs. Build elements with Lit templates or DOM calls.
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
          message: 'No HTML from strings in browser code (issue 9): render with Lit or DOM calls.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]',
          message: 'No HTML from strings in browser code (issue 9): render with Lit or DOM calls.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'No document.write in browser code (issue 9).',
        },
      ],
    },
  },
  {
    // The apps reach the API's types only through @pakn/api-client (RouterInputs, RouterOutputs, StaffCaseView, ...),
    // so that one package decides what the browser may know of the server. This block repeats the browser rules
    // above because a later `@typescript-eslint/no-restricted-imports` replaces an earlier one, it does not merge.
    files: ['apps/widget/src/**/*.ts', 'apps/portal/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@pakn/api', message: "Import the API's types from @pakn/api-client." }, ...BROWSER_IMPORTS.paths],
          patterns: BROWSER_IMPORTS.patterns,
        },
      ],
    },
  },
  {
    // Tests may assert what they just arranged; vitest's asymmetric matchers (`expect.any(String)`) are typed `any`.
    files: ['**/*.test.ts', 'apps/server/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Portal features never import each other; they talk through the URL and DOM events.
    files: ['apps/portal/src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.\\./)', message: 'Features do not import each other.' },
            { group: ['../../features/**', '../../shell/**'], message: 'Features do not import each other or the shell.' },
          ],
        },
      ],
    },
  },
  {
    // Only the env module reads process.env.
    files: ['packages/**/*.ts', 'apps/**/*.ts'],
    ignores: ['apps/server/src/env.ts', '**/*.test.ts', '**/vite*.config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in apps/server/src/env.ts.' }],
    },
  },
  {
    // The domain is pure: no I/O, no clock, no environment.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '@libsql/*', 'hono', '@trpc/*'], message: 'packages/domain is pure.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The domain takes configuration as arguments.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain takes `now` as an argument.' },
        { object: 'process', property: 'env', message: 'The domain takes configuration as arguments.' },
      ],
    },
  },
);
