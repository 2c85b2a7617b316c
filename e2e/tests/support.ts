import { randomUUID } from 'node:crypto';
import { DEMO_PORT, FIXTURE_PORT, PAKN_PORT } from '../ports.ts';
import AxeBuilder from '@axe-core/playwright';
import { expect, request, type FrameLocator, type Locator, type Page, type Request } from '@playwright/test';

export const PAKN = `http://127.0.0.1:${PAKN_PORT}`;
export const DEMO_SITE = `http://127.0.0.1:${DEMO_PORT}/`;
export const DEMO_PASSWORD = 'pakn-demo-2026';

/** Fails the test on any console error or uncaught exception (CSP violations and bundle parse errors land here). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function openWidget(page: Page) {
  await page.goto(DEMO_SITE);
  const launcher = page.getByRole('button', { name: 'Phản ánh, kiến nghị' });
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  const dialog = page.getByRole('dialog', { name: 'Phản ánh, kiến nghị' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * What the portal and the widget show while their data loads ("Đang tải…", "Đang tải chức năng…", and the
 * English ones); "Đang tải lên 30%" (an upload) is not loading.
 */
const LOADING_TEXT = /Đang tải(?:…| chức năng…)|Loading…/;

/**
 * The loading texts a person sees: text nodes of every frame's document and open shadow roots that have a box on
 * screen. Not `getByText`: a custom element's fallback text ("Đang tải…" inside `<pakn-track-form>` until it is
 * defined) stays in the light DOM unslotted and unrendered, yet its host element is visible.
 */
async function visibleLoadingTexts(page: Page): Promise<string[]> {
  const perFrame = await Promise.all(
    page.frames().map((frame) =>
      frame.evaluate((source) => {
        const pattern = new RegExp(source);
        const texts: string[] = [];
        const walk = (root: Node) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
            if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
            if (node.nodeType !== Node.TEXT_NODE || !pattern.test(node.textContent ?? '')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const boxed = Array.from(range.getClientRects()).some((r) => r.width > 0 && r.height > 0);
            // A text node at the top of a shadow root has no parent element: its host decides.
            const owner = node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
            if (boxed && owner?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) texts.push((node.textContent ?? '').trim());
          }
        };
        walk(document);
        return texts;
      }, LOADING_TEXT.source),
    ),
  );
  return perFrame.flat();
}

/**
 * A screenshot for the README, taken once the view has loaded: `ready` (the content the picture is about) is
 * visible and no loading text is. Checked again right after the capture, without waiting, so that a picture
 * of a loading view fails the test instead of landing in the docs (issue 10).
 */
export async function screenshotLoaded(page: Page, path: string, ready: Locator, options: { fullPage?: boolean; timeout?: number } = {}) {
  const { timeout, ...shot } = options;
  await expect(ready.first()).toBeVisible({ timeout });
  await expect.poll(() => visibleLoadingTexts(page), { message: `${path}: still loading`, timeout }).toEqual([]);
  await page.screenshot({ path, ...shot });
  expect(await visibleLoadingTexts(page), `${path}: loading text visible at capture`).toEqual([]);
}

export interface Receipt {
  readonly reference: string;
  readonly accessKey: string;
}

export async function submitReport(
  page: Page,
  report: { category: string; description: string; name?: string; phone?: string },
  screenshot?: string,
): Promise<Receipt> {
  const dialog = await openWidget(page);
  await dialog.getByLabel('Loại phản ánh').selectOption({ label: report.category });
  await dialog.getByLabel('Nội dung phản ánh').fill(report.description);
  if (screenshot) await screenshotLoaded(page, screenshot, dialog.getByLabel('Nội dung phản ánh'));
  if (report.name) await dialog.getByLabel('Họ và tên').fill(report.name);
  if (report.phone) await dialog.getByLabel('Số điện thoại').fill(report.phone);
  if (report.name || report.phone) await dialog.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  const reference = (await dialog.getByTestId('receipt-reference').textContent())?.trim() ?? '';
  const accessKey = (await dialog.getByTestId('receipt-access-key').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^PAKN-\d{4}-\d{6}$/);
  expect(accessKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  return { reference, accessKey };
}

export async function track(page: Page, receipt: Receipt) {
  const dialog = await openWidget(page);
  await dialog.getByRole('button', { name: 'Theo dõi phản ánh' }).click();
  await dialog.getByLabel('Mã phản ánh').fill(receipt.reference);
  await dialog.getByLabel('Mã tra cứu').fill(receipt.accessKey);
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  return dialog;
}

export async function signIn(page: Page, username: string) {
  await page.goto(`${PAKN}/portal/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

export async function openCase(page: Page, reference: string) {
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for issue 3's coverage: partner fixture pages, CSP, axe, keyboard, the staff API.

export const SITE_KEY = 'phuong-hoan-kiem';
/** The partner fixture pages' origin (e2e/fixture-server.ts), registered for the demo site in e2e runs. */
const FIXTURES = `http://127.0.0.1:${FIXTURE_PORT}`;
const LAUNCHER_NAME = 'Phản ánh, kiến nghị';
export const DIALOG_NAME = 'Phản ánh, kiến nghị';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function fixtureUrl(name: string): string {
  return `${FIXTURES}/${name}`;
}

export function launcherButton(page: Page): Locator {
  return page.getByRole('button', { name: LAUNCHER_NAME, exact: true });
}

export function widgetDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: DIALOG_NAME });
}

