/** The portal's pages, read from the address. Everything lives under BASE_PATH. */
export const BASE_PATH = '/portal/';

/** Paths of the pages without parameters in the path, for links. */
export const PATHS = {
  inbox: BASE_PATH,
  followUp: `${BASE_PATH}follow-up`,
  calendar: `${BASE_PATH}calendar`,
} as const;

export type Route =
  | { readonly name: 'inbox'; readonly status: string }
  | { readonly name: 'case'; readonly caseId: string }
  | { readonly name: 'follow-up' }
  | { readonly name: 'calendar'; readonly year: string }
  | { readonly name: 'not-found' };

export function parseRoute(pathname: string, search: string): Route {
  if (!pathname.startsWith(BASE_PATH)) return pathname === BASE_PATH.slice(0, -1) ? inbox(search) : { name: 'not-found' };
  const rest = pathname.slice(BASE_PATH.length).replace(/\/+$/, '');
  if (rest === '') return inbox(search);
  if (rest === 'follow-up') return { name: 'follow-up' };
  // The year is the feature's business (it picks the current year when it is missing or not a year).
  if (rest === 'calendar') return { name: 'calendar', year: new URLSearchParams(search).get('year') ?? '' };
  const match = /^cases\/([^/]+)$/.exec(rest);
  if (match?.[1]) {
    try {
      return { name: 'case', caseId: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

function inbox(search: string): Route {
  return { name: 'inbox', status: new URLSearchParams(search).get('status') ?? 'open' };
}

/** Whether a path belongs to the portal (and so can be shown without leaving the page). */
export function isPortalPath(path: string): boolean {
  return path === BASE_PATH.slice(0, -1) || path.startsWith(BASE_PATH);
}
