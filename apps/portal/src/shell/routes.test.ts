import { describe, expect, it } from 'vitest';
import { PAGE_LIST, pagePath } from '#shared/pages.ts';
import { isPortalPath, parseRoute, routeAttributes } from './routes.ts';

describe('parseRoute', () => {
  it('shows the inbox at the portal root, with the open cases unless a status is asked for', () => {
    expect(parseRoute('/portal/', '')).toEqual({ name: 'inbox', status: 'open' });
    expect(parseRoute('/portal', '')).toEqual({ name: 'inbox', status: 'open' });
    expect(parseRoute('/portal/', '?status=all')).toEqual({ name: 'inbox', status: 'all' });
    expect(parseRoute('/portal/', '?q=%C4%91%C6%B0%E1%BB%9Dng+l%C3%A1ng&status=all')).toEqual({ name: 'inbox', status: 'all', q: 'đường láng' });
  });

  it('shows a case at /portal/cases/:id, decoding the id', () => {
    expect(parseRoute('/portal/cases/2a74499b-feee', '')).toEqual({ name: 'case', caseId: '2a74499b-feee' });
    expect(parseRoute('/portal/cases/a%20b/', '')).toEqual({ name: 'case', caseId: 'a b' });
  });

  it('shows the follow-up lists and the working calendar, with the year asked for', () => {
    expect(parseRoute('/portal/follow-up', '')).toEqual({ name: 'follow-up' });
    expect(parseRoute('/portal/follow-up/', '')).toEqual({ name: 'follow-up' });
    expect(parseRoute('/portal/calendar', '')).toEqual({ name: 'calendar', year: '' });
    expect(parseRoute('/portal/calendar', '?year=2027')).toEqual({ name: 'calendar', year: '2027' });
  });

  it('shows a printable letter at /portal/letters/:id', () => {
    expect(parseRoute('/portal/letters/7f1c-22', '')).toEqual({ name: 'letter', letterId: '7f1c-22' });
  });

  it('shows intake, the forwarding register with its year, and the authority directory', () => {
    expect(parseRoute('/portal/intake', '')).toEqual({ name: 'intake' });
    expect(parseRoute('/portal/register', '')).toEqual({ name: 'register', year: '' });
    expect(parseRoute('/portal/register/', '?year=2026')).toEqual({ name: 'register', year: '2026' });
    expect(parseRoute('/portal/admin/authorities', '')).toEqual({ name: 'authorities' });
    expect(parseRoute('/portal/audit', '')).toEqual({ name: 'audit' });
  });

  it('shows the administration page and its users, units and sites pages', () => {
    expect(parseRoute('/portal/admin', '')).toEqual({ name: 'admin' });
    expect(parseRoute('/portal/admin/', '')).toEqual({ name: 'admin' });
    expect(parseRoute('/portal/admin/users', '')).toEqual({ name: 'users' });
    expect(parseRoute('/portal/admin/units/', '')).toEqual({ name: 'units' });
    expect(parseRoute('/portal/admin/sites', '')).toEqual({ name: 'sites' });
  });

  it('shows the admin’s category list and letter-template editor', () => {
    expect(parseRoute('/portal/admin/categories', '')).toEqual({ name: 'categories' });
    expect(parseRoute('/portal/admin/categories/', '')).toEqual({ name: 'categories' });
    expect(parseRoute('/portal/admin/letter-template', '')).toEqual({ name: 'letter-template' });
    expect(parseRoute('/portal/admin/letter-templates', '')).toEqual({ name: 'not-found' });
  });

  it('reports anything else as not found, including malformed escapes', () => {
    expect(parseRoute('/portal/cases/', '')).toEqual({ name: 'not-found' });
    expect(parseRoute('/portal/cases/a/b', '')).toEqual({ name: 'not-found' });
    expect(parseRoute('/portal/cases/%E0%A4%A', '')).toEqual({ name: 'not-found' });
    expect(parseRoute('/elsewhere', '')).toEqual({ name: 'not-found' });
    expect(parseRoute('/portal/calendar/2027', '')).toEqual({ name: 'not-found' });
    expect(parseRoute('/portal/letters/', '')).toEqual({ name: 'not-found' });
    expect(parseRoute('/portal/admin/users/quantri', '')).toEqual({ name: 'not-found' });
  });
});

