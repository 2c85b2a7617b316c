// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserPackages = ['apps/widget/src/**/*.ts', 'apps/portal/src/**/*.ts', 'packages/api-client/src/**/*.ts'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'e2e/.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript tooling scripts run on Node.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a const object and a type of the same name instead of enum.' },
      ],
    },
  },
  {
    // Browser code may know the server's router only as a type.
    files: browserPackages,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@pakn/api', message: 'Browser code imports AppRouter as a type only.', allowTypeImports: true },
            { name: '@pakn/db', message: 'Browser code never imports the database.' },
            { name: '@pakn/server', message: 'Browser code never imports the server.' },
            // Issue 9: stored text (a citizen's report, a unit's name) always renders as text, never as markup.
            ...['unsafe-html', 'unsafe-svg', 'unsafe-mathml'].flatMap((d) => [
              { name: `lit/directives/${d}.js`, message: 'Stored text renders as text: bind it, never as HTML (issue 9, e2e/tests/xss.spec.ts).' },
              { name: `lit-html/directives/${d}.js`, message: 'Stored text renders as text: bind it, never as HTML (issue 9, e2e/tests/xss.spec.ts).' },
            ]),
          ],
          patterns: [{ group: ['node:*'], message: 'Browser code cannot use Node built-ins.' }],
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
