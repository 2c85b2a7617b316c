import type { CategoryDefinition } from '@pakn/domain';
import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { deepActiveElement, deferred, fakeApi, mount, recordEvents, trpcError, type FakeApi } from '../../test-support/index.ts';
import { LIST_EDITOR } from '#shared/list-editor.ts';
import { STRINGS } from './strings.ts';
import './pakn-categories.ts';

/**
 * The categories page as an admin uses it: a list-and-editor page (load, add, edit, move, errors, focus).
 * Elements are found by role and accessible name, as a person finds them, so the tests hold while the page's
 * insides are reshaped (issue 10: an editor controller, `@lit/task`).
 */

const start = (): CategoryDefinition[] => [
  { key: 'dat_dai', label: { vi: 'Đất đai', en: 'Land' }, hint: null, position: 1, active: true },
  { key: 'moi_truong', label: { vi: 'Môi trường', en: 'Environment' }, hint: { vi: 'Rác, tiếng ồn', en: 'Waste, noise' }, position: 2, active: true },
  { key: 'giao_thong', label: { vi: 'Giao thông', en: 'Traffic' }, hint: null, position: 3, active: false },
];

/** A server that keeps the list: saving adds or replaces, moving swaps neighbours. */
function categoriesServer(api: FakeApi, list = start()): { list: () => CategoryDefinition[] } {
  api.on('admin.categories', () => list);
  api.on('admin.saveCategory', (input) => {
    const hint = input.hint?.vi || input.hint?.en ? { vi: input.hint.vi, en: input.hint.en } : null;
    const next = { key: input.key, label: input.label, hint, position: list.length + 1, active: input.active ?? true };
    const index = list.findIndex((c) => c.key === input.key);
    list = index < 0 ? [...list, next] : list.map((c, i) => (i === index ? { ...next, position: c.position } : c));
    return list;
  });
  api.on('admin.moveCategory', ({ key, direction }) => {
    const i = list.findIndex((c) => c.key === key);
    const j = direction === 'up' ? i - 1 : i + 1;
    const a = list[i];
    const b = list[j];
    if (a && b) list = list.map((c, k) => (k === i ? b : k === j ? a : c));
    return list;
  });
  return { list: () => list };
}

const byRole = (role: Parameters<typeof page.getByRole>[0], name: string | RegExp) => page.getByRole(role, { name, exact: typeof name === 'string' });

