/**
 * Every API call the HTTP bench makes, in one place: the staff lists, searches and reports as tRPC GET
 * requests, and the citizen calls as POST bodies. When a procedure's input changes (keyset pagination: a
 * cursor and a page size), only this file changes.
 */
import { randomBytes } from 'node:crypto';
import { solveChallenge, type ChallengeData } from '../citizen-support.ts';

/** A staff query measured by the bench: its figure's name, the procedure and its input. */
export interface StaffCall {
  readonly name: string;
  readonly procedure: string;
  readonly input: unknown;
  /** The demo account that makes the call. */
  readonly user: 'tiepnhan' | 'giamdoc';
}

/** The year before `today` (both dates included), as the evaluation takes it. */
function lastYear(today: Date): { from: string; to: string } {
  const to = new Date(today.getTime() - 86400_000);
  const from = new Date(to.getTime() - 364 * 86400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The page size the portal asks for (and the server's default). */
const PAGE_SIZE = 50;

/** The lists, searches and reports of issue 11's table, and the register and audit lists, single client, each on its first page. */
export function staffCalls(today: Date): StaffCall[] {
  const page = { limit: PAGE_SIZE };
  return [
    { name: 'inbox.open', procedure: 'case.inbox', input: { status: 'open', ...page }, user: 'tiepnhan' },
    { name: 'inbox.all', procedure: 'case.inbox', input: { status: 'all', ...page }, user: 'tiepnhan' },
    { name: 'search.broad-ho-so', procedure: 'case.inbox', input: { status: 'all', q: 'hồ sơ', ...page }, user: 'tiepnhan' },
    { name: 'search.no-diacritics-duong', procedure: 'case.inbox', input: { status: 'all', q: 'duong', ...page }, user: 'tiepnhan' },
    { name: 'search.name-and-street', procedure: 'case.inbox', input: { status: 'all', q: 'Nguyễn Văn An Láng', ...page }, user: 'tiepnhan' },
    { name: 'follow-up', procedure: 'case.followUp', input: page, user: 'tiepnhan' },
    { name: 'evaluation.one-year', procedure: 'unit.evaluation', input: lastYear(today), user: 'giamdoc' },
    // The forwarding register of this year and the audit log (the generator writes letters, not audit entries).
    { name: 'register', procedure: 'letter.register', input: { year: today.getUTCFullYear(), ...page }, user: 'tiepnhan' },
    { name: 'audit.list', procedure: 'audit.list', input: page, user: 'giamdoc' },
    // Issue 12: the public statistics of this year (public; from the cache after the first call). Here for its
    // query plan beside the others; its figures over HTTP are public-stats.ts's.
    { name: 'statistics.public.year', procedure: 'statistics.public', input: { period: 'year' }, user: 'tiepnhan' },
  ];
}

/** A list paged as the portal pages it: `pages` pages deep, following each response's `next`. */
export interface PagedCall {
  /** The first page's call (one of staffCalls). */
  readonly first: StaffCall;
  /** Which page to measure (1 is the first). */
  readonly pages: number;
  /** The input of the page after `input`, given its response's data; null on the last page. */
  readonly after: (data: unknown, input: unknown) => unknown;
}

interface Page {
  readonly next?: string | null;
}

const inboxAfter = (data: unknown, input: unknown): unknown => {
  const next = (data as Page).next;
  return next ? { ...(input as object), cursor: next } : null;
};

/**
 * The follow-up's two lists page on their own cursors; the deep request carries both. A list that ended keeps
 * the cursor of its last page, so the request stays as deep as it can.
 */
const followUpAfter = (data: unknown, input: unknown): unknown => {
  const { overdue, atRisk } = data as { overdue: Page; atRisk: Page };
  if (!overdue.next && !atRisk.next) return null;
  const before = input as { overdueCursor?: string; atRiskCursor?: string };
  return { ...before, overdueCursor: overdue.next ?? before.overdueCursor, atRiskCursor: atRisk.next ?? before.atRiskCursor };
};

/**
 * The deep pages measured besides the first: the lists `listPages` deep (the follow-up's too), the searches
 * `searchPages` deep. The figure of a deep page is named after its first page's, with `.deep`.
 */
export function pagedCalls(calls: readonly StaffCall[], listPages: number, searchPages: number): PagedCall[] {
  const named = (name: string) => {
    const call = calls.find((c) => c.name === name);
    if (!call) throw new Error(`no staff call ${name}`);
    return call;
  };
  return [
    ...['inbox.open', 'inbox.all', 'register', 'audit.list'].map((name) => ({ first: named(name), pages: listPages, after: inboxAfter })),
    { first: named('follow-up'), pages: listPages, after: followUpAfter },
    ...['search.broad-ho-so', 'search.no-diacritics-duong', 'search.name-and-street'].map((name) => ({
      first: named(name),
      pages: searchPages,
      after: inboxAfter,
    })),
  ];
}

/** The path of a tRPC query with its input in the URL. */
export function queryPath(call: Pick<StaffCall, 'procedure' | 'input'>): string {
  return call.input === undefined ? `/trpc/${call.procedure}` : `/trpc/${call.procedure}?input=${encodeURIComponent(JSON.stringify(call.input))}`;
}

export const CSRF_HEADERS = { 'x-pakn-csrf': '1' } as const;

/** Signs in as a demo account; returns the Cookie header value. */
export async function signIn(server: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${server}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server, ...CSRF_HEADERS },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  return cookie;
}

/** A citizen's POST to a procedure, from the registered site. */
export function citizenRequest(procedure: string, body: unknown, siteOrigin: string): { path: string; headers: Record<string, string>; body: string } {
  return { path: `/trpc/${procedure}`, headers: { 'content-type': 'application/json', origin: siteOrigin }, body: JSON.stringify(body) };
}

/** Fetches a proof-of-work challenge and solves it (the bench's server asks for an easy one). */
export async function solvedProof(server: string, siteKey: string, siteOrigin: string): Promise<string> {
  const { path, headers, body } = citizenRequest('case.challenge', { siteKey }, siteOrigin);
  const response = await fetch(server + path, { method: 'POST', headers, body });
  return solveChallenge(((await response.json()) as { result: { data: ChallengeData } }).result.data);
}

/** The body of a submission with a fresh idempotency key. */
export function submissionBody(siteKey: string, proof: string): unknown {
  return {
    siteKey,
    category: 'late_result',
    description: 'Hồ sơ chứng thực của tôi bị trả muộn 10 ngày so với giấy hẹn, đề nghị Trung tâm xem xét.',
    idempotencyKey: randomBytes(16).toString('base64url'),
    proof,
  };
}

/** Submits one case; returns what the citizen needs to track it. */
export async function submitOne(server: string, siteKey: string, siteOrigin: string): Promise<{ reference: string; accessKey: string }> {
  const proof = await solvedProof(server, siteKey, siteOrigin);
  const { path, headers, body } = citizenRequest('case.submit', submissionBody(siteKey, proof), siteOrigin);
  const response = await fetch(server + path, { method: 'POST', headers, body });
  const data = ((await response.json()) as { result?: { data: { reference: string; accessKey: string } } }).result?.data;
  if (!data) throw new Error(`submission failed: ${response.status}`);
  return data;
}

export function trackBody(tracked: { reference: string; accessKey: string }): unknown {
  return { reference: tracked.reference, accessKey: tracked.accessKey };
}
