const CANDIDATES = 'a[href],button,input,select,textarea,[tabindex]';

/** Elements reachable with Tab inside `root`, in tree order, looking into shadow roots. */
export function tabbableElements(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const element of root.children) {
    if (
      element instanceof HTMLElement &&
      element.matches(CANDIDATES) &&
      element.tabIndex >= 0 &&
      !element.matches(':disabled') &&
      element.getClientRects().length > 0
    ) {
      found.push(element);
    }
    found.push(...tabbableElements(element.shadowRoot ?? element));
  }
  return found;
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
