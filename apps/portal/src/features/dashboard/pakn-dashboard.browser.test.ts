import { describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import type { NavigateEvent } from '#shared/events.ts';
import { fakeApi, mount, recordEvents, type ProcedureOutput } from '../../test-support/index.ts';
import './pakn-dashboard.ts';

/** The dashboard page alone (no shell): the address's filters in, the figures, the tables, the links out. */

const period = (channels: Record<string, number>) => ({
  days: Object.entries(channels).map(([channel, cases]) => ({ day: '2026-03-02', channel, cases })),
  channels,
  contacts: { zalo: 1 },
  scope: { in: 2, out: 1 },
  categories: { late_result: 2, '': 1 },
  units: { 'ward-a': 2, '': 1 },
  weekdayHours: { '1:09:hotline': 1, '1:11:other': 2 },
  answers: { count: 2, onTime: 1, timed: 2, days: 7 },
  ratings: { count: 1, sum: 4 },
  reprimands: 1,
  commendations: 0,
});

const FIGURES: ProcedureOutput<'dashboard.figures'> = {
  holder: { kind: 'city' },
  period: { from: '2026-03-02', to: '2026-03-02' },
  previous: { from: '2026-03-01', to: '2026-03-01' },
  overdueNow: 4,
  current: period({ hotline: 1, zalo: 2 }),
  before: period({ hotline: 2 }),
};

function server() {
  const api = fakeApi();
  api.answer('auth.me', { id: 's-director', username: 'giamdoc', displayName: 'Giám đốc', role: 'director', unitId: 'centre' });
  api.answer('unit.list', [{ id: 'ward-a', kind: 'ward', name: 'UBND phường A', parentId: null, underInspection: false }]);
  api.answer('category.list', [{ key: 'late_result', label: { vi: 'Trả kết quả muộn', en: 'Late result' }, hint: null, position: 1, active: true }]);
  api.on('dashboard.figures', () => FIGURES);
  return api;
}

describe('<pakn-dashboard>', () => {
  test('asks for the period of its address and shows each figure beside the previous one, linked to its cases', async () => {
    const api = server();
    await mount('pakn-dashboard', { attributes: { lang: 'vi', period: 'day', date: '2026-03-02' } });
    const byChannel = page.getByRole('table', { name: 'Theo kênh tiếp nhận' });
    await expect.element(byChannel).toBeVisible();
    expect(api.inputs('dashboard.figures')).toEqual([{ from: '2026-03-02', to: '2026-03-02' }]);
    const zalo = byChannel.getByRole('link', { name: '2' });
    await expect.element(zalo).toHaveAttribute('href', '/portal/?status=all&from=2026-03-02&to=2026-03-02&channel=zalo');
    // Hotline: 1 now (no distinct contact) against 2 before, a change of -50 %.
    await expect.element(byChannel.getByRole('row', { name: /Đường dây nóng/ })).toHaveTextContent(/1\s*0\s*2\s*-50 %/);
    await expect.element(page.getByRole('table', { name: 'Theo loại phản ánh' })).toHaveTextContent('Trả kết quả muộn');
    await expect.element(page.getByRole('table', { name: 'Theo đơn vị' })).toHaveTextContent('UBND phường A');
    // Rates: 1 of 2 answers on time, 3.5 working days on average, satisfaction 4.
    const tiles = page.getByTestId('dashboard-tiles');
    await expect.element(tiles).toHaveTextContent('50 %');
    await expect.element(tiles).toHaveTextContent('3,5');
    // The charts' numbers are in tables too, each with a CSV download.
    await expect.element(page.getByText('Bảng số liệu: Phản ánh theo giờ trong ngày (bố trí trực đường dây nóng)')).toBeInTheDocument();
    expect(page.getByTestId('chart-csv').elements()).toHaveLength(3);
  });

  test('a filter change asks the shell for the new address, a new history entry', async () => {
    server();
    const asked = recordEvents<NavigateEvent>(document, 'pakn-navigate');
    await mount('pakn-dashboard', { attributes: { lang: 'vi', period: 'day', date: '2026-03-02' } });
    const select = page.getByRole('combobox', { name: 'Kỳ' }).element() as HTMLSelectElement;
    select.value = 'week';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(asked.map((e) => [e.path, e.replace])).toEqual([['/portal/dashboard?period=week&date=2026-03-02', false]]);
    // The scope filter shows once the signed-in member is known (the Director: any unit or group).
    await expect.element(page.getByRole('combobox', { name: 'Phạm vi' })).toBeVisible();
    const holder = page.getByRole('combobox', { name: 'Phạm vi' }).element() as HTMLSelectElement;
    holder.value = 'group:wards';
    holder.dispatchEvent(new Event('change', { bubbles: true }));
    expect(asked[1]?.path).toBe('/portal/dashboard?period=day&date=2026-03-02&group=wards');
  });
});
