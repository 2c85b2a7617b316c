/**
 * Mounting and reading portal elements in component tests. Elements are mounted in the real document of the
 * test's Chromium page, inside a fixture the setup file removes after each test.
 */

export interface MountOptions<E extends HTMLElement> {
  /** Attributes, set before the element connects (as markup would): `true` sets an empty one, `false` none. */
  readonly attributes?: Readonly<Record<string, string | boolean>>;
  /** Properties, set before the element connects (as a parent's template would). */
  readonly properties?: Partial<E>;
}

const mounted = new Set<HTMLElement>();
const listeners: (() => void)[] = [];

/**
 * Creates `<tag>`, sets its attributes and properties, connects it and waits until it has rendered.
 * The element's module must be imported by the test first (that defines the tag).
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: MountOptions<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  if (!customElements.get(tag)) throw new Error(`<${tag}> is not defined: import its module in the test`);
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false) element.setAttribute(name, value);
  }
  Object.assign(element, options.properties ?? {});
  const fixture = document.createElement('div');
  fixture.dataset.testFixture = tag;
  fixture.append(element);
  document.body.append(fixture);
  mounted.add(fixture);
  await settled(element);
  return element;
}

/** Removes every mounted element and event recorder (the setup file calls it after each test). */
export function cleanUpComponents(): void {
  for (const fixture of mounted) fixture.remove();
  mounted.clear();
  for (const remove of listeners.splice(0)) remove();
}

interface Updating {
  readonly updateComplete: Promise<boolean>;
}

function isUpdating(element: Element): element is Element & Updating {
  return 'updateComplete' in element;
}

/** Waits until a Lit element has no update pending (an update may schedule another: wait for that one too). */
export async function settled(element: Element): Promise<void> {
  if (!isUpdating(element)) return;
  for (let round = 0; round < 10; round++) {
    if (await element.updateComplete) return;
  }
  throw new Error(`<${element.localName}> keeps updating: an update schedules another every time`);
}

/** The element's open shadow root; fails the test when it has none. */
export function shadowOf(host: Element): ShadowRoot {
  if (!host.shadowRoot) throw new Error(`<${host.localName}> has no open shadow root`);
  return host.shadowRoot;
}

/** The first match of `selector` inside `host`'s shadow root; fails the test when there is none. */
export function inShadow<S extends keyof HTMLElementTagNameMap>(host: Element, selector: S): HTMLElementTagNameMap[S];
export function inShadow<E extends Element = HTMLElement>(host: Element, selector: string): E;
export function inShadow(host: Element, selector: string): Element {
  const found = shadowOf(host).querySelector(selector);
  if (!found) throw new Error(`nothing matches "${selector}" in the shadow root of <${host.localName}>`);
  return found;
}

/** Every match of `selector` inside `host`'s shadow root (possibly none). */
export function allInShadow<S extends keyof HTMLElementTagNameMap>(host: Element, selector: S): HTMLElementTagNameMap[S][];
export function allInShadow<E extends Element = HTMLElement>(host: Element, selector: string): E[];
export function allInShadow(host: Element, selector: string): Element[] {
  return [...shadowOf(host).querySelectorAll(selector)];
}

/**
 * Follows a path of selectors through nested shadow roots: `deepQuery(page, 'pakn-unit-record', 'textarea')`
 * is the textarea inside the `<pakn-unit-record>` inside `page`'s shadow root.
 */
export function deepQuery<E extends Element = HTMLElement>(host: Element, ...selectors: readonly string[]): E {
  let current: Element = host;
  for (const selector of selectors) current = inShadow(current, selector);
  return current as E;
}

/** The element that has the focus, looking through shadow roots (`document.activeElement` stops at the host). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The texts an `aria-describedby` points to, in order, resolved in the control's own (shadow) root. */
export function descriptionsOf(control: Element): string[] {
  const root = control.getRootNode() as Document | ShadowRoot;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => {
    const target = root.getElementById(id);
    if (!target) throw new Error(`aria-describedby of <${control.localName}> names "${id}", which is not in its root`);
    return target.textContent?.trim() ?? '';
  });
}

/** Adds an event listener for the rest of the test (listeners on `document` would otherwise outlive it). */
export function listen<E extends Event = Event>(target: EventTarget, type: string, listener: (event: E) => void): void {
  const untyped = (event: Event) => listener(event as E);
  target.addEventListener(type, untyped);
  listeners.push(() => target.removeEventListener(type, untyped));
}

/** Collects the events of `type` that reach `target` from now on (bubbling, composed events reach `document`). */
export function recordEvents<E extends Event = Event>(target: EventTarget, type: string): E[] {
  const events: E[] = [];
  listen<E>(target, type, (event) => events.push(event));
  return events;
}
