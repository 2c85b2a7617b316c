/**
 * The security headers of each surface, as Hono `secureHeaders` middleware: one place to read what the
 * portal, the API, the widget's files, the hosted page and the iframe promise the browser. Everything a
 * surface sends is here; a handler only adds what depends on the one response (a download's sandbox, a
 * cache lifetime). test/surface-headers.test.ts holds every surface to the exact headers.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders, type SecureHeadersVariables } from 'hono/secure-headers';

type SecureHeadersOptions = Partial<NonNullable<Parameters<typeof secureHeaders>[0]>>;
type CspDirectives = NonNullable<SecureHeadersOptions['contentSecurityPolicy']>;

/** secureHeaders turns on a few headers of its own by default; each surface names every header it sends. */
const NONE: SecureHeadersOptions = {
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  strictTransportSecurity: false,
  xContentTypeOptions: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/** Everything the PAKN origin serves to its own pages (portal, API, health, files). */
const OWN_PAGE: SecureHeadersOptions = {
  ...NONE,
  xContentTypeOptions: true,
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
};

/** Only our own files, no inline code, no plugins, no framing; the shared start of both page policies. */
const OWN_FILES_ONLY: CspDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
};
const NOTHING_ELSE = {
  connectSrc: ["'self'"],
  fontSrc: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
} satisfies CspDirectives;

const PORTAL_CSP: CspDirectives = {
  ...OWN_FILES_ONLY,
  imgSrc: ["'self'", 'data:'],
  ...NOTHING_ELSE,
  frameAncestors: ["'none'"],
  // Issue 9: no string reaches an HTML or script sink unless a Trusted Types policy made it. The portal's
  // bundle creates one policy, Lit's `lit-html` (its templates); Vite's preload helper only adds
  // <link rel=modulepreload>, which is no sink. A new policy must be named here, or its creation throws.
  requireTrustedTypesFor: ["'script'"],
  trustedTypes: ['lit-html'],
};

/** The hosted page and the iframe: our own origin, our own strict policy; the widget's one policy. */
function hostedCsp(frameAncestors: CspDirectives['frameAncestors']): CspDirectives {
  return {
    ...OWN_FILES_ONLY,
    imgSrc: ["'self'", 'data:', 'blob:'],
    ...NOTHING_ELSE,
    frameAncestors,
    requireTrustedTypesFor: ["'script'"],
    trustedTypes: ['pakn-widget'],
  };
}

/** Health, the tRPC API and the file routes. A download's own sandboxing CSP (file-responses.ts) stays. */
export const ownPageHeaders: MiddlewareHandler = secureHeaders({ ...OWN_PAGE, overwrite: false });

export const portalHeaders: MiddlewareHandler = secureHeaders({ ...OWN_PAGE, contentSecurityPolicy: PORTAL_CSP });

/** The hosted page for QR codes on posters: /c/SITE-KEY. */
export const hostedPageHeaders: MiddlewareHandler = secureHeaders({ ...OWN_PAGE, contentSecurityPolicy: hostedCsp(["'none'"]) });

/**
 * The public statistics page (issue 12): no script at all, our own style sheet, never framed. It is a page of
 * our origin like the hosted page, so it gets the same headers, with a policy that allows no script.
 */
export const publicPageHeaders: MiddlewareHandler = secureHeaders({
  ...OWN_PAGE,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    requireTrustedTypesFor: ["'script'"],
  },
});

/**
 * The public statistics as JSON (issue 12): aggregates that any site may read and embed (CORS `*`, never
 * credentials: no cookie is read), loadable by cross-origin-isolated pages too, never sniffed.
 */
const publicDataSecureHeaders = secureHeaders({ ...NONE, xContentTypeOptions: true, crossOriginResourcePolicy: 'cross-origin', referrerPolicy: 'no-referrer' });
export const publicDataHeaders: MiddlewareHandler = async (c, next) => {
  await publicDataSecureHeaders(c, next);
  c.res.headers.set('Access-Control-Allow-Origin', '*');
};

/** The variable the iframe's route sets before its headers: the origins of the site allowed to frame it. */
export interface FrameVariables extends SecureHeadersVariables {
  frameAncestors: readonly string[];
}

/**
 * The same form in an iframe, for partners who want hard isolation: only the site's own pages may frame it
 * (the route sets `frameAncestors`), and a cross-origin-isolated host page (COEP require-corp) can only frame
 * documents that opt in too.
 */
export const frameHeaders: MiddlewareHandler<{ Variables: FrameVariables }> = secureHeaders({
  ...OWN_PAGE,
  xFrameOptions: false,
  crossOriginResourcePolicy: 'cross-origin',
  crossOriginEmbedderPolicy: 'require-corp',
  contentSecurityPolicy: hostedCsp([(c) => (c.get('frameAncestors') as readonly string[] | undefined)?.join(' ') || "'none'"]),
});

/**
 * Widget files are embedded by other sites: they must be loadable cross-origin (module scripts are fetched in
 * CORS mode, COEP pages need CORP cross-origin), and never sniffed. Any site may read them and their timing.
 */
const widgetSecureHeaders = secureHeaders({ ...NONE, xContentTypeOptions: true, crossOriginResourcePolicy: 'cross-origin' });
export const widgetAssetHeaders: MiddlewareHandler = async (c, next) => {
  await widgetSecureHeaders(c, next);
  c.res.headers.set('Access-Control-Allow-Origin', '*');
  c.res.headers.set('Timing-Allow-Origin', '*');
};

/**
 * Issue 9: once served over https, browsers must never fall back to http for this host (a downgrade would
 * expose the session cookie's requests). Browsers ignore the header on http, so it is sent only for https.
 */
export const strictTransportHeaders: MiddlewareHandler = secureHeaders({ ...NONE, strictTransportSecurity: 'max-age=31536000; includeSubDomains' });
