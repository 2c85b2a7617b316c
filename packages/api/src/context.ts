import type { Db } from '@pakn/db';
import { findSession, touchSession } from '@pakn/db';
import type { Lang, StaffMember } from '@pakn/domain';
import { CalendarRecounter } from './calendar-recount.ts';
import { CalendarStore } from './calendar-store.ts';
import { CaseFeed } from './case-feed.ts';
import { CitizenLimiter } from './citizen-limits.ts';
import { ExpiredProofSweeper } from './proof-of-work.ts';
import { PublicStatisticsService } from './public-statistics.ts';
import { defaultCitizenPolicy, type CitizenPolicy, type CitizenPolicyOptions } from './citizen-policy.ts';
import { loginThrottlePolicy, type LoginThrottlePolicy } from './login-throttle.ts';
import { SessionEvents } from './session-events.ts';
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
  /** Sets a header on the response (e.g. Retry-After), where the transport has one. */
  readonly setResponseHeader?: (name: string, value: string) => void;
}

export interface ApiServices {
  readonly db: Db;
  /** The clock. Tests move it; nothing in the API reads Date.now directly. */
  readonly now: () => Date;
  /** A session's absolute lifetime, from sign-in, however busy it is. */
  readonly sessionTtlSeconds: number;
  /** A session unused for this long no longer signs anyone in. */
  readonly sessionIdleSeconds: number;
  /** How often an open live stream re-checks its session (expiry, another process's logout or change). */
  readonly sessionRecheckMs: number;
  readonly sessionEvents: SessionEvents;
  readonly loginThrottle: LoginThrottlePolicy;
  /** The working-day calendars: office hours, holidays, the government's yearly schedules. */
  readonly calendars: CalendarStore;
  /** Counts deadlines and answer timings again after a schedule is saved, in the background. */
  readonly calendarRecount: CalendarRecounter;
  readonly citizen: CitizenPolicy;
  /** Counts citizens' calls per address, prefix and network (see citizen-limits.ts). */
  readonly limiter: CitizenLimiter;
  /** Purges spent proofs of work once expired, in batches (see proof-of-work.ts). */
  readonly proofSweeper: ExpiredProofSweeper;
  /** Live case changes for open portals. */
  readonly feed: CaseFeed;
  /** The file of signed audit checkpoints that anchors the audit chain outside the database, if any. */
  readonly auditCheckpointFile: string | null;
  /** The public statistics of each period, computed once per few minutes (public-statistics.ts). */
  readonly publicStatistics: PublicStatisticsService;
}

export interface ServiceOptions {
  readonly db: Db;
  readonly now?: () => Date;
  readonly sessionTtlSeconds?: number;
  readonly sessionIdleSeconds?: number;
  readonly sessionRecheckMs?: number;
  readonly loginThrottle?: Parameters<typeof loginThrottlePolicy>[0];
  readonly calendars?: CalendarStore;
  readonly citizen?: CitizenPolicyOptions;
  readonly auditCheckpointFile?: string | null;
  /** Where a failure of background work goes (the server's log); by default the console. */
  readonly onBackgroundError?: (error: unknown, work: string) => void;
  /** The public statistics' cache: its clock (ms) and lifetime; by default the monotonic clock and 5 minutes. */
  readonly publicStatistics?: { readonly cacheClock?: () => number; readonly ttlMs?: number };
}

export function createApiServices(options: ServiceOptions): ApiServices {
  const calendars = options.calendars ?? new CalendarStore(options.db);
  const onBackgroundError = options.onBackgroundError ?? ((error: unknown, work: string) => console.error(`[api] ${work} failed:`, error));
  const now = options.now ?? (() => new Date());
  return {
    db: options.db,
    now,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 12 * 3600,
    sessionIdleSeconds: options.sessionIdleSeconds ?? 30 * 60,
    sessionRecheckMs: options.sessionRecheckMs ?? 5_000,
    sessionEvents: new SessionEvents(),
    loginThrottle: loginThrottlePolicy(options.loginThrottle),
    calendars,
    calendarRecount: new CalendarRecounter(options.db, calendars, (error) => onBackgroundError(error, 'calendar recount')),
    citizen: defaultCitizenPolicy(options.citizen),
    limiter: new CitizenLimiter(),
    proofSweeper: new ExpiredProofSweeper(),
    feed: new CaseFeed(),
    auditCheckpointFile: options.auditCheckpointFile ?? null,
    publicStatistics: new PublicStatisticsService({ db: options.db, now, ...options.publicStatistics }),
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

/** A session's use is written at most this often: the idle timeout needs minutes, not every request. */
const SESSION_TOUCH_MS = 60_000;

export async function createContext(services: ApiServices, request: RequestInfo): Promise<Context> {
  if (!request.sessionToken) return { services, request, staff: null };
  const tokenHash = sha256Hex(request.sessionToken);
  const now = services.now();
  const session = await findSession(services.db, tokenHash, now, services.sessionIdleSeconds);
  if (session && now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    // Recording the use must not refuse the request (e.g. a database briefly read-only): at worst the session
    // times out a minute early.
    await touchSession(services.db, tokenHash, now).catch((error: unknown) => console.warn('[api] session use not recorded:', error));
  }
  return { services, request, staff: session?.staff ?? null };
}
