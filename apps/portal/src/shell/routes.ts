import { BASE_PATH, PAGE_LIST, PAGES, type Page, type PageName } from '#shared/pages.ts';

export { BASE_PATH };

/** The page at an address and its parameters (from the path and the query), as the table names them. */
export interface Route {
  readonly name: PageName | 'not-found';
  readonly [param: string]: string;
}

const NOT_FOUND: Route = { name: 'not-found' };

/** The page's parameters from the rest of the path, or null when the path is not the page's. */
function matchPath(page: Page, segments: readonly string[]): Record<string, string> | null {
  const pattern = page.path === '' ? [] : page.path.split('/');
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) {
      if (!segment) return null;
      params[part.slice(1)] = decodeURIComponent(segment);
    } else if (part !== segment) return null;
  }
  return params;
}

function queryParams(page: Page, search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  const values: Record<string, string> = {};
  for (const [key, fallback] of Object.entries(page.query ?? {})) {
    const value = params.get(key);
    if (fallback === null) {
      if (value) values[key] = value;
    } else values[key] = value ?? fallback;
  }
  return values;
}

export function parseRoute(pathname: string, search: string): Route {
  if (!pathname.startsWith(BASE_PATH)) return pathname === BASE_PATH.slice(0, -1) ? parseRoute(BASE_PATH, search) : NOT_FOUND;
  const rest = pathname.slice(BASE_PATH.length).replace(/\/+$/, '');
  const segments = rest === '' ? [] : rest.split('/');
  for (const page of PAGE_LIST) {
    let params: Record<string, string> | null;
    try {
      params = matchPath(page, segments);
    } catch {
      return NOT_FOUND; // a malformed escape
    }
    if (params) return { name: page.name, ...params, ...queryParams(page, search) };
  }
  return NOT_FOUND;
}

/** The element's attributes for a route: every parameter the page declares, in kebab case ('' when left out). */
export function routeAttributes(route: Route): Record<string, string> {
  if (route.name === 'not-found') return {};
  const page: Page = PAGES[route.name];
  const names = [
    ...page.path
      .split('/')
      .filter((s) => s.startsWith(':'))
      .map((s) => s.slice(1)),
    ...Object.keys(page.query ?? {}),
  ];
  return Object.fromEntries(names.map((name) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), route[name] ?? '']));
}

/** Whether a path belongs to the portal (and so can be shown without leaving the page). */
export function isPortalPath(path: string): boolean {
  return path === BASE_PATH.slice(0, -1) || path.startsWith(BASE_PATH);
}
