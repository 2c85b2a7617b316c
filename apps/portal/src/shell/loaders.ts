import type { PageName } from '#shared/pages.ts';

/**
 * Each page's feature module, fetched the first time the page is shown: separate chunks, since each is a
 * Vite input of its own (see PAGES). One line per row of the table; the type asks for every row. The
 * import paths must be literal for the bundler, so they cannot be built from the table.
 */
export const LOADERS: { readonly [N in PageName]: () => Promise<unknown> } = {
  inbox: () => import('../features/inbox/pakn-inbox.ts'),
  case: () => import('../features/case/pakn-case.ts'),
  letter: () => import('../features/letter/pakn-letter.ts'),
  intake: () => import('../features/intake/pakn-intake.ts'),
  dashboard: () => import('../features/dashboard/pakn-dashboard.ts'),
  'follow-up': () => import('../features/follow-up/pakn-follow-up.ts'),
  register: () => import('../features/register/pakn-register.ts'),
  reports: () => import('../features/reports/pakn-reports.ts'),
  calendar: () => import('../features/calendar/pakn-calendar.ts'),
  admin: () => import('../features/admin/pakn-admin.ts'),
  users: () => import('../features/admin/pakn-users.ts'),
  units: () => import('../features/admin/pakn-units.ts'),
  sites: () => import('../features/admin/pakn-sites.ts'),
  categories: () => import('../features/categories/pakn-categories.ts'),
  'letter-template': () => import('../features/letter-template/pakn-letter-template.ts'),
  authorities: () => import('../features/authorities/pakn-authorities.ts'),
  'evaluation-scoring': () => import('../features/follow-up/pakn-evaluation-scoring.ts'),
  audit: () => import('../features/case/pakn-case-audit.ts'),
};
