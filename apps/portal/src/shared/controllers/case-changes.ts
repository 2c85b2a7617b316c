import type { ReactiveControllerHost } from 'lit';
import type { CaseChangedEvent } from '../events.ts';

/**
 * Follows the live feed while the host is on the page: each `pakn-case-changed` (dispatched on window by the
 * shell's feed) goes to `onChange`; the listener goes when the host leaves the page. Call it in the constructor.
 */
export function followCaseChanges(host: ReactiveControllerHost, onChange: (event: CaseChangedEvent) => void): void {
  const listener = (event: CaseChangedEvent): void => onChange(event);
  host.addController({
    hostConnected: () => window.addEventListener('pakn-case-changed', listener),
    hostDisconnected: () => window.removeEventListener('pakn-case-changed', listener),
  });
}
