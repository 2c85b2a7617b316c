import type { Db } from '@pakn/db';
import { findSessionStaff } from '@pakn/db';
import type { Lang, StaffMember } from '@pakn/domain';
import { CalendarStore } from './calendar-store.ts';
import { CaseFeed } from './case-feed.ts';
import { CitizenLimiter } from './citizen-limits.ts';
import { defaultCitizenPolicy, type CitizenPolicy, type CitizenPolicyOptions } from './citizen-policy.ts';
import { sha256Hex } from './secrets.ts';

/** What the transport tells the API about one request. Built by apps/server from the HTTP request. */
export interface RequestInfo {
  /** The Origin header, if the browser sent one. */
  readonly origin: string | null;
  /** This server's own public origin, e.g. http://127.0.0.1:8080: the portal lives here. */
  readonly ownOrigin: string;
  /** Whether the request carries the custom anti-CSRF header (`x-pakn-csrf: 1`). */
  readonly hasCsrfHeader: boolean;
  /** The connection's peer address (never a forwarded header unless a trusted proxy set it). */
  readonly clientAddress: string;
  readonly lang: Lang;
  readonly sessionToken: string | null;
  /** Sets (token) or clears (null) the staff session cookie on the response. */
  readonly setSessionCookie: (token: string | null, maxAgeSeconds: number) => void;
}

export interface ApiServices {
  readonly db: Db;
  /** The clock. Tests move it; nothing in the API reads Date.now directly. */
  readonly now: () => Date;
  readonly sessionTtlSeconds: number;
  /** The working-day calendars: office hours, holidays, the government's yearly schedules. */
  readonly calendars: CalendarStore;
  readonly citizen: CitizenPolicy;
  /** Counts citizens' calls per address, prefix and network (see citizen-limits.ts). */
  readonly limiter: CitizenLimiter;
  /** Live case changes for open portals. */
  readonly feed: CaseFeed;
}

export interface ServiceOptions {
  readonly db: Db;
  readonly now?: () => Date;
  readonly sessionTtlSeconds?: number;
  readonly calendars?: CalendarStore;
  readonly citizen?: CitizenPolicyOptions;
}

export function createApiServices(options: ServiceOptions): ApiServices {
  return {
    db: options.db,
    now: options.now ?? (() => new Date()),
    sessionTtlSeconds: options.sessionTtlSeconds ?? 12 * 3600,
    calendars: options.calendars ?? new CalendarStore(options.db),
    citizen: defaultCitizenPolicy(options.citizen),
    limiter: new CitizenLimiter(),
    feed: new CaseFeed(),
  };
}

export interface Context {
  readonly services: ApiServices;
  readonly request: RequestInfo;
  /** The signed-in staff member, or null. */
  readonly staff: StaffMember | null;
}

export const SESSION_COOKIE = 'pakn_session';
export const CSRF_HEADER = 'x-pakn-csrf';

export async function createContext(services: ApiServices, request: RequestInfo): Promise<Context> {
  const staff = request.sessionToken
    ? await findSessionStaff(services.db, sha256Hex(request.sessionToken), services.now())
    : null;
  return { services, request, staff };
}
