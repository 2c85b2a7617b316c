import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '@pakn/domain';
import { elementLang } from '../i18n.ts';

/** What the language controller needs of its element: Lit's host, plus the `lang` attribute as a property. */
export type LangHost = ReactiveControllerHost & Element & { lang: string };

/** The elements whose language follows the page's `<html lang>`; one observer serves them all. */
const followers = new Set<LangHost>();
let observer: MutationObserver | undefined;

function follow(host: LangHost): void {
  followers.add(host);
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const follower of followers) follower.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

function unfollow(host: LangHost): void {
  followers.delete(host);
  if (followers.size > 0 || !observer) return;
  observer.disconnect();
  observer = undefined;
}

/**
 * The language an element renders in: its own `lang` attribute first, then the page's `<html lang>`, which
 * it watches, so that a feature mounted alone on another page follows that page's language switch too.
 *
 *     readonly #lang = new LangController(this);
 *     render() { const lang = this.#lang.value; return html`<h1>${STRINGS.heading[lang]}</h1>`; }
 */
export class LangController implements ReactiveController {
  readonly #host: LangHost;

  constructor(host: LangHost) {
    this.#host = host;
    host.addController(this);
  }

  /** `vi` or `en`. */
  get value(): Lang {
    return elementLang(this.#host.lang);
  }

  hostConnected(): void {
    follow(this.#host);
  }

  hostDisconnected(): void {
    unfollow(this.#host);
  }
}
