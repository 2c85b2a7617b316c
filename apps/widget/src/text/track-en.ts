import domain from 'virtual:pakn-domain-text/track/en';
import type { TrackText } from './track-vi.ts';

/** The tracking view's words in English: loaded with the tracking view when English is chosen. */
export const trackEn: TrackText = {
  ...domain,
  track: 'Track',
  tracking: 'Looking it up…',
  trackHint: 'Enter the reference and access key you got when you sent the report.',
  caseTitle: (reference) => `Report ${reference}`,
  status: 'Status',
  history: 'History',
  deadline: (stage, when) => `${stage} due: ${when}`,
  stages: { classification: 'Classification', forwarding: 'Forwarding', answer: 'Answer' },
  overdue: 'overdue',
  infoRequest: 'The unit asks for more information',
  infoReply: 'Your reply',
  sendInfo: 'Send the information',
  infoSent: 'Information sent.',
  mergedInto: (reference) => `This case was merged into ${reference}.`,
  answer: 'Answer',
  referral: 'Guidance from the Centre',
  rating: 'Satisfaction',
  ratingHint: '1: very unsatisfied, 5: very satisfied.',
  comment: 'Comment (optional)',
  rate: 'Send rating',
  chooseScore: 'Please choose a score.',
  rated: (score) => `You rated it ${score}/5. Thank you.`,
  review: 'Ask the Centre to review',
  reviewReason: 'Why you ask for a review',
  reviewUntil: (when) => `You may ask until ${when}.`,
  reviewSent: 'Review requested.',
};
