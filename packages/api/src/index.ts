export { appRouter, createCaller, type AppRouter } from './router.ts';
export {
  createApiServices,
  createContext,
  CSRF_HEADER,
  SESSION_COOKIE,
  type ApiServices,
  type Context,
  type RequestInfo,
  type ServiceOptions,
} from './context.ts';
export { DEFAULT_CITIZEN_LIMITS, NO_CITIZEN_LIMITS, type CitizenLimits, type CitizenPolicy, type CitizenPolicyOptions } from './citizen-policy.ts';
export { uploadAttachment, type UploadedAttachment } from './attachments.ts';
export { formatError } from './errors.ts';
export { solveChallenge, type ChallengeData } from './proof-of-work.ts';
export { toTRPCError, domainErrorResponse, refusalResponse, methodNotAllowedResponse, type RefusalReason } from './http-errors.ts';
export { hashPassword, verifyPassword, newAccessKey, sha256Hex } from './secrets.ts';
export type { StaffCaseView, CitizenCaseView } from './presenters.ts';
export { deliverOutbox, retryDelayMs, MAX_DELIVERY_ATTEMPTS, type MailTransport, type DeliveryResult } from './notifications.ts';
export type { CaseChange } from './case-feed.ts';
export { downloadAttachment } from './attachment-download.ts';
export { exportCases, type BinaryExport, type CsvExport } from './exports.ts';
export { exportUnitEvaluation, exportUnitEvaluationXlsx, evaluationWorkbook } from './evaluation-exports.ts';
export { scoredEvaluation, type ScoredEvaluation } from './evaluation.ts';
export { exportPeriodReportCsv, exportPeriodReportXlsx } from './report-exports.ts';
export { uploadAnswerAttachment, removeAnswerAttachment, downloadAnswerAttachmentForStaff, downloadAnswerAttachmentForCitizen } from './answer-attachments.ts';
export { enforceRateLimit } from './citizen-policy.ts';
export { PublicStatisticsService, SingleFlightCache, PUBLIC_STATISTICS_TTL_MS, publicStatisticsView, type PublicSnapshot } from './public-statistics.ts';
