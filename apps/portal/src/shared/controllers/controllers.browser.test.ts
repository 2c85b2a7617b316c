import { ContextProvider } from '@lit/context';
import { LitElement, html } from 'lit';
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { StaffMember } from '@pakn/domain';
import { deepActiveElement, deferred, descriptionsOf, fakeApi, inShadow, mount, recordEvents, settled, trpcError } from '../../test-support/index.ts';
import { StaffController, staffContext } from '../context.ts';
import '../../features/admin/pakn-units.ts';

/**
 * The shared controllers (ADR 0013), through the page that uses all of them: the units page loads with a
 * Task (loading line, failure with "try again", lost session), edits with the editor controller (field
 * errors, focus, server refusals) and follows the page's language.
 */

/** Types into a field as a user would, as far as the element can tell (its value, then an input event). */
function typeInto(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  control.focus();
  control.value += text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const WARD = { id: 'phuong-ba-dinh', kind: 'ward', name: 'UBND phường Ba Đình', parentId: null, underInspection: false } as const;
const CENTRE = { id: 'trung-tam', kind: 'centre', name: 'Trung tâm Phục vụ hành chính công', parentId: null, underInspection: false } as const;

describe('load (loadTask + renderLoad)', () => {
  test('shows the loading line until the list arrives, then the list', async () => {
    const answer = deferred<(typeof WARD | typeof CENTRE)[]>();
    fakeApi().on('unit.list', () => answer.promise);
    const page = await mount('pakn-units', { attributes: { lang: 'vi' } });
    expect(inShadow(page, '.root').textContent).toContain('Đang tải…');
    answer.resolve([WARD, CENTRE]);
    await expect.poll(() => page.shadowRoot?.querySelector('tr[data-id="phuong-ba-dinh"]')).not.toBeNull();
    expect(inShadow(page, '.root').textContent).not.toContain('Đang tải…');
  });

  test('a failed load says why and offers to try again, which loads again', async () => {
    const api = fakeApi();
    let calls = 0;
    api.on('unit.list', () => {
      calls++;
      if (calls === 1) throw trpcError('internal');
      return [WARD];
    });
    const page = await mount('pakn-units', { attributes: { lang: 'en' } });
    await expect.poll(() => page.shadowRoot?.querySelector('[role="alert"]')).not.toBeNull();
    const retry = inShadow<HTMLButtonElement>(page, '[role="alert"] button');
    expect(retry.textContent?.trim()).toBe('Try again');
    await userEvent.click(retry);
    await expect.poll(() => page.shadowRoot?.querySelector('tr[data-id="phuong-ba-dinh"]')).not.toBeNull();
    expect(calls).toBe(2);
    expect(page.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
  });

  test('a lost session tells the shell (pakn-session-expired)', async () => {
    fakeApi().fail('unit.list', trpcError('unauthenticated'));
    const expired = recordEvents(document, 'pakn-session-expired');
    await mount('pakn-units', { attributes: { lang: 'vi' } });
    await expect.poll(() => expired.length).toBe(1);
  });
});

describe('edit (EditorController)', () => {
  test('an empty new unit: errors beside the fields, wired by id, focus on the first; typing clears that error', async () => {
    const api = fakeApi().answer('unit.list', [WARD]);
    const page = await mount('pakn-units', { attributes: { lang: 'vi' } });
    await expect.poll(() => page.shadowRoot?.querySelector('#add:not([disabled])')).not.toBeNull();
    inShadow(page, '#add').click();
    await settled(page);
    expect(deepActiveElement()?.id).toBe('id');
    inShadow(page, 'form button[type="submit"]').click();
    await settled(page);
    const id = inShadow<HTMLInputElement>(page, '#id');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionsOf(id).join(' ')).toMatch(/chữ thường|a-z/);
    expect(inShadow(page, '#name').getAttribute('aria-invalid')).toBe('true');
    expect(deepActiveElement()?.id).toBe('id');
    expect(api.inputs('admin.saveUnit')).toHaveLength(0);
    typeInto(inShadow(page, '#name'), 'UBND phường Kim Mã');
    await settled(page);
    expect(inShadow(page, '#name').getAttribute('aria-invalid')).toBe('false');
    expect(id.getAttribute('aria-invalid')).toBe('true');
  });

  test('a refusal naming the form’s fields goes beside them; a save closes the editor and says so', async () => {
    const api = fakeApi().answer('unit.list', [WARD]);
    let refused = false;
    api.on('admin.saveUnit', (input) => {
      if (!refused) {
        refused = true;
        throw trpcError('invalid', { fieldErrors: { name: 'Tên đã có.' } });
      }
      return [WARD, { id: input.id, kind: input.kind, name: input.name, parentId: input.parentId ?? null }];
    });
    const page = await mount('pakn-units', { attributes: { lang: 'vi' } });
    await expect.poll(() => page.shadowRoot?.querySelector('#add:not([disabled])')).not.toBeNull();
    inShadow(page, '#add').click();
    await settled(page);
    typeInto(inShadow(page, '#id'), 'phuong-kim-ma');
    choose(inShadow(page, '#kind'), 'ward');
    typeInto(inShadow(page, '#name'), 'UBND phường Kim Mã');
    inShadow(page, 'form button[type="submit"]').click();
    await expect.poll(() => inShadow(page, '#name').getAttribute('aria-invalid')).toBe('true');
    expect(descriptionsOf(inShadow(page, '#name'))).toContain('Tên đã có.');
    expect(inShadow(page, 'form [role="alert"]').textContent).toBeTruthy();
    inShadow(page, 'form button[type="submit"]').click();
    await expect.poll(() => page.shadowRoot?.querySelector('form.editor')).toBeNull();
    expect(inShadow(page, '[role="status"]').textContent).toContain('UBND phường Kim Mã');
    expect(api.inputs('admin.saveUnit')).toHaveLength(2);
  });
});

describe('language (LangController)', () => {
  test('without its own lang, the element follows <html lang> as it changes', async () => {
    fakeApi().answer('unit.list', [WARD]);
    document.documentElement.lang = 'vi';
    try {
      const page = await mount('pakn-units');
      // Loaded and settled first: nothing else will re-render the element.
      await expect.poll(() => page.shadowRoot?.querySelector('tr[data-id="phuong-ba-dinh"]')).not.toBeNull();
      await settled(page);
      expect(inShadow(page, 'h1').textContent).toBe('Đơn vị');
      document.documentElement.lang = 'en';
      await expect.poll(() => inShadow(page, 'h1').textContent).toBe('Units');
    } finally {
      document.documentElement.lang = '';
    }
  });
});

class TestStaffReader extends LitElement {
  readonly staff = new StaffController(this);
  protected override render() {
    return html`<p>${this.staff.value?.displayName ?? '–'}</p>`;
  }
}
customElements.define('test-staff-reader', TestStaffReader);

class TestStaffProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: staffContext, initialValue: undefined });
  protected override render() {
    return html`<test-staff-reader></test-staff-reader>`;
  }
}
customElements.define('test-staff-provider', TestStaffProvider);

