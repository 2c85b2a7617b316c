import type { PaknClient } from '@pakn/api-client';

/** The types the case page reads, as the API client answers them (browser code sees the API through its client). */
export type CaseView = Awaited<ReturnType<PaknClient['case']['get']['query']>>;
export type Letter = Awaited<ReturnType<PaknClient['case']['letters']['query']>>[number];
export type UnitRecord = Awaited<ReturnType<PaknClient['unit']['records']['query']>>[number];
export type Authority = Awaited<ReturnType<PaknClient['authority']['list']['query']>>[number];
export type Attachment = Awaited<ReturnType<PaknClient['case']['attachments']['query']>>[number];
/** The case mutations, which the action forms call. */
export type CaseMutations = PaknClient['case'];

/** A case page's data: the case and what hangs on it. */
export interface CaseBundle {
  readonly item: CaseView;
  readonly letters: readonly Letter[];
  readonly attachments: readonly Attachment[];
  readonly records: readonly UnitRecord[];
  /** The reference of the case this one was merged into. */
  readonly mergedReference: string | null;
}
