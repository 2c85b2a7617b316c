import { authRouter } from './routers/auth.ts';
import { calendarRouter } from './routers/calendar.ts';
import { caseRouter } from './routers/case.ts';
import { siteRouter, unitRouter } from './routers/site.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  calendar: calendarRouter,
  case: caseRouter,
  site: siteRouter,
  unit: unitRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
