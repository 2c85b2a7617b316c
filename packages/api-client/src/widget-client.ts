/**
 * The citizen widget's client: a few hundred bytes that speak tRPC's HTTP wire format (no batching) for the
 * citizen procedures, instead of @trpc/client (about 8 KB gzipped, over the widget's budget). Inputs and outputs
 * are derived from `AppRouter`, so the server stays the single source of truth: a changed procedure breaks the
 * widget's type check, not the citizen.
 *
 *   query:    GET  /trpc/<path>?input=<URL-encoded JSON>
 *   mutation: POST /trpc/<path>, body JSON
 *   success:  {"result":{"data":…}}    error: {"error":{"message","code","data":{"reason","fieldErrors","httpStatus"}}}
 *
 * No cookies are sent or accepted (credentials 'omit'); nothing is stored.
 */
import type { RouterInputs as Inputs, RouterOutputs as Outputs } from './index.ts';

export type SiteConfig = Outputs['site']['config'];
export type SubmitInput = Inputs['case']['submit'];
export type CaseReceipt = Outputs['case']['submit'];
export type ChallengeInput = Inputs['case']['challenge'];
export type Challenge = Outputs['case']['challenge'];
export type TrackInput = Inputs['case']['track'];
export type TrackedCase = Outputs['case']['track'];
export type RateInput = Inputs['case']['rate'];
export type ReviewInput = Inputs['case']['requestReview'];
/** The reply, with the ids of files uploaded for it (`upload`). */
export type ProvideInfoInput = Inputs['case']['provideInfo'];

export interface UploadedFile {
  readonly id: string;
  readonly type: string;
  readonly size: number;
  readonly name: string;
}

/**
 * A call that did not succeed. `reason` is the server's error key (see ERROR_MESSAGES in @pakn/domain), or
 * `network` when the server was not reached (offline, DNS, CORS, timeout). `message` is the server's, already in
 * the language sent in `x-pakn-lang`; empty when there is none (the widget then uses its own words).
 */
export class WidgetClientError extends Error {
  override readonly name = 'WidgetClientError';
  readonly reason: string;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly httpStatus: number | null;

  constructor(reason: string, message = '', httpStatus: number | null = null, fieldErrors: Record<string, string> | null = null) {
    super(message);
    this.reason = reason;
    this.httpStatus = httpStatus;
    this.fieldErrors = fieldErrors ?? {};
  }

  /** Worth trying again with the same input: the server was not reached, failed, or asked us to slow down. */
  get retryable(): boolean {
    const status = this.httpStatus ?? 0;
    return this.reason === 'network' || status >= 500 || status === 429;
  }
}

/** The reason for a status when the body is not the API's (a proxy, a load balancer). */
function reasonOfStatus(status: number): string {
  return status === 429 ? 'rate_limited' : status === 413 ? 'payload_too_large' : status >= 500 ? 'internal' : 'network';
}

interface ErrorBody {
  error?: { message?: string; reason?: string; data?: { reason?: string; fieldErrors?: Record<string, string> | null } };
}

function errorFrom(status: number, body: unknown): WidgetClientError {
  const error = (body as ErrorBody | null)?.error;
  const reason = error?.data?.reason ?? error?.reason ?? reasonOfStatus(status);
  return new WidgetClientError(reason, error?.message ?? '', status, error?.data?.fieldErrors ?? null);
}

export interface WidgetClientOptions {
  /** The PAKN origin, e.g. https://pakn.hanoi.gov.vn. */
  readonly origin: string;
  /** The citizen's language, sent so that server messages come back in it. */
  readonly lang: () => string;
  /** Give up on a call after this long (a stalled mobile connection); it then fails as `network`. */
  readonly timeoutMs?: number;
}

export interface WidgetClient {
  /** The PAKN origin the client talks to. */
  readonly origin: string;
  siteConfig(input: { siteKey: string }): Promise<SiteConfig>;
  challenge(input: ChallengeInput): Promise<Challenge>;
  submit(input: SubmitInput): Promise<CaseReceipt>;
  track(input: TrackInput): Promise<TrackedCase>;
  rate(input: RateInput): Promise<TrackedCase>;
  requestReview(input: ReviewInput): Promise<TrackedCase>;
  /** The citizen's reply to the unit's request for more information (`infoRequest` of the track view). */
  provideInfo(input: ProvideInfoInput): Promise<TrackedCase>;
  /**
   * Uploads one file before the report is submitted (raw bytes, the server decides the type from them).
   * Uses XMLHttpRequest for upload progress, which fetch cannot report.
   */
  upload(siteKey: string, file: Blob & { readonly name?: string }, onProgress?: (fraction: number) => void): Promise<UploadedFile>;
}

export function createWidgetClient(options: WidgetClientOptions): WidgetClient {
  const origin = options.origin.replace(/\/$/, '');
  const timeout = options.timeoutMs ?? 30_000;

  async function call<T>(path: string, input: unknown, mutation: boolean): Promise<T> {
    const json = JSON.stringify(input);
    let response: Response;
    try {
      response = await fetch(`${origin}/trpc/${path}${mutation ? '' : `?input=${encodeURIComponent(json)}`}`, {
        method: mutation ? 'POST' : 'GET',
        headers: mutation ? { 'content-type': 'application/json', 'x-pakn-lang': options.lang() } : { 'x-pakn-lang': options.lang() },
        body: mutation ? json : null,
        credentials: 'omit',
        signal: AbortSignal.timeout(timeout),
      });
    } catch {
      throw new WidgetClientError('network');
    }
    const body = (await response.json().catch(() => null)) as { result?: { data: T } } | null;
    if (response.ok && body?.result) return body.result.data;
    throw errorFrom(response.status, body);
  }

  return {
    origin,
    siteConfig: (input) => call('site.config', input, false),
    challenge: (input) => call('case.challenge', input, true),
    submit: (input) => call('case.submit', input, true),
    track: (input) => call('case.track', input, true),
    rate: (input) => call('case.rate', input, true),
    requestReview: (input) => call('case.requestReview', input, true),
    provideInfo: (input) => call('case.provideInfo', input, true),
    upload: (siteKey, file, onProgress) =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${origin}/api/v1/attachments`);
        xhr.timeout = timeout * 4;
        xhr.responseType = 'json';
        xhr.setRequestHeader('x-pakn-site', siteKey);
        xhr.setRequestHeader('x-pakn-lang', options.lang());
        xhr.setRequestHeader('x-pakn-filename', encodeURIComponent(file.name ?? 'file'));
        xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress?.(event.loaded / event.total);
        };
        xhr.onload = () => (xhr.status === 201 ? resolve(xhr.response as UploadedFile) : reject(errorFrom(xhr.status, xhr.response)));
        xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(new WidgetClientError('network'));
        xhr.send(file);
      }),
  };
}
