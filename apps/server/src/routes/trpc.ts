/** /trpc: the citizens' and staff's procedures (@pakn/api), JSON only, small bodies, batches of ten at most. */
import { Hono } from 'hono';
import { trpcServer } from '@hono/trpc-server';
import { appRouter, createContext } from '@pakn/api';
import type { SurfaceContext } from '../app-context.ts';
import { bodyLimitOf, jsonBodiesOnly, noStore, type AppEnv } from '../middleware.ts';
import { ownPageHeaders } from '../security-headers.ts';
import { citizenCalls, type ProcedureHooks } from './citizen-calls.ts';

/** JSON request bodies above this are refused before parsing. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

const PROCEDURES: ReadonlySet<string> = new Set(Object.keys(appRouter._def.procedures));

/** The procedures a path names (`case.track`, or a batch `a,b`), for the log; `unknown` for any other text. */
function procedureOf(path: string): string {
  const names = decodeURIComponent(path.slice('/trpc/'.length)).split(',');
  return names.every((name) => PROCEDURES.has(name)) ? names.join(',') : 'unknown';
}

/**
 * `citizenFastPath: false` sends the widget's calls through tRPC's fetch adapter like every other call: the test
 * that holds both paths to the same answers runs it.
 */
export function trpcRoutes({ services, requestInfo, citizenCors, logger }: SurfaceContext, options: { citizenFastPath?: boolean } = {}): Hono<AppEnv> {
  const hooks: ProcedureHooks = {
    // The request id rides along in tRPC's context, for the log line of a failed procedure.
    createContext: async (c, resHeaders) => ({ ...(await createContext(services, requestInfo(c, resHeaders))), requestId: c.get('requestId') }),
    // Domain errors and refusals are answers; anything else is a fault, logged once here (never its input).
    onError: ({ error, path, ctx }) => {
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      const reqId = (ctx as { requestId?: string } | undefined)?.requestId;
      logger.error({ reqId, procedure: path && PROCEDURES.has(path) ? path : 'unknown', err: error.cause ?? error }, 'procedure failed');
    },
  };
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    async (c, next) => {
      try {
        c.set('procedure', procedureOf(c.req.path));
      } catch {
        c.set('procedure', 'unknown'); // a malformed escape in the path
      }
      await next();
    },
    ownPageHeaders,
    noStore,
    citizenCors,
    jsonBodiesOnly({ methods: ['POST'] }),
    bodyLimitOf(API_BODY_LIMIT_BYTES),
  );
  if (options.citizenFastPath !== false) app.use('*', citizenCalls(hooks));
  app.use(
    '*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      allowBatching: true,
      maxBatchSize: 10,
      // @hono/trpc-server types the context loosely; this sub-app's is the app's (AppEnv).
      createContext: async (opts, c) => ({ ...(await hooks.createContext(c as Parameters<ProcedureHooks['createContext']>[0], opts.resHeaders)) }),
      onError: ({ error, path, ctx }) => hooks.onError({ error, path: path ?? '', ctx: ctx as Parameters<ProcedureHooks['onError']>[0]['ctx'] }),
    }),
  );
  return app;
}
