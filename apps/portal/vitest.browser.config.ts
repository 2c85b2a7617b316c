import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * Component tests: `src/**\/*.browser.test.ts`, each file run in a real Chromium page (Vitest browser mode
 * with Playwright). Separate from the root `vitest run`, which runs the Node tests and skips these files.
 * Run with `pnpm --filter @pakn/portal test:browser`; see "Component tests" in apps/portal/README.md.
 *
 * Playwright cannot download its own browser here: like the e2e suite, the tests drive Debian's Chromium
 * (CHROMIUM_PATH overrides the path).
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  // The app's own resolution: `#shared/*` comes from package.json "imports" (Vite reads it), and whatever
  // the app's Vite config adds to `resolve` applies here too. Its build and dev-server settings do not.
  resolve: viteConfig.resolve ?? {},
  // Pre-bundle the dependencies up front, so that Vite does not discover them mid-run and reload the page.
  optimizeDeps: { include: ['lit', '@lit/context', '@lit/task', '@trpc/client', 'zod/mini', 'uplot'] },
  test: {
    include: ['src/**/*.browser.test.ts'],
    // A fresh fake server behind fetch for each test, and the clean-up after it.
    setupFiles: ['src/test-support/setup.ts'],
    testTimeout: 20_000,
    // Retrying assertions (expect.element, expect.poll) give up after 3 s: enough for a fake answer to be
    // rendered, and a failing run stays short.
    expect: { poll: { timeout: 3_000 } },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: chromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
