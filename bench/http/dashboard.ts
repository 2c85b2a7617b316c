/**
 * Issue 12: the dashboard's figure. A year for the whole city, as the portal's "Năm" preset asks for it (the
 * calendar year of today, compared with the year before), by the Director. Its goal at one million cases is
 * 300 ms; its query plan may not read cases or case_events whole (both checked by http.ts like every staff call).
 */
import type { StaffCall } from './api-calls.ts';

export const DASHBOARD_GOALS: Readonly<Record<string, number>> = { 'dashboard.one-year': 300 };

export function dashboardCalls(today: Date): StaffCall[] {
  const year = today.getUTCFullYear();
  return [{ name: 'dashboard.one-year', procedure: 'dashboard.figures', input: { from: `${year}-01-01`, to: `${year}-12-31` }, user: 'giamdoc' }];
}
