export { appRouter, createCaller, type AppRouter } from './router.ts';
export { createContext, CSRF_HEADER, SESSION_COOKIE, type ApiServices, type Context, type RequestInfo } from './context.ts';
export { hashPassword, verifyPassword, newAccessKey, sha256Hex } from './secrets.ts';
export type { StaffCaseView, CitizenCaseView } from './presenters.ts';
