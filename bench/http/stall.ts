/**
 * Issue 11's "a report or broad search never stalls citizens": tracking at 50 connections while one officer's
 * broad search loops in another client, against tracking alone on the same server in the same run.
 */
import { throughput, type Throughput } from './load.ts';

export interface Load {
  readonly url: string;
  readonly method: 'POST';
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface BesideSearch {
  readonly alone: Throughput;
  readonly beside: Throughput;
  /** Searches answered while the tracking load ran: the search did run alongside. */
  readonly searches: number;
}

/** Tracking alone, then tracking while `search` is asked again and again by one client (each answer awaited). */
export async function trackingBesideSearch(track: Load, search: { url: string; init: RequestInit }): Promise<BesideSearch> {
  const alone = await throughput({ ...track, connections: 50, seconds: 5 });
  let searching = true;
  let searches = 0;
  const loop = (async () => {
    while (searching) {
      const response = await fetch(search.url, search.init);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${search.url}: ${response.status}`);
      searches++;
    }
  })();
  try {
    // The first search is under way before the tracking load starts.
    await new Promise((r) => setTimeout(r, 50));
    const beside = await throughput({ ...track, connections: 50, seconds: 5 });
    return { alone, beside, searches };
  } finally {
    searching = false;
    await loop;
  }
}