/**
 * Fails fast, with the reason, when the server does not let the fixture pages' origin use the API: without it
 * every fixture test would only time out waiting for the form.
 */
export async function expectFixtureOriginRegistered(): Promise<void> {
  const api = await request.newContext();
  try {
    const response = await api.fetch(`${PAKN}/trpc/site.config`, {
      method: 'OPTIONS',
      headers: { origin: FIXTURES, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-pakn-lang' },
    });
    expect(
      response.headers()['access-control-allow-origin'],
      `${FIXTURES} is not registered for site ${SITE_KEY}: apps/server must add EXTRA_SITE_ORIGINS (playwright.config.ts) to the demo site's origins`,
    ).toBe(FIXTURES);
  } finally {
    await api.dispose();
  }
}

/**
 * Records Content-Security-Policy (and Trusted Types) violations in every frame, from before the page's first
 * script. Call before `page.goto`; the returned function reads them.
 */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber} (${location.origin})`),
      true,
    );
  });
  return async () => {
    const all: string[] = [];
    for (const frame of page.frames()) {
      all.push(...(await frame.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => [])));
    }
    return all;
  };
}

export interface HostLogEntry {
  readonly type: string;
  readonly detail: Record<string, unknown> | null;
}

/** The widget events the fixture page's own script (fixtures/host.js) received on `document`. */
export function hostLog(page: Page): Promise<HostLogEntry[]> {
  return page.evaluate(() => (window as unknown as { hostLog: HostLogEntry[] }).hostLog);
}

/** A description nobody else submits, so that the server can be asked how many cases carry it. */
export function uniqueDescription(what: string): string {
  return `${what}: hồ sơ bị trả muộn, mã kiểm thử ${randomUUID()}.`;
}

/** Fills the report form's required fields (category and description), anonymously. */
export async function fillReport(form: Locator | FrameLocator, description: string, category = 'Trả kết quả muộn so với ngày hẹn') {
  await form.getByLabel('Loại phản ánh').selectOption({ label: category });
  await form.getByLabel('Nội dung phản ánh').fill(description);
}

/** Clicks "Gửi" and returns the receipt shown. */
export async function sendAndReadReceipt(form: Locator | FrameLocator): Promise<Receipt> {
  await form.getByRole('button', { name: 'Gửi', exact: true }).click();
  return readReceipt(form);
}

export async function readReceipt(form: Locator | FrameLocator): Promise<Receipt> {
  const referenceCell = form.getByTestId('receipt-reference');
  await expect(referenceCell).toHaveText(/^\s*PAKN-\d{4}-\d{6}\s*$/);
  const reference = (await referenceCell.textContent())?.trim() ?? '';
  const accessKey = (await form.getByTestId('receipt-access-key').textContent())?.trim() ?? '';
  expect(accessKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  return { reference, accessKey };
}

/** Counts the widget's calls to the PAKN API that have not finished, so a test can wait for quiet. */
export function watchApiRequests(page: Page): { inFlight(): number; started(path: string): number } {
  const open = new Set<Request>();
  const started = new Map<string, number>();
  page.on('request', (r) => {
    if (!r.url().startsWith(`${PAKN}/trpc/`)) return;
    open.add(r);
    const path = new URL(r.url()).pathname.slice('/trpc/'.length);
    started.set(path, (started.get(path) ?? 0) + 1);
  });
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  return { inFlight: () => open.size, started: (path) => started.get(path) ?? 0 };
}

export interface StaffApi {
  /** How many cases, in any status, have exactly this description. */
  casesWithDescription(description: string): Promise<number>;
  dispose(): Promise<void>;
}

/** Signs a Centre officer in to the API (as the portal does) to see every case. */
export async function signInStaffApi(username = 'tiepnhan'): Promise<StaffApi> {
  const api = await request.newContext({ baseURL: PAKN, extraHTTPHeaders: { origin: PAKN, 'x-pakn-csrf': '1' } });
  const login = await api.post('/trpc/auth.login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return {
    async casesWithDescription(description) {
      // Every page of the list (issue 11): a row carries a summary, which a short description is whole in.
      let found = 0;
      let cursor: string | null = null;
      do {
        const input = encodeURIComponent(JSON.stringify({ status: 'all', limit: 200, ...(cursor ? { cursor } : {}) }));
        const response = await api.get(`/trpc/case.inbox?input=${input}`);
        expect(response.status(), await response.text()).toBe(200);
        const page = ((await response.json()) as { result: { data: { items: { summary: string }[]; next: string | null } } }).result.data;
        found += page.items.filter((c) => c.summary === description).length;
        cursor = page.next;
      } while (cursor);
      return found;
    },
    dispose: () => api.dispose(),
  };
}

/**
 * Runs axe (WCAG 2.0-2.2 A and AA) on the page, inside open shadow roots and frames, and fails with a
 * readable list of what is wrong. `state` names the widget's state in the message.
 */
export async function expectNoAxeViolations(page: Page, state: string, options: { readonly include?: readonly string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  const readable = violations.map((v) =>
    [
      `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.helpUrl}`,
      ...v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary?.replaceAll('\n', ' ') ?? ''}`),
    ].join('\n'),
  );
  expect(readable, `axe violations with the widget ${state}`).toEqual([]);
}

