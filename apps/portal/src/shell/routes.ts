/** The portal's pages, read from the address. Everything lives under BASE_PATH. */
export const BASE_PATH = '/portal/';

/** Paths of the pages without parameters in the path, for links. */
export const PATHS = {
  inbox: BASE_PATH,
  intake: `${BASE_PATH}intake`,
  followUp: `${BASE_PATH}follow-up`,
  register: `${BASE_PATH}register`,
  calendar: `${BASE_PATH}calendar`,
  authorities: `${BASE_PATH}admin/authorities`,
  admin: `${BASE_PATH}admin`,
  users: `${BASE_PATH}admin/users`,
  units: `${BASE_PATH}admin/units`,
  sites: `${BASE_PATH}admin/sites`,
  audit: `${BASE_PATH}audit`,
  categories: `${BASE_PATH}admin/categories`,
  letterTemplate: `${BASE_PATH}admin/letter-template`,
} as const;

export type Route =
  | { readonly name: 'inbox'; readonly status: string; readonly q?: string }
  | { readonly name: 'case'; readonly caseId: string }
  | { readonly name: 'letter'; readonly letterId: string }
  | { readonly name: 'intake' }
  | { readonly name: 'follow-up' }
  | { readonly name: 'register'; readonly year: string }
  | { readonly name: 'calendar'; readonly year: string }
  | { readonly name: 'authorities' }
  | { readonly name: 'admin' }
  | { readonly name: 'users' }
  | { readonly name: 'units' }
  | { readonly name: 'sites' }
  | { readonly name: 'audit' }
  | { readonly name: 'categories' }
  | { readonly name: 'letter-template' }
  | { readonly name: 'not-found' };

export function parseRoute(pathname: string, search: string): Route {
  if (!pathname.startsWith(BASE_PATH)) return pathname === BASE_PATH.slice(0, -1) ? inbox(search) : { name: 'not-found' };
  const rest = pathname.slice(BASE_PATH.length).replace(/\/+$/, '');
  const params = new URLSearchParams(search);
  switch (rest) {
    case '':
      return inbox(search);
    case 'intake':
      return { name: 'intake' };
    case 'follow-up':
      return { name: 'follow-up' };
    // The year is the feature's business (it picks the current year when it is missing or not a year).
    case 'register':
      return { name: 'register', year: params.get('year') ?? '' };
    case 'calendar':
      return { name: 'calendar', year: params.get('year') ?? '' };
    case 'admin/authorities':
      return { name: 'authorities' };
    case 'admin':
      return { name: 'admin' };
    case 'admin/users':
      return { name: 'users' };
    case 'admin/units':
      return { name: 'units' };
    case 'admin/sites':
      return { name: 'sites' };
    case 'audit':
      return { name: 'audit' };
    case 'admin/categories':
      return { name: 'categories' };
    case 'admin/letter-template':
      return { name: 'letter-template' };
  }
  const match = /^(cases|letters)\/([^/]+)$/.exec(rest);
  if (match?.[2]) {
    try {
      const id = decodeURIComponent(match[2]);
      return match[1] === 'cases' ? { name: 'case', caseId: id } : { name: 'letter', letterId: id };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

function inbox(search: string): Route {
  const params = new URLSearchParams(search);
  const q = params.get('q');
  return { name: 'inbox', status: params.get('status') ?? 'open', ...(q ? { q } : {}) };
}

/** Whether a path belongs to the portal (and so can be shown without leaving the page). */
export function isPortalPath(path: string): boolean {
  return path === BASE_PATH.slice(0, -1) || path.startsWith(BASE_PATH);
}
