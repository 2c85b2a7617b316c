import { EMPTY_REPORT, type ReportValues } from './validate-report.ts';

/**
 * Drafts of `<pakn-report-form>`: written only when the citizen asks ("Lưu bản nháp trên máy này"), read back on
 * the next visit, one `localStorage` key per site. Storage may be blocked (a third-party frame, privacy mode):
 * every call then fails quietly and says so.
 */
const draftKey = (site: string) => `pakn-draft:${site}`;

/** The saved draft, or null when there is none, storage is blocked or the draft is damaged (start empty). */
export function readDraft(site: string): ReportValues | null {
  try {
    const saved = localStorage.getItem(draftKey(site));
    return saved ? { ...EMPTY_REPORT, ...(JSON.parse(saved) as Partial<ReportValues>) } : null;
  } catch {
    return null;
  }
}

/** Saves the values; false when the browser refuses. */
export function writeDraft(site: string, values: ReportValues): boolean {
  try {
    localStorage.setItem(draftKey(site), JSON.stringify(values));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(site: string): void {
  try {
    localStorage.removeItem(draftKey(site));
  } catch {
    // Nothing was stored.
  }
}
