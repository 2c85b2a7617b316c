/**
 * Lengths the tracking view checks before sending, mirroring the shared schemas of @pakn/domain
 * (`RequestReviewInputSchema.reason`, `ProvideInfoInputSchema.message`); track-limits.test.ts runs the schemas on
 * the boundaries. Copied, not imported: the schemas module would bring zod into the widget. The server still
 * parses every call.
 */
export const REVIEW_REASON_MIN = 10;
export const REVIEW_REASON_MAX = 2000;
/** The citizen's reply to a request for more information (the maximum is the description's, `rules.descriptionMax`). */
export const INFO_REPLY_MIN = 5;
