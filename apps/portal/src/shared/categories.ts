import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CategoryDefinition, Lang } from '@pakn/domain';
import { paknClient } from './client.ts';

/**
 * Case categories are data the admin edits (issue 5). Every feature that shows or offers a category reads
 * them here: one request per page load, shared by the features, dropped with `forgetCategories()` after an
 * admin changes them. Inactive categories are kept: old cases still need their label.
 */
let cached: Promise<readonly CategoryDefinition[]> | null = null;

function loadCategories(): Promise<readonly CategoryDefinition[]> {
  cached ??= paknClient()
    .category.list.query()
    .catch((error: unknown) => {
      // A failed load is not remembered: the next feature to ask tries again.
      cached = null;
      throw error;
    });
  return cached;
}

export function forgetCategories(): void {
  cached = null;
}

/**
 * Gives an element the categories: loads them when it connects and renders it again when they arrive. Labels
 * read as the key until then (or if the load fails: the page stays usable).
 */
export class CategoriesController implements ReactiveController {
  list: readonly CategoryDefinition[] | null = null;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    loadCategories().then(
      (list) => {
        this.list = list;
        this.#host.requestUpdate();
      },
      (error: unknown) => console.warn('[portal] categories could not be loaded', error),
    );
  }

  /** The stored label of a category key; the key itself while the list is loading or for an unknown key. */
  label(key: string | null | undefined, lang: Lang): string {
    if (!key) return '';
    return this.list?.find((c) => c.key === key)?.label[lang] ?? key;
  }

  /** What a pick list offers: the active categories, in the admin's order. */
  options(): CategoryDefinition[] {
    return (this.list ?? []).filter((c) => c.active);
  }

  isOffered(key: string | null | undefined): boolean {
    return this.options().some((c) => c.key === key);
  }
}
