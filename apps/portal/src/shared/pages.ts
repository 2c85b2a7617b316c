import type { Action, Text } from '@pakn/domain';

/**
 * The portal's pages: ONE table. It drives the address parsing (shell/routes.ts), the element the shell shows
 * and its attributes, the permission check, the title, the main navigation, the admin landing page's menu, and
 * the Vite inputs (vite.config.ts). Data only (no Lit, no DOM): vite.config.ts reads it in Node. The shell's
 * lazy loaders (shell/loaders.ts) are keyed by the same names, and the compiler asks for one per row.
 *
 * A new page is one row here, plus its loader line.
 */

/** Everything lives under BASE_PATH. */
export const BASE_PATH = '/portal/';

export interface Page {
  /**
   * The path under BASE_PATH: literal segments, and `:name` for a parameter (one non-empty segment, decoded).
   * Each parameter becomes an attribute of the element, in kebab case (`caseId` → `case-id`).
   */
  readonly path: string;
  /**
   * Query parameters the page reads, with their default; null leaves the parameter out when it is missing or
   * empty. They become attributes too (the empty string when left out).
   */
  readonly query?: Readonly<Record<string, string | null>>;
  /** The custom element that shows the page. */
  readonly tag: string;
  /** Its module under src/features/: a Vite input of its own, loaded the first time the page is shown. */
  readonly module: string;
  /** What the role must be allowed to do; the server refuses the rest anyway, the shell just says so plainly. */
  readonly permission?: Action;
  /** The document title (before the product name). */
  readonly title: Text;
  /** Its link in the main navigation, when it has one: its own words, or `true` for the title's. */
  readonly nav?: Text | true;
  /** The page whose navigation link stands for this one too (the admin pages under "Administration"). */
  readonly navUnder?: string;
  /** Its place on the admin landing page (1 first), with `about`, a line about it, and its link's words (default: the title). */
  readonly adminMenu?: number;
  readonly about?: Text;
  readonly menuLabel?: Text;
}

/** A page of its own feature: its address `name` unless told, its element `pakn-<name>` in features/<name>/. */
function page<N extends string, R extends Omit<Page, 'tag' | 'module' | 'path'> & { readonly path?: string }>(name: N, rest: R) {
  return { path: name, tag: `pakn-${name}`, module: `${name}/pakn-${name}.ts`, ...rest } as const;
}

/** A page of the administration: its address under admin/, its element `pakn-<name>`, admins only by default, and "Administration" standing for it in the navigation. */
function adminPage<N extends string, F extends string, R extends Omit<Page, 'path' | 'tag' | 'module' | 'navUnder'>>(name: N, feature: F, rest: R) {
  return { path: `admin/${name}`, tag: `pakn-${name}`, module: `${feature}/pakn-${name}.ts`, permission: 'administer', navUnder: 'admin', ...rest } as const;
}

