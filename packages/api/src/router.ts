import { adminRouter } from './routers/admin.ts';
import { authRouter } from './routers/auth.ts';
import { calendarRouter } from './routers/calendar.ts';
import { intakeRouter } from './routers/intake.ts';
import { letterRouter } from './routers/letter.ts';
import { caseProcedures } from './routers/case.ts';
import { caseHandlingProcedures } from './routers/case-handling.ts';
import { citizenCaseProcedures, citizenSiteProcedures } from './routers/citizen.ts';
import { categoryRouter } from './routers/category.ts';
import { auditRouter } from './routers/audit.ts';
import { authorityRouter } from './routers/authority.ts';
import { statisticsRouter } from './routers/statistics.ts';
import { unitRouter } from './routers/unit.ts';
import { dashboardRouter } from './routers/dashboard.ts';
import { reportRouter } from './routers/report.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  admin: adminRouter,
  auth: authRouter,
  calendar: calendarRouter,
  intake: intakeRouter,
  letter: letterRouter,
  // One path space for a case: the citizen's procedures (routers/citizen.ts) beside the staff's.
  case: router({ ...citizenCaseProcedures, ...caseProcedures, ...caseHandlingProcedures }),
  category: categoryRouter,
  site: router(citizenSiteProcedures),
  unit: unitRouter,
  authority: authorityRouter,
  audit: auditRouter,
  statistics: statisticsRouter,
  dashboard: dashboardRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
