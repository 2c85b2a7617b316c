/**
 * Limits and patterns shared by the schemas and by browser code that cannot afford zod (the widget). No
 * imports: importing this module never pulls a validation library into a bundle.
 */
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;
export const ANSWER_MIN = 20;
export const ANSWER_MAX = 10000;
export const REFERRAL_MAX = 4000;
export const RATING_COMMENT_MAX = 1000;
export const REVIEW_REASON_MIN = 10;
export const REVIEW_REASON_MAX = 2000;
export const PHONE_PATTERN = /^\+?[0-9][0-9 .-]{7,18}$/;
