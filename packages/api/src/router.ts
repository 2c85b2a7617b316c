import { adminRouter } from './routers/admin.ts';
import { authRouter } from './routers/auth.ts';
import { calendarRouter } from './routers/calendar.ts';
import { intakeRouter } from './routers/intake.ts';
import { letterRouter } from './routers/letter.ts';
import { caseRouter } from './routers/case.ts';
import { categoryRouter } from './routers/category.ts';
import { auditRouter, authorityRouter, unitRouter } from './routers/organisation.ts';
import { siteRouter } from './routers/site.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  admin: adminRouter,
  auth: authRouter,
  calendar: calendarRouter,
  intake: intakeRouter,
  letter: letterRouter,
  case: caseRouter,
  category: categoryRouter,
  site: siteRouter,
  unit: unitRouter,
  authority: authorityRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
