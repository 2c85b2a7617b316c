import { createPaknSubscriptionClient } from '@pakn/api-client';
import type { CaseChange } from './events.ts';

export interface LiveHandlers {
  readonly onChange: (change: CaseChange) => void;
  /** The feed stopped for good (signed out, forbidden): the page keeps working without live updates. */
  readonly onStopped?: (error: unknown) => void;
}

/**
 * Listens to `case.onChange` over server-sent events (same origin, the session cookie goes along). A small
 * client of its own: queries and mutations keep the batched client of client.ts, whose links the API client
 * package does not let us extend. EventSource reconnects by itself after network errors; a refusal (no
 * session) ends the feed. Returns the function that stops listening.
 */
export function watchCaseChanges(handlers: LiveHandlers): () => void {
  const client = createPaknSubscriptionClient({ baseUrl: '' });
  const subscription = client.case.onChange.subscribe(undefined, {
    onData: (change) => handlers.onChange(change),
    onError: (error) => handlers.onStopped?.(error),
  });
  return () => subscription.unsubscribe();
}
