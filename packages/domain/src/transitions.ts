/** What a case's history records: every move of workflow.ts, plus events that do not change the status. */
export const CaseEventKind = {
  submitted: 'submitted',
  classified_in_scope: 'classified_in_scope',
  referred: 'referred',
  forwarded: 'forwarded',
  answered: 'answered',
  review_requested: 'review_requested',
  forwarding_drafted: 'forwarding_drafted',
  forwarding_returned: 'forwarding_returned',
  acknowledged: 'acknowledged',
  info_requested: 'info_requested',
  info_provided: 'info_provided',
  declined: 'declined',
  answer_submitted: 'answer_submitted',
  answer_returned: 'answer_returned',
  answer_confirmed: 'answer_confirmed',
  merged: 'merged',
  extension_requested: 'extension_requested',
  extension_approved: 'extension_approved',
  extension_refused: 'extension_refused',
  reminder_sent: 'reminder_sent',
  escalated: 'escalated',
  contact_logged: 'contact_logged',
  assigned: 'assigned',
  /** The Centre corrected the summary; the note keeps the earlier text. */
  summary_edited: 'summary_edited',
} as const satisfies Record<string, string>;
export type CaseEventKind = (typeof CaseEventKind)[keyof typeof CaseEventKind];