describe('the page table', () => {
  it('parses every page back from its own address, with its parameters', () => {
    for (const page of PAGE_LIST) {
      const params = Object.fromEntries(
        page.path
          .split('/')
          .filter((s) => s.startsWith(':'))
          .map((s) => [s.slice(1), `x/y z-${page.name}`]),
      );
      const route = parseRoute(pagePath(page.name, params), '');
      expect(route.name, page.name).toBe(page.name);
      for (const [key, value] of Object.entries(params)) expect(route[key]).toBe(value);
    }
  });

  it('reports unknown paths under the portal as not found', () => {
    for (const path of ['/portal/nope', '/portal/admin/nope', '/portal/intake/extra', '/portal/cases', '/portal/letters', '/portal//cases/x']) {
      expect(parseRoute(path, ''), path).toEqual({ name: 'not-found' });
    }
  });

  it('gives each parameter to the element as a kebab-case attribute, empty when left out', () => {
    expect(routeAttributes(parseRoute('/portal/cases/a%20b', ''))).toEqual({ 'case-id': 'a b' });
    expect(routeAttributes(parseRoute('/portal/letters/7f', ''))).toEqual({ 'letter-id': '7f' });
    // The inbox's dashboard figure filters (issue 12) are empty unless the address has them.
    const figure = { from: '', to: '', channel: '', category: '', scope: '', unit: '', group: '' };
    expect(routeAttributes(parseRoute('/portal/', ''))).toEqual({ status: 'open', q: '', page: '', ...figure });
    expect(routeAttributes(parseRoute('/portal/', '?q=abc&status=all'))).toEqual({ status: 'all', q: 'abc', page: '', ...figure });
    expect(routeAttributes(parseRoute('/portal/', '?status=all&from=2026-01-01&to=2026-01-31&channel=zalo'))).toEqual({
      status: 'all',
      q: '',
      page: '',
      ...figure,
      from: '2026-01-01',
      to: '2026-01-31',
      channel: 'zalo',
    });
    expect(routeAttributes(parseRoute('/portal/dashboard', '?period=year&group=wards'))).toEqual({
      period: 'year',
      date: '',
      from: '',
      to: '',
      group: 'wards',
      unit: '',
      grain: '',
    });
    expect(routeAttributes(parseRoute('/portal/calendar', '?year=2027'))).toEqual({ year: '2027' });
    expect(routeAttributes(parseRoute('/portal/admin', ''))).toEqual({});
    expect(routeAttributes({ name: 'not-found' })).toEqual({});
  });

  it('has one tag and one address per page, and admin menu entries in a strict order', () => {
    expect(new Set(PAGE_LIST.map((p) => p.tag)).size).toBe(PAGE_LIST.length);
    expect(new Set(PAGE_LIST.map((p) => p.path)).size).toBe(PAGE_LIST.length);
    const orders = PAGE_LIST.flatMap((p) => (p.adminMenu === undefined ? [] : [p.adminMenu]));
    expect(new Set(orders).size).toBe(orders.length);
    for (const page of PAGE_LIST) expect(page.adminMenu === undefined, page.name).toBe(page.about === undefined);
    const names: readonly string[] = PAGE_LIST.map((p) => p.name);
    for (const page of PAGE_LIST) if (page.navUnder) expect(names, page.name).toContain(page.navUnder);
  });
});

describe('isPortalPath', () => {
  it('keeps navigation inside the portal and lets other paths leave the page', () => {
    expect(isPortalPath('/portal/cases/1')).toBe(true);
    expect(isPortalPath('/portal')).toBe(true);
    expect(isPortalPath('/portalx')).toBe(false);
    expect(isPortalPath('/widget/v1/loader.js')).toBe(false);
  });
});