describe('<pakn-categories>', () => {
  test('says it is loading, then lists the categories in order with their state', async () => {
    const answer = deferred<CategoryDefinition[]>();
    fakeApi().on('admin.categories', () => answer.promise);
    await mount('pakn-categories');
    await expect.element(page.getByText('Đang tải…')).toBeVisible();

    answer.resolve(start());

    const rows = page.getByRole('table', { name: STRINGS.caption.vi }).getByRole('row');
    await expect.poll(() => rows.elements().length).toBe(4);
    expect(rows.elements().map((r) => r.querySelector('th[scope="row"] [lang="vi"]')?.textContent)).toEqual([undefined, 'Đất đai', 'Môi trường', 'Giao thông']);
    expect(page.getByText('Đang tải…').query()).toBeNull();
    await expect.element(byRole('button', `${STRINGS.activate.vi} Giao thông`)).toBeVisible();
  });

  test('a failed load says why and loads again on request; a lost session tells the shell', async () => {
    const api = fakeApi();
    api.fail('admin.categories', trpcError('unauthenticated'));
    const expired = recordEvents(document, 'pakn-session-expired');
    await mount('pakn-categories');
    await expect.element(page.getByRole('alert')).toBeVisible();
    expect(expired).toHaveLength(1);

    categoriesServer(api);
    await userEvent.click(byRole('button', 'Thử lại'));

    await expect.element(byRole('button', `${LIST_EDITOR.edit.vi} Đất đai`)).toBeVisible();
    expect(page.getByRole('alert').query()).toBeNull();
  });

  test('adding: the key field gets the focus; a bad or taken key is refused in the browser, focused and described', async () => {
    const api = fakeApi();
    categoriesServer(api);
    await mount('pakn-categories');
    await userEvent.click(byRole('button', STRINGS.add.vi));

    const key = byRole('textbox', STRINGS.key.vi);
    await expect.element(page.getByRole('form', { name: STRINGS.newHeading.vi })).toBeVisible();
    await expect.poll(() => deepActiveElement()).toBe(key.element());

    await userEvent.fill(key, 'dat_dai');
    await userEvent.fill(byRole('textbox', STRINGS.labelVi.vi), 'Đất đai 2');
    await userEvent.fill(byRole('textbox', STRINGS.labelEn.vi), 'Land 2');
    await userEvent.click(byRole('button', LIST_EDITOR.save.vi));

    await expect.element(key).toHaveAttribute('aria-invalid', 'true');
    await expect.element(key).toHaveAccessibleDescription(new RegExp(`${STRINGS.keyTaken.vi}$`));
    expect(deepActiveElement()).toBe(key.element());
    expect(api.inputs('admin.saveCategory')).toHaveLength(0);
  });

  test('adding: a good entry is saved, announced, the editor closes and the focus lands on the new row', async () => {
    const api = fakeApi();
    categoriesServer(api);
    await mount('pakn-categories');
    await userEvent.click(byRole('button', STRINGS.add.vi));
    await userEvent.fill(byRole('textbox', STRINGS.key.vi), 'y_te');
    await userEvent.fill(byRole('textbox', STRINGS.labelVi.vi), 'Y tế');
    await userEvent.fill(byRole('textbox', STRINGS.labelEn.vi), 'Health');
    await userEvent.click(byRole('button', LIST_EDITOR.save.vi));

    await expect.element(page.getByRole('status')).toHaveTextContent('Đã lưu loại phản ánh “Y tế”.');
    expect(api.inputs('admin.saveCategory')).toEqual([
      { isNew: true, key: 'y_te', label: { vi: 'Y tế', en: 'Health' }, hint: { vi: '', en: '' }, active: true },
    ]);
    expect(page.getByRole('form').query()).toBeNull();
    await expect.poll(() => deepActiveElement()).toBe(byRole('button', `${LIST_EDITOR.edit.vi} Y tế`).element());
  });

  test('editing: the key is read-only, the server’s field errors land by their fields, cancel returns the focus', async () => {
    const api = fakeApi();
    categoriesServer(api);
    await mount('pakn-categories');
    const edit = byRole('button', `${LIST_EDITOR.edit.vi} Môi trường`);
    await userEvent.click(edit);

    await expect.element(byRole('textbox', STRINGS.key.vi)).toHaveAttribute('readonly');
    const labelVi = byRole('textbox', STRINGS.labelVi.vi);
    await expect.poll(() => deepActiveElement()).toBe(labelVi.element());

    api.fail('admin.saveCategory', trpcError('invalid', { fieldErrors: { 'label.vi': 'Tên đã có.' } }));
    await userEvent.click(byRole('button', LIST_EDITOR.save.vi));
    await expect.element(labelVi).toHaveAttribute('aria-invalid', 'true');
    await expect.element(labelVi).toHaveAccessibleDescription('Tên đã có.');
    await expect.element(page.getByRole('form').getByRole('alert')).toBeVisible();

    await userEvent.click(byRole('button', LIST_EDITOR.cancel.vi));
    expect(page.getByRole('form').query()).toBeNull();
    await expect.poll(() => deepActiveElement()).toBe(edit.element());
  });

  test('moving a category down announces its new place and keeps the focus on the moved row', async () => {
    const api = fakeApi();
    const server = categoriesServer(api);
    await mount('pakn-categories');
    await expect.element(byRole('button', `${STRINGS.up.vi} Đất đai`)).toBeDisabled();

    await userEvent.click(byRole('button', `${STRINGS.down.vi} Đất đai`));

    await expect.element(page.getByRole('status')).toHaveTextContent('Đã chuyển “Đất đai” lên vị trí 2.');
    expect(api.inputs('admin.moveCategory')).toEqual([{ key: 'dat_dai', direction: 'down' }]);
    expect(server.list().map((c) => c.key)).toEqual(['moi_truong', 'dat_dai', 'giao_thong']);
    expect(deepActiveElement()).toBe(byRole('button', `${STRINGS.down.vi} Đất đai`).element());
  });
});
