// First: Lit warns once that it runs in dev mode (Vite serves its development build, which checks more).
import './quiet-lit.ts';
import { afterEach, beforeEach } from 'vitest';
import { cleanUpComponents } from './component.ts';
import { installFakeApi, uninstallFakeApi } from './fake-api.ts';

/**
 * Runs around every component test (vitest.browser.config.ts `setupFiles`). Before: the page in Vietnamese
 * like the portal's index.html (`<html lang="vi">`: elements without a `lang` and the API client's
 * `x-pakn-lang` follow it; a test may set it to 'en') and a fresh fake server behind `fetch`. After: the
 * mounted elements removed, the real `fetch` back, and the test failed if the component made a request
 * nobody answered (an unexpected call is a finding, not noise).
 */
beforeEach(() => {
  document.documentElement.lang = 'vi';
  installFakeApi();
});

afterEach(() => {
  cleanUpComponents();
  const problems = uninstallFakeApi();
  if (problems.length > 0) throw new Error(`The fake API saw requests the test did not expect:\n- ${problems.join('\n- ')}`);
});
