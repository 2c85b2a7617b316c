/**
 * The typed tRPC client shared by the widget and the portal. It knows the server's router only as a type.
 */
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter, StaffCaseView } from '@pakn/api';
import { errorMessage, type Lang } from '@pakn/domain';

// Browser code reaches the API's types only through this package (a lint rule forbids importing @pakn/api there).
export type { AppRouter, StaffCaseView };
/** Every procedure's input, by path: `RouterInputs['case']['classify']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's output, by path: `RouterOutputs['case']['inbox'][number]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type PaknClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export interface ClientOptions {
  /** The PAKN server's origin, e.g. https://pakn.hanoi.gov.vn. Empty for the same origin. */
  readonly baseUrl: string;
  /** The user's language, sent so that server messages come back in it. */
  readonly lang: () => Lang;
  /**
   * Staff portal: send the anti-CSRF header and the session cookie (same origin). The widget sends neither:
   * it works without cookies, on any registered origin.
   */
  readonly staff?: boolean;
  /** Batch calls into one request (the portal); the widget sends one call per request. */
  readonly batch?: boolean;
}

export function createPaknClient(options: ClientOptions): PaknClient {
  const url = `${options.baseUrl.replace(/\/$/, '')}/trpc`;
  const headers = () => {
    const h: Record<string, string> = { 'x-pakn-lang': options.lang() };
    if (options.staff) h['x-pakn-csrf'] = '1';
    return h;
  };
  const fetchImpl: typeof fetch = (input, init) => fetch(input, { ...init, credentials: options.staff ? 'same-origin' : 'omit' });
  const link = options.batch ? httpBatchLink({ url, headers, fetch: fetchImpl, maxItems: 10 }) : httpLink({ url, headers, fetch: fetchImpl });
  return createTRPCClient<AppRouter>({ links: [link] });
}

/**
 * A client for subscriptions (`case.onChange`) over server-sent events, same origin, the session cookie going
 * along. Separate from `createPaknClient` because an EventSource cannot share a batched HTTP link; EventSource
 * reconnects by itself after network errors.
 */
export function createPaknSubscriptionClient(options: Pick<ClientOptions, 'baseUrl'>): PaknClient {
  const url = `${options.baseUrl.replace(/\/$/, '')}/trpc`;
  return createTRPCClient<AppRouter>({ links: [httpSubscriptionLink({ url })] });
}

export interface ErrorInfo {
  /** Key of the error (see ERROR_MESSAGES in @pakn/domain), or `network` when the server was not reached. */
  readonly reason: string;
  readonly message: string;
  /** Field path → message, for forms. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly httpStatus: number | null;
}

const NETWORK_MESSAGE: Readonly<Record<Lang, string>> = {
  vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  en: 'Could not reach the server. Please check your connection and try again.',
};

/** Whatever a call threw, as something a form can show in the user's language. */
export function errorInfo(error: unknown, lang: Lang): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = error.data as { reason?: string; fieldErrors?: Record<string, string> | null; httpStatus?: number } | undefined;
    if (data?.reason) {
      return {
        reason: data.reason,
        message: error.message || errorMessage(data.reason, lang),
        fieldErrors: data.fieldErrors ?? {},
        httpStatus: data.httpStatus ?? null,
      };
    }
    // No tRPC payload: the request never reached the API (offline, DNS, CORS) or a proxy answered.
    const status = (error.meta?.response as Response | undefined)?.status ?? null;
    if (status === 413) {
      return { reason: 'payload_too_large', message: errorMessage('payload_too_large', lang), fieldErrors: {}, httpStatus: 413 };
    }
    return { reason: 'network', message: NETWORK_MESSAGE[lang], fieldErrors: {}, httpStatus: status };
  }
  return { reason: 'network', message: NETWORK_MESSAGE[lang], fieldErrors: {}, httpStatus: null };
}