export const PAGES = {
  inbox: page('inbox', {
    path: '',
    // from … group: the cases behind a dashboard figure (issue 12).
    query: { status: 'open', q: null, page: null, from: null, to: null, channel: null, category: null, scope: null, unit: null, group: null },
    title: { vi: 'Hộp thư phản ánh', en: 'Case inbox' },
    nav: { vi: 'Hộp thư', en: 'Inbox' },
  }),
  case: page('case', { path: 'cases/:caseId', title: { vi: 'Phản ánh', en: 'Case' } }),
  letter: page('letter', { path: 'letters/:letterId', title: { vi: 'Văn bản chuyển xử lý', en: 'Forwarding letter' } }),
  intake: page('intake', {
    permission: 'logContact',
    title: { vi: 'Tiếp nhận qua điện thoại, Zalo, Viber', en: 'Log a contact' },
    nav: { vi: 'Tiếp nhận qua điện thoại, Zalo', en: 'Log a contact' },
  }),
  dashboard: page('dashboard', {
    query: { period: null, date: null, from: null, to: null, group: null, unit: null, grain: null },
    permission: 'readDashboard',
    title: { vi: 'Bảng số liệu', en: 'Dashboard' },
    nav: true,
  }),
  'follow-up': page('follow-up', { query: { overdue: null, 'at-risk': null }, title: { vi: 'Theo dõi, đôn đốc', en: 'Follow-up' }, nav: true }),
  // Issue 12: the period reports; without a year and index, the current reporting period of the kind.
  reports: page('reports', {
    query: { kind: 'quarter', year: null, index: null },
    permission: 'readEvaluation',
    title: { vi: 'Báo cáo định kỳ', en: 'Period reports' },
    nav: { vi: 'Báo cáo', en: 'Reports' },
  }),
  // The year is the feature's business (it picks the current year when it is missing or not a year).
  register: page('register', {
    query: { year: '', page: null },
    title: { vi: 'Sổ văn bản chuyển xử lý', en: 'Forwarding register' },
    nav: { vi: 'Sổ văn bản chuyển', en: 'Forwarding register' },
  }),
  calendar: page('calendar', {
    query: { year: '' },
    title: { vi: 'Lịch làm việc', en: 'Working calendar' },
    nav: true,
    adminMenu: 6,
    about: {
      vi: 'Ngày nghỉ lễ, Tết, ngày làm bù và giờ làm việc dùng để tính thời hạn.',
      en: 'Holidays, Tết, make-up working days and office hours that deadlines count.',
    },
  }),
  admin: page('admin', {
    permission: 'administer',
    title: { vi: 'Quản trị hệ thống', en: 'Administration' },
    nav: { vi: 'Quản trị', en: 'Administration' },
  }),
  users: adminPage('users', 'admin', {
    title: { vi: 'Tài khoản cán bộ', en: 'Staff accounts' },
    adminMenu: 1,
    about: {
      vi: 'Tạo, sửa, khóa tài khoản; gán vai trò và đơn vị; đặt lại mật khẩu.',
      en: 'Create, edit and deactivate accounts; assign roles and units; reset passwords.',
    },
  }),
  units: adminPage('units', 'admin', {
    title: { vi: 'Đơn vị', en: 'Units' },
    adminMenu: 2,
    about: {
      vi: 'Trung tâm, các chi nhánh, sở, ngành, UBND xã, phường: tên, loại và đơn vị cấp trên.',
      en: 'The Centre, its branches, departments, communes and wards: name, kind and parent unit.',
    },
  }),
  sites: adminPage('sites', 'admin', {
    title: { vi: 'Trang web nhúng biểu mẫu', en: 'Sites embedding the widget' },
    adminMenu: 3,
    about: {
      vi: 'Trang web được phép nhúng biểu mẫu phản ánh: địa chỉ được phép, đơn vị mặc định, đoạn mã nhúng.',
      en: 'Websites allowed to embed the form: allowed origins, default unit, embed code.',
    },
  }),
  categories: adminPage('categories', 'categories', {
    title: { vi: 'Loại phản ánh', en: 'Case categories' },
    adminMenu: 4,
    menuLabel: { vi: 'Loại phản ánh', en: 'Categories' },
    about: {
      vi: 'Danh mục loại phản ánh, kiến nghị mà người dân và cán bộ tiếp nhận chọn.',
      en: 'The kinds of complaint that citizens and intake officers choose from.',
    },
  }),
  'letter-template': adminPage('letter-template', 'letter-template', {
    title: { vi: 'Mẫu văn bản chuyển xử lý', en: 'Forwarding letter template' },
    adminMenu: 5,
    about: {
      vi: 'Mẫu văn bản chuyển phản ánh đến đơn vị xử lý, trình Giám đốc ký.',
      en: 'The template of the letter that forwards a case to a unit, signed by the Director.',
    },
  }),
  'evaluation-scoring': adminPage('evaluation-scoring', 'follow-up', {
    title: { vi: 'Cách tính điểm đánh giá đơn vị', en: 'Unit evaluation scoring' },
    adminMenu: 8,
    menuLabel: { vi: 'Tính điểm đánh giá đơn vị', en: 'Evaluation scoring' },
    about: {
      vi: 'Trọng số các tiêu chí và số vụ việc tối thiểu để xếp hạng đơn vị.',
      en: 'The weights of the criteria and the minimum of cases for a unit to be ranked.',
    },
  }),
  authorities: adminPage('authorities', 'authorities', {
    permission: 'manageAuthorities',
    title: { vi: 'Danh mục cơ quan có thẩm quyền', en: 'Competent authorities' },
    adminMenu: 7,
    menuLabel: { vi: 'Cơ quan có thẩm quyền', en: 'Competent authorities' },
    about: {
      vi: 'Nơi hướng dẫn người dân đến khi phản ánh ngoài phạm vi của Trung tâm.',
      en: 'Where citizens are referred when a case is outside the Centre’s scope.',
    },
  }),
  // The case feature's audit element, without a case: the whole log.
  audit: {
    path: 'audit',
    tag: 'pakn-case-audit',
    module: 'case/pakn-case-audit.ts',
    permission: 'readAudit',
    title: { vi: 'Nhật ký kiểm tra', en: 'Audit log' },
    nav: true,
  },
} as const satisfies Readonly<Record<string, Page>>;

export type PageName = keyof typeof PAGES;

/** The rows, with their names, in the table's order (which is the main navigation's order). */
export const PAGE_LIST: readonly (Page & { readonly name: PageName })[] = (Object.keys(PAGES) as PageName[]).map((name) => ({
  name,
  ...(PAGES[name] as Page),
}));

/** The words of a page's link in the main navigation, if it has one. */
export function navLabel(page: Page): Text | null {
  return page.nav === true ? page.title : (page.nav ?? null);
}

/** The address of a page; `params` fill its `:name` segments (encoded). */
export function pagePath(name: PageName, params: Readonly<Record<string, string>> = {}): string {
  const path = PAGES[name].path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment))
    .join('/');
  return `${BASE_PATH}${path}`;
}

/** The Vite inputs: the portal page, and one entry per feature module (several pages may share one). */
export function viteInputs(): Record<string, string> {
  const inputs: Record<string, string> = { portal: 'index.html' };
  for (const page of PAGE_LIST) inputs[page.tag] = `src/features/${page.module}`;
  return inputs;
}
