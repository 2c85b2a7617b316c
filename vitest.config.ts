import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'bench/generate/*.test.ts'],
    // Component tests run in Chromium with their app's own config (apps/portal/vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, '**/*.browser.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
