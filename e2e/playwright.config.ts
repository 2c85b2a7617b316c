import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { FIXTURE_ORIGIN } from './fixture-server.ts';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

import { DEMO_PORT, PAKN_PORT } from './ports.ts';
const database = resolve(import.meta.dirname, '.tmp/e2e.db');

export default defineConfig({
  testDir: './tests',
  // Partner pages of every kind, on a third origin (see fixture-server.ts).
  globalSetup: './global-setup.ts',
  outputDir: './.tmp/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PAKN_PORT}`,
    browserName: 'chromium',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // A fresh embedded database for every run, seeded with the demo data, on ports of its own.
    command: `node -e "require('fs').rmSync('.tmp',{recursive:true,force:true})" && pnpm --filter @pakn/server start`,
    cwd: import.meta.dirname,
    url: `http://127.0.0.1:${PAKN_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(PAKN_PORT),
      DEMO_SITE_PORT: String(DEMO_PORT),
      DATABASE_URL: `file:${database}`,
      SEED_DEMO: 'true',
      // The fixture pages' origin, registered for the demo site beside the demo site's own origins.
      EXTRA_SITE_ORIGINS: FIXTURE_ORIGIN,
      // Every e2e test submits from 127.0.0.1: the per-address and per-/24 limits would stop the suite half-way.
      RATE_LIMIT_SUBMITS_PER_HOUR: '1000',
      RATE_LIMIT_SUBMITS_PER_PREFIX_PER_HOUR: '1000',
      RATE_LIMIT_TRACKS_PER_HOUR: '1000',
      RATE_LIMIT_TRACKS_PER_PREFIX_PER_HOUR: '1000',
      RATE_LIMIT_CHALLENGES_PER_HOUR: '1000',
      RATE_LIMIT_CHALLENGES_PER_PREFIX_PER_HOUR: '1000',
      // The XSS battery (xss.spec.ts) uploads a hundred files whose names are payloads.
      RATE_LIMIT_UPLOADS_PER_HOUR: '1000',
      RATE_LIMIT_UPLOADS_PER_PREFIX_PER_HOUR: '1000',
      // The widget solves a proof of work before every submission; at the production difficulty the suite's
      // ~35 submissions cost minutes on CI's two cores. The solving path is the same at any difficulty.
      POW_MAX_NUMBER: '2000',
      // One address taking every challenge would otherwise pay up to 16 times that (see citizen-limits.ts).
      POW_MAX_MULTIPLIER: '1',
      // Lets the follow-up journey move the server's clock past a deadline (POST /__test__/clock).
      TEST_CLOCK: 'true',
      // The server's warnings stay in the run's output; its line per request would drown them.
      LOG_LEVEL: 'warn',
    },
  },
});
