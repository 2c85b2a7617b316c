import { describe, expect, it } from 'vitest';
import { isPortalPath, parseRoute } from './routes.ts';

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

describe('isPortalPath', () => {
  it('keeps navigation inside the portal and lets other paths leave the page', () => {
    expect(isPortalPath('/portal/cases/1')).toBe(true);
    expect(isPortalPath('/portal')).toBe(true);
    expect(isPortalPath('/portalx')).toBe(false);
    expect(isPortalPath('/widget/v1/loader.js')).toBe(false);
  });
});