export interface FocusedElement {
  /** The focused element's tag, following shadow roots down to the real focus. */
  readonly tag: string;
  /** Its label, aria-label or text. */
  readonly name: string;
  /** The outermost custom element of the widget it is in (pakn-launcher, pakn-widget), or ''. */
  readonly widget: string;
  /** Whether any of it is inside the viewport (a focused control off screen cannot be seen). */
  readonly onScreen: boolean;
}

/** What has keyboard focus, through shadow roots. */
export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return { tag: '', name: '', widget: '', onScreen: false };
    const labelled = element as Element & { labels?: NodeListOf<HTMLLabelElement> | null };
    const name = (
      element.getAttribute('aria-label') ??
      labelled.labels?.[0]?.textContent ??
      (element.localName === 'dialog' ? 'dialog' : element.textContent) ??
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    let widget = '';
    for (let node: Node | null = element; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
      if (node instanceof Element && node.localName.startsWith('pakn-')) widget = node.localName;
    }
    const r = element.getBoundingClientRect();
    const onScreen = r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight && r.width * r.height > 1;
    return { tag: element.localName, name, widget, onScreen };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element has this name (and, with `widget`, is inside that
 * widget element); fails after `max` presses.
 */
export async function tabTo(page: Page, name: string, { max = 20, backwards = false, widget = '' } = {}): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusedElement(page);
    if (focused.name === name && (!widget || focused.widget === widget)) return;
    visited.push(`${focused.tag} "${focused.name}"`);
  }
  throw new Error(`"${name}" not reached with ${backwards ? 'Shift+Tab' : 'Tab'}; visited: ${visited.join(', ')}`);
}

/** Clicks a button of the case page and waits for the status it leads to. */
export async function act(page: Page, button: string, status: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByText(status).first()).toBeVisible();
}

/** Moves the server's clock (TEST_CLOCK), e.g. past a deadline; 0 puts it back. */
export async function moveServerClock(offsetMs: number): Promise<void> {
  const res = await fetch(`${PAKN}/__test__/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
  expect(res.status).toBe(200);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
}

/** A staff member's API session, to set a case up quickly where a journey is about a later step. */
export async function staffApi(username: string) {
  const api = await request.newContext({ baseURL: PAKN, extraHTTPHeaders: { origin: PAKN, 'x-pakn-csrf': '1' } });
  const login = await api.post('/trpc/auth.login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return {
    async call<T = unknown>(path: string, input: unknown): Promise<T> {
      const response = await api.post(`/trpc/${path}`, { data: input });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      return ((await response.json()) as { result: { data: T } }).result.data;
    },
    async query<T = unknown>(path: string, input: unknown): Promise<T> {
      const response = await api.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      return ((await response.json()) as { result: { data: T } }).result.data;
    },
    dispose: () => api.dispose(),
  };
}

/** The id of the case with this reference, as the Centre sees it. */
export async function caseIdOf(reference: string): Promise<string> {
  const api = await staffApi('tiepnhan');
  // By its reference, among every case (the inbox is a page of them).
  const found = await api.query<{ id: string }>('case.findByReference', { reference });
  await api.dispose();
  return found.id;
}

/** Takes a case through the Centre to the ward's inbox, acknowledged, through the API. */
export async function forwardToWard(reference: string, acknowledge = true): Promise<string> {
  const caseId = await caseIdOf(reference);
  const intake = await staffApi('tiepnhan');
  await intake.call('case.classify', { caseId, scope: 'in', category: 'late_result' });
  await intake.call('case.draftForwarding', { caseId, unitId: 'ward-hoan-kiem', confirmSelfReview: true });
  await intake.dispose();
  const director = await staffApi('giamdoc');
  await director.call('case.approveForwarding', { caseId });
  await director.dispose();
  if (acknowledge) {
    const ward = await staffApi('xuly.hoankiem');
    await ward.call('case.acknowledge', { caseId });
    await ward.dispose();
  }
  return caseId;
}
