/**
 * The headers each surface answers with: those the server sent before issue 10 split createApp into sub-apps
 * (recorded at e25da91 by surface-probes.ts, over http; over https every response adds Strict-Transport-Security
 * and the cookie Secure), plus the lines marked `issue 10`: a surface's security headers (and no-store on the
 * API's surfaces) now reach its refusals and preflights too, which the old per-route code left bare.
 */
import type { SeenResponse } from './surface-probes.ts';
import { PAGE_SURFACE_HEADERS } from './surface-headers-pages.expected.ts';

export const SURFACE_HEADERS: Readonly<Record<string, SeenResponse>> = {
  health: {
    status: 200,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc query': {
    status: 200,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'trpc-accept, accept, Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc preflight, registered site': {
    status: 204,
    headers: {
      'access-control-allow-headers': 'content-type,x-pakn-lang,trpc-accept,x-pakn-site,x-pakn-filename',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'access-control-max-age': '600',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin, Access-Control-Request-Headers',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc preflight, foreign site': {
    status: 204,
    headers: {
      'access-control-allow-headers': 'content-type,x-pakn-lang,trpc-accept,x-pakn-site,x-pakn-filename',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-max-age': '600',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin, Access-Control-Request-Headers',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc login': {
    status: 200,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'set-cookie': 'pakn_session=<token>; HttpOnly; Max-Age=43200; Path=/; SameSite=Strict',
      vary: 'trpc-accept, accept, Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc logout': {
    status: 200,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'set-cookie': 'pakn_session=; HttpOnly; Max-Age=0; Path=/; SameSite=Strict',
      vary: 'trpc-accept, accept, Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc bad login': {
    status: 401,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'trpc-accept, accept, Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc form body': {
    status: 415,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc too large': {
    status: 413,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'trpc unknown procedure': {
    status: 404,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'trpc-accept, accept, Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  upload: {
    status: 201,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'upload wrong type': {
    status: 415,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'upload too large': {
    status: 413,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'no-store', // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin', // issue 10
      'cross-origin-resource-policy': 'same-origin', // issue 10
      'referrer-policy': 'no-referrer', // issue 10
      vary: 'Origin',
      'x-content-type-options': 'nosniff', // issue 10
      'x-frame-options': 'DENY', // issue 10
    },
  },
  'upload foreign site': {
    status: 403,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'upload preflight': {
    status: 204,
    headers: {
      'access-control-allow-headers': 'content-type,x-pakn-lang,trpc-accept,x-pakn-site,x-pakn-filename',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'access-control-max-age': '600',
      'cache-control': 'no-store', // issue 10
      'cross-origin-opener-policy': 'same-origin', // issue 10
      'cross-origin-resource-policy': 'same-origin', // issue 10
      'referrer-policy': 'no-referrer', // issue 10
      vary: 'Origin, Access-Control-Request-Headers',
      'x-content-type-options': 'nosniff', // issue 10
      'x-frame-options': 'DENY', // issue 10
    },
  },
  'staff download by link': {
    status: 405,
    headers: {
      allow: 'POST',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'staff download unknown': {
    status: 404,
    headers: {
      'cache-control': 'no-store', // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'staff download signed out': {
    status: 401,
    headers: {
      'cache-control': 'no-store', // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'staff download form body': {
    status: 415,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  export: {
    status: 200,
    headers: {
      'cache-control': 'private, no-store',
      'content-disposition': 'attachment; filename="pakn-phan-anh-<date>.csv"; filename*=UTF-8\'\'pakn-phan-anh-<date>.csv',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-type': 'text/csv; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'export by link': {
    status: 405,
    headers: {
      allow: 'POST',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'export form body': {
    status: 415,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'export bad filter': {
    status: 400,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'export unknown file': {
    status: 404,
    headers: {
      'cache-control': 'no-store', // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin', // issue 10
      'cross-origin-resource-policy': 'same-origin', // issue 10
      'referrer-policy': 'no-referrer', // issue 10
      'x-content-type-options': 'nosniff', // issue 10
      'x-frame-options': 'DENY', // issue 10
    },
  },
  'export signed out': {
    status: 401,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'answer file upload signed out': {
    status: 401,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'answer file remove unknown': {
    status: 404,
    headers: {
      'cache-control': 'no-store', // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'answer file by link': {
    status: 405,
    headers: {
      allow: 'POST',
      'cache-control': 'no-store',
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'answer file unknown': {
    status: 404,
    headers: {
      'cache-control': 'no-store', // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'citizen answer file unknown': {
    status: 404,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'no-store', // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'citizen answer file preflight': {
    status: 204,
    headers: {
      'access-control-allow-headers': 'content-type,x-pakn-lang,trpc-accept,x-pakn-site,x-pakn-filename',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'access-control-max-age': '600',
      'cache-control': 'no-store', // issue 10
      'cross-origin-opener-policy': 'same-origin', // issue 10
      'cross-origin-resource-policy': 'same-origin', // issue 10
      'referrer-policy': 'no-referrer', // issue 10
      vary: 'Origin, Access-Control-Request-Headers',
      'x-content-type-options': 'nosniff', // issue 10
      'x-frame-options': 'DENY', // issue 10
    },
  },
  ...PAGE_SURFACE_HEADERS,
};