declare global {
  interface HTMLElementTagNameMap {
    'test-staff-reader': TestStaffReader;
    'test-staff-provider': TestStaffProvider;
  }
}

const OFFICER: StaffMember = { id: 'u1', username: 'chuyenvien', displayName: 'Nguyễn Văn An', role: 'intake_officer', unitId: null };

describe('who is signed in (StaffController + @lit/context)', () => {
  test('inside the shell it takes the shell’s value and follows its changes, asking the server nothing', async () => {
    const api = fakeApi();
    const shell = await mount('test-staff-provider');
    const reader = inShadow<TestStaffReader>(shell, 'test-staff-reader');
    shell.provider.setValue(OFFICER);
    await settled(reader);
    expect(inShadow(reader, 'p').textContent).toBe('Nguyễn Văn An');
    shell.provider.setValue({ ...OFFICER, displayName: 'Trần Thị Bình' });
    await settled(reader);
    expect(inShadow(reader, 'p').textContent).toBe('Trần Thị Bình');
    expect(api.calls).toHaveLength(0);
  });

  test('mounted alone on another page, it asks the server', async () => {
    const api = fakeApi().answer('auth.me', OFFICER);
    const reader = await mount('test-staff-reader');
    await expect.poll(() => inShadow(reader, 'p').textContent).toBe('Nguyễn Văn An');
    expect(api.calls.map((c) => c.path)).toEqual(['auth.me']);
  });
});
