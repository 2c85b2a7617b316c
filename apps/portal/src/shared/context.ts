import { ContextConsumer, createContext, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StaffMember } from '@pakn/domain';
import { paknClient } from './client.ts';
import type { UnitView } from './units.ts';

/**
 * What the shell knows and every feature needs: the signed-in staff member and the list of units. The shell
 * provides them (`@lit/context`); a feature reads them with `StaffController` / `UnitsController`, which ask
 * the server themselves when no shell answers (a feature mounted alone on another intranet page, ADR 0003).
 */
export const staffContext = createContext<StaffMember | null | undefined>(Symbol('pakn-staff'));
export const unitsContext = createContext<readonly UnitView[] | undefined>(Symbol('pakn-units'));

/** Asks the shell (once the units changed) to read the unit list again, for every feature that shows it. */
export class UnitsChangedEvent extends Event {
  static readonly type = 'pakn-units-changed';
  constructor() {
    super(UnitsChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pakn-units-changed': UnitsChangedEvent;
  }
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * One value from the shell's context, or from the server when no provider answers. `value` is undefined
 * until known; the host re-renders when it arrives or changes.
 */
class SharedValueController<T> implements ReactiveController {
  protected readonly host: Host;
  readonly #fallback: () => Promise<T>;
  #answered = false;
  #fetched = false;
  #value: T | undefined;

  constructor(host: Host, context: Context<unknown, T | undefined>, fallback: () => Promise<T>) {
    this.host = host;
    this.#fallback = fallback;
    // Created first, so that its request goes out (and a provider answers, synchronously) before hostConnected below.
    new ContextConsumer(host, {
      context,
      subscribe: true,
      callback: (value) => {
        this.#answered = true;
        this.#value = value;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  get value(): T | undefined {
    return this.#value;
  }

  /** Whether a shell provides the value (otherwise the controller asked the server). */
  get provided(): boolean {
    return this.#answered;
  }

  hostConnected(): void {
    if (this.#answered || this.#fetched) return;
    this.#fetched = true;
    void this.refresh();
  }

  /** Reads the value from the server again (alone on a page; with a shell, the shell's value wins). */
  async refresh(): Promise<void> {
    try {
      const value = await this.#fallback();
      if (this.#answered) return;
      this.#value = value;
      this.host.requestUpdate();
    } catch {
      // The feature's own calls report the failure (a lost session, the network) in the usual way.
    }
  }
}

/** The signed-in staff member (null when signed out), from the shell or from the server. */
export class StaffController extends SharedValueController<StaffMember | null> {
  constructor(host: Host) {
    super(host, staffContext, () => paknClient().auth.me.query());
  }
}

/** The list of units, from the shell or from the server. */
export class UnitsController extends SharedValueController<readonly UnitView[]> {
  constructor(host: Host) {
    super(host, unitsContext, () => paknClient().unit.list.query());
  }

  /** The units changed (this page changed them): the shell re-reads them for every feature, or this reads them again alone. */
  async changed(): Promise<void> {
    if (this.provided) this.host.dispatchEvent(new UnitsChangedEvent());
    else await this.refresh();
  }
}
