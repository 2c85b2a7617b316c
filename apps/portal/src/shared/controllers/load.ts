import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Lang } from '@pakn/domain';
import { callFailed, LoadFailure, type Failure } from '../failure.ts';
import { loadErrorAlert } from '../form-fields.ts';
import { COMMON } from '../i18n.ts';

export { TaskStatus };

/** What a loading element is: Lit's host, and an event target the failure helper can tell the shell through. */
export type LoadHost = ReactiveControllerHost & HTMLElement;

export interface LoadOptions<A extends readonly unknown[], R> {
  /** What the load depends on; it runs again whenever these change (compared one by one). */
  readonly args: () => A;
  /** The load. Pass the signal to the client (`query(input, { signal })`) so that a superseded run is cancelled. */
  readonly run: (args: A, signal: AbortSignal) => Promise<R>;
  /** The language failure messages are written in. */
  readonly lang: () => Lang;
  /** Whether the load runs when its args change (default) or only when `run()` is called. */
  readonly autoRun?: boolean;
}

/**
 * A `Task` from `@lit/task` whose failures are already translated: whatever the call threw becomes a
 * `LoadFailure` carrying the kind and the user's-language message, and a lost session tells the shell.
 * A newer run aborts the older one, so a slow old answer can never replace a newer one on screen.
 */
export function loadTask<A extends readonly unknown[], R>(host: LoadHost, options: LoadOptions<A, R>): Task<A, R> {
  return new Task<A, R>(host, {
    args: options.args,
    autoRun: options.autoRun ?? true,
    task: async (args, { signal }) => {
      try {
        return await options.run(args, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw new LoadFailure(callFailed(host, error, options.lang()));
      }
    },
  });
}

/** The failure a task ended with, or null (also for a failure that is not a `LoadFailure`: then a network one). */
export function taskFailure(task: Task<readonly unknown[], unknown>): Failure | null {
  if (task.status !== TaskStatus.ERROR) return null;
  return task.error instanceof LoadFailure ? task.error.failure : null;
}

export interface RenderLoadOptions<R> {
  /** What the loaded value looks like. */
  readonly complete: (value: R) => TemplateResult | typeof nothing;
  /** What "not found" looks like, where a page has its own; otherwise it is an error like any other. */
  readonly notFound?: () => TemplateResult;
  /**
   * Keep showing the last value while a newer load runs (a filter change, a live update), instead of the
   * loading line. The default for re-loads; the first load always shows the loading line.
   */
  readonly keepStale?: boolean;
  /** What shows while the first load runs, where the page says "loading" elsewhere (default: the loading line). */
  readonly loading?: TemplateResult | typeof nothing;
  /**
   * Opens the list's first page, for a paged list: a page link that no longer works (`cursor_invalid`) offers
   * the first page instead of trying the same link again.
   */
  readonly firstPage?: () => void;
}

const FIRST_PAGE = { vi: 'Mở trang đầu', en: 'Open the first page' } as const;

type Shown = TemplateResult | typeof nothing;

/** A renderer for every status of a task, each giving a template (Task.render's type parameter). */
interface Renderer<R> {
  initial: () => Shown;
  pending: () => Shown;
  complete: (value: R) => Shown;
  error: (error: unknown) => Shown;
}

/**
 * The usual look of a load: the loading line, the value, or the reason it failed with a "try again" button.
 */
export function renderLoad<A extends readonly unknown[], R>(task: Task<A, R>, lang: Lang, options: RenderLoadOptions<R>): TemplateResult | typeof nothing {
  const loading = options.loading ?? html`<p class="muted">${COMMON.loading[lang]}</p>`;
  return (
    task.render<Renderer<R>>({
      initial: () => loading,
      pending: () => ((options.keepStale ?? true) && task.value !== undefined ? options.complete(task.value) : loading),
      complete: (value) => options.complete(value),
      error: (error) => {
        const failure = error instanceof LoadFailure ? error.failure : null;
        if (failure?.kind === 'not-found' && options.notFound) return options.notFound();
        const firstPage = options.firstPage;
        if (failure?.reason === 'cursor_invalid' && firstPage) return loadErrorAlert(failure.message, lang, firstPage, FIRST_PAGE[lang]);
        return loadErrorAlert(failure?.message ?? String(error), lang, () => void task.run());
      },
    }) ?? nothing
  );
}
