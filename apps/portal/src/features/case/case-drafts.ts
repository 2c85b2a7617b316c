import { DEFAULT_REFERRALS, OUT_OF_SCOPE_CLASSES, type Lang } from '@pakn/domain';
import type { Authority, CaseView, Letter } from './case-types.ts';

/** The editable values of every action form, empty; reset from the case whenever its status changes. */
const EMPTY = {
  scope: 'in' as 'in' | 'out',
  category: '',
  outOfScopeClass: '',
  authorityId: '',
  referral: '',
  /** Whether the officer changed the suggested referral (then a class change keeps their text). */
  referralEdited: false,
  unitId: '',
  letter: '',
  confirmSelfReview: false,
  directorComment: '',
  infoQuestion: '',
  declineReason: '',
  outcome: '',
  answer: '',
  internalNote: '',
  returnReason: '',
  confirmComment: '',
  extensionDays: '',
  extensionReason: '',
  extensionComment: '',
  mergeReference: '',
};

export type Drafts = typeof EMPTY;

/** The text fields of the drafts, which the generic text areas edit. */
export type TextDraft = { [K in keyof Drafts]: Drafts[K] extends string ? K : never }[keyof Drafts];

export function emptyDrafts(): Drafts {
  return { ...EMPTY };
}

/** The forms started afresh from a (new status of a) case. */
export function draftsFor(item: CaseView, letters: readonly Letter[]): Drafts {
  const lastLetter = letters.at(-1);
  return {
    ...emptyDrafts(),
    category: item.category ?? item.reportedCategory ?? '',
    // Re-drafting after a return or a decline starts from the unit of the last letter.
    unitId: lastLetter && item.status !== 'reopened' ? lastLetter.unitId : '',
  };
}

/** The language the citizen wrote in, which texts meant for them (a referral, an answer) are written in. */
export function citizenLang(item: CaseView): Lang {
  return item.lang === 'en' ? 'en' : 'vi';
}

/**
 * A new out-of-scope class: its suggested referral replaces the text unless the officer wrote their own,
 * and an authority of another class no longer fits. Returns the drafts and the fields whose error goes.
 */
export function withOutOfScopeClass(d: Drafts, value: string, authorities: readonly Authority[], lang: Lang): { drafts: Drafts; changed: string[] } {
  const known = OUT_OF_SCOPE_CLASSES.find((c) => c === value);
  const suggestion = known ? DEFAULT_REFERRALS[known][lang] : '';
  const referral = d.referralEdited && d.referral.trim() ? d.referral : suggestion;
  const authority = authorities.find((a) => a.id === d.authorityId);
  const authorityId = authority && authority.outOfScopeClass === value ? d.authorityId : '';
  return {
    drafts: { ...d, outOfScopeClass: value, authorityId, referral, referralEdited: d.referralEdited && referral === d.referral },
    changed: ['outOfScopeClass', ...(referral === d.referral ? [] : ['referral'])],
  };
}

/** Picking an authority from the directory fills in its referral text (in the citizen's language), and its class. */
export function withAuthority(d: Drafts, id: string, authorities: readonly Authority[], lang: Lang): Drafts {
  const authority = authorities.find((a) => a.id === id);
  if (!authority) return { ...d, authorityId: '' };
  return { ...d, authorityId: id, outOfScopeClass: authority.outOfScopeClass, referral: authority.referral[lang], referralEdited: false };
}

/** Whether the chosen unit is the one the citizen complains about (it would review itself). */
export function isSelfReview(item: CaseView, d: Drafts): boolean {
  return Boolean(item.concernedUnitId && d.unitId === item.concernedUnitId);
}
