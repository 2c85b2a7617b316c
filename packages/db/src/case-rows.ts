import type { Row } from '@libsql/client';
import type { AnswerOutcome, CaseRecord, CaseStatus, Channel, Extension, Lang, OutOfScopeClass, Pause } from '@pakn/domain';
import { num, str, strOrNull } from './rows.ts';

/**
 * How a case row reads: shared by the case store (cases.ts) and the search index (case-search.ts), which both
 * select whole cases; kept apart from both so that neither has to import the other.
 */
export const CASE_COLUMNS = `id, reference, channel, site_key, status, reported_category, category, out_of_scope_class,
  referral, concerned_unit_id, unit_id, description, contact_name, contact_phone, contact_email, confidential,
  lang, answer, answered_at, created_at, updated_at, version, dossier_code, appointment_date, returned_date,
  rating_score, rating_comment, rated_at, forwarded_at, wants_updates, merged_into, acknowledged_at, assigned_to, pauses,
  info_question, extension_status, extension_days, extension_reason, answer_outcome, internal_note`;

export function toCase(row: Row): CaseRecord {
  return {
    id: str(row, 'id'),
    reference: str(row, 'reference'),
    channel: str(row, 'channel') as Channel,
    siteKey: strOrNull(row, 'site_key'),
    status: str(row, 'status') as CaseStatus,
    reportedCategory: strOrNull(row, 'reported_category'),
    category: strOrNull(row, 'category'),
    outOfScopeClass: strOrNull(row, 'out_of_scope_class') as OutOfScopeClass | null,
    referral: strOrNull(row, 'referral'),
    concernedUnitId: strOrNull(row, 'concerned_unit_id'),
    unitId: strOrNull(row, 'unit_id'),
    description: str(row, 'description'),
    dossierCode: strOrNull(row, 'dossier_code'),
    appointmentDate: strOrNull(row, 'appointment_date'),
    returnedDate: strOrNull(row, 'returned_date'),
    contact: {
      name: strOrNull(row, 'contact_name'),
      phone: strOrNull(row, 'contact_phone'),
      email: strOrNull(row, 'contact_email'),
    },
    confidential: num(row, 'confidential') === 1,
    wantsUpdates: num(row, 'wants_updates') === 1,
    lang: str(row, 'lang') as Lang,
    answer: strOrNull(row, 'answer'),
    answeredAt: strOrNull(row, 'answered_at'),
    forwardedAt: strOrNull(row, 'forwarded_at'),
    mergedInto: strOrNull(row, 'merged_into'),
    acknowledgedAt: strOrNull(row, 'acknowledged_at'),
    assignedTo: strOrNull(row, 'assigned_to'),
    pauses: JSON.parse(str(row, 'pauses')) as Pause[],
    infoQuestion: strOrNull(row, 'info_question'),
    extension: row.extension_status
      ? { status: str(row, 'extension_status') as Extension['status'], days: num(row, 'extension_days'), reason: str(row, 'extension_reason') }
      : null,
    answerOutcome: strOrNull(row, 'answer_outcome') as AnswerOutcome | null,
    internalNote: strOrNull(row, 'internal_note'),
    rating:
      row.rating_score === null || row.rating_score === undefined
        ? null
        : { score: num(row, 'rating_score'), comment: strOrNull(row, 'rating_comment'), at: str(row, 'rated_at') },
    createdAt: str(row, 'created_at'),
    updatedAt: str(row, 'updated_at'),
    version: num(row, 'version'),
  };
}
