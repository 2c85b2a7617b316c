/** The headers of the page surfaces (hosted page, widget files, portal) and of the later probes: see surface-headers.expected.ts. */
import type { SeenResponse } from './surface-probes.ts';

export const PAGE_SURFACE_HEADERS: Readonly<Record<string, SeenResponse>> = {
  'hosted page': {
    status: 200,
    headers: {
      'cache-control': 'no-cache',
      'content-length': '68',
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types pakn-widget",
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      etag: '"F6U_StHSQ8mlKUMYBQ9eRf"',
      'referrer-policy': 'no-referrer',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'hosted page unknown site': {
    status: 404,
    headers: {
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types pakn-widget", // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin', // issue 10
      'cross-origin-resource-policy': 'same-origin', // issue 10
      'referrer-policy': 'no-referrer', // issue 10
      'x-content-type-options': 'nosniff', // issue 10
      'x-frame-options': 'DENY', // issue 10
    },
  },
  frame: {
    status: 200,
    headers: {
      'cache-control': 'no-cache',
      'content-length': '35',
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors http://127.0.0.1:8081; require-trusted-types-for 'script'; trusted-types pakn-widget",
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'cross-origin',
      etag: '"-tXXfMB4cYpNp8XGBCNiGw"',
      'referrer-policy': 'no-referrer',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    },
  },
  'frame unknown site': {
    status: 404,
    headers: {
      'content-type': 'application/json',
    },
  },
  'widget loader': {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
      'content-encoding': 'br',
      'content-length': '49',
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-resource-policy': 'cross-origin',
      etag: '"62vMBcGy_Xnyb5BS4ZdwVB"',
      'timing-allow-origin': '*',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    },
  },
  'widget loader head': {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
      'content-length': '813',
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-resource-policy': 'cross-origin',
      etag: '"62vMBcGy_Xnyb5BS4ZdwVB"',
      'timing-allow-origin': '*',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    },
  },
  'widget hashed asset': {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-encoding': 'gzip',
      'content-length': '54',
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-resource-policy': 'cross-origin',
      etag: '"bJh0561Oku9ScjW-9brjd2"',
      'timing-allow-origin': '*',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    },
  },
  'widget missing asset': {
    status: 404,
    headers: {
      'access-control-allow-origin': '*', // issue 10
      'content-type': 'application/json',
      'cross-origin-resource-policy': 'cross-origin', // issue 10
      'timing-allow-origin': '*', // issue 10
      'x-content-type-options': 'nosniff', // issue 10
    },
  },
  root: {
    status: 302,
    headers: {
      location: '/portal/',
    },
  },
  'portal without slash': {
    status: 302,
    headers: {
      location: '/portal/',
    },
  },
  'portal shell': {
    status: 200,
    headers: {
      'cache-control': 'no-cache',
      'content-length': '97',
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html",
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      etag: '"7tnWo7cdJhWHb4crgQbFiw"',
      'referrer-policy': 'no-referrer',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'portal client route': {
    status: 200,
    headers: {
      'cache-control': 'no-cache',
      'content-length': '97',
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html",
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      etag: '"7tnWo7cdJhWHb4crgQbFiw"',
      'referrer-policy': 'no-referrer',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'portal asset': {
    status: 200,
    headers: {
      'cache-control': 'public, max-age=31536000, immutable',
      'content-length': '10',
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html",
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      etag: '"LinNmph1XEaJb3otVlJNst"',
      'referrer-policy': 'no-referrer',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'portal missing asset': {
    status: 404,
    headers: {
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html", // issue 10
      'content-type': 'application/json',
      'cross-origin-opener-policy': 'same-origin', // issue 10
      'cross-origin-resource-policy': 'same-origin', // issue 10
      'referrer-policy': 'no-referrer', // issue 10
      'x-content-type-options': 'nosniff', // issue 10
      'x-frame-options': 'DENY', // issue 10
    },
  },
  'not found': {
    status: 404,
    headers: {
      'content-type': 'application/json',
    },
  },
  submit: {
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
  'staff download': {
    status: 200,
    headers: {
      'cache-control': 'private, no-store',
      'content-disposition': "attachment; filename*=UTF-8''anh.png",
      'content-security-policy': "default-src 'none'; sandbox",
      'content-type': 'image/png',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'answer file upload': {
    status: 201,
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
  'answer file staff download': {
    status: 200,
    headers: {
      'cache-control': 'private, no-store',
      'content-disposition': "attachment; filename*=UTF-8''ket-qua.pdf",
      'content-security-policy': "default-src 'none'; sandbox",
      'content-type': 'application/pdf',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'answer file citizen download': {
    status: 200,
    headers: {
      'access-control-allow-origin': 'http://127.0.0.1:8081',
      'cache-control': 'private, no-store',
      'content-disposition': "attachment; filename*=UTF-8''ket-qua.pdf",
      'content-security-policy': "default-src 'none'; sandbox",
      'content-type': 'application/pdf',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'cross-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin, Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  },
  'widget loader not modified': {
    status: 304,
    headers: {
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-resource-policy': 'cross-origin',
      etag: '"62vMBcGy_Xnyb5BS4ZdwVB"',
      'timing-allow-origin': '*',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    },
  },
};
