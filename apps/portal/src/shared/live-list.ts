import { html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import type { Lang } from '@pakn/domain';
import { TaskStatus, loadTask, renderLoad, type LoadHost, type LoadOptions } from './controllers/load.ts';
import { callFailed } from './failure.ts';
import { COMMON } from './i18n.ts';

/**
 * A list that follows the live feed (the inbox, the forwarding register): a change of its filters reloads it
 * openly (the loading line replaces it), a live update reloads it quietly: the list stays on screen until the
 * new one arrives, and stays when the quiet reload fails (a lost session still tells the shell).
 */
export class LiveList<A extends readonly unknown[], R> {
  readonly task: Task<A, R>;
  readonly #lang: () => Lang;
  #quiet = false;

  constructor(host: LoadHost, options: LoadOptions<A, R>) {
    this.#lang = options.lang;
    this.task = loadTask(host, {
      ...options,
      run: async (args, signal) => {
        try {
          return await options.run(args, signal);
        } catch (error) {
          const last = this.task.value;
          if (!this.#quiet || last === undefined || signal.aborted) throw error;
          callFailed(host, error, options.lang());
          return last;
        }
      },
    });
  }

  /** The list on screen (also during a quiet reload), or undefined. */
  get value(): R | undefined {
    return this.task.status === TaskStatus.COMPLETE || this.#quiet ? this.task.value : undefined;
  }

  /** Reloads with the list kept on screen meanwhile. */
  async reloadQuietly(): Promise<void> {
    this.#quiet = true;
    try {
      await this.task.run();
    } finally {
      this.#quiet = false;
    }
  }

  /** The live line above the list: loading, or what the list holds (`count`), or nothing after a failure. */
  renderSummary(count: (value: R) => string): TemplateResult {
    const value = this.value;
    const failed = this.task.status === TaskStatus.ERROR;
    const text = value !== undefined ? count(value) : failed ? nothing : COMMON.loading[this.#lang()];
    return html`<p class="muted summary" role="status">${text}</p>`;
  }

  /** The list, or the reason it failed with a "try again" button (nothing while loading: the summary says so). */
  render(complete: (value: R) => TemplateResult, firstPage?: () => void): TemplateResult | typeof nothing {
    if (this.task.status === TaskStatus.INITIAL || (this.task.status === TaskStatus.PENDING && !this.#quiet)) return nothing;
    return renderLoad(this.task, this.#lang(), { complete, keepStale: this.#quiet, ...(firstPage ? { firstPage } : {}) });
  }
}
