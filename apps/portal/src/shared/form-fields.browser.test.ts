import { LitElement, html } from 'lit';
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { deepActiveElement, descriptionsOf, fakeApi, inShadow, mount, recordEvents, trpcError } from '../test-support/index.ts';
import { paknClient } from './client.ts';
import { callFailed, editorForm, loadErrorAlert, selectField, textField, textareaField } from './form-fields.ts';
import { base, tokens } from './styles.ts';

type Draft = { name: string; email: string; unit: string; note: string };

/** Moves the focus to the first field marked invalid, once the marks are rendered. */
async function focusFirstInvalid(host: LitElement): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
}

/**
 * A small list-and-editor page built from the helpers the way the admin pages use them: the fields, the
 * editor frame, errors cleared by typing, the focus on the first invalid field, and a server call whose
 * failure goes through `callFailed`.
 */
class TestEditor extends LitElement {
  static override properties = {
    draft: { state: true },
    errors: { state: true },
    formError: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };

  declare draft: Draft;
  declare errors: Readonly<Record<string, string>>;
  declare formError: string | null;
  declare loadError: string | null;
  declare busy: boolean;
  cancelled = 0;
  retried = 0;

  constructor() {
    super();
    this.draft = { name: '', email: '', unit: '', note: '' };
    this.errors = {};
    this.formError = null;
    this.loadError = null;
    this.busy = false;
  }

  #set(key: keyof Draft, value: string): void {
    this.draft = { ...this.draft, [key]: value };
    // Typing in a field clears its error.
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([field]) => field !== key));
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.draft.name) errors.name = 'Nhập tên.';
    if (!this.draft.email.includes('@')) errors.email = 'Thư điện tử không hợp lệ.';
    if (!this.draft.unit) errors.unit = 'Chọn đơn vị.';
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      await paknClient().unit.record.mutate({ unitId: this.draft.unit, kind: 'reminder', note: this.draft.note });
    } catch (error) {
      const info = callFailed(this, error, 'vi');
      this.formError = info.message;
      this.errors = info.fieldErrors;
      await focusFirstInvalid(this);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const d = this.draft;
    const e = this.errors;
    return html`${loadErrorAlert(this.loadError, 'vi', () => (this.retried += 1))}
    ${editorForm(
      {
        heading: 'Sửa cán bộ',
        formError: this.formError,
        busy: this.busy,
        labels: { save: 'Lưu', saving: 'Đang lưu…', cancel: 'Hủy' },
        onSubmit: (event) => void this.#save(event),
        onCancel: () => (this.cancelled += 1),
      },
      html`${textField({ id: 'name', label: 'Họ và tên', error: e.name, value: d.name, onInput: (v) => this.#set('name', v) })}
      ${textField({ id: 'email', label: 'Thư điện tử', hint: 'Nhận thông báo.', type: 'email', error: e.email, value: d.email, onInput: (v) => this.#set('email', v) })}
      ${selectField({
        id: 'unit',
        label: 'Đơn vị',
        emptyLabel: '— Chọn —',
        options: [
          { value: 'unit-1', label: 'Sở Xây dựng' },
          { value: 'unit-2', label: 'UBND quận Hoàn Kiếm' },
        ],
        error: e.unit,
        value: d.unit,
        onChange: (v) => this.#set('unit', v),
      })}
      ${textareaField({ id: 'note', label: 'Ghi chú', rows: 3, textLang: 'vi', error: e.note, value: d.note, onInput: (v) => this.#set('note', v) })}`,
    )}`;
  }

  static override styles = [tokens, base];
}
customElements.define('test-editor', TestEditor);

declare global {
  interface HTMLElementTagNameMap {
    'test-editor': TestEditor;
  }
}

async function fillValid(editor: TestEditor): Promise<void> {
  await userEvent.fill(inShadow(editor, '#name'), 'Nguyễn Văn An');
  await userEvent.fill(inShadow(editor, '#email'), 'an@example.vn');
  await userEvent.selectOptions(inShadow<HTMLSelectElement>(editor, '#unit'), 'unit-1');
  await userEvent.fill(inShadow(editor, '#note'), 'Ghi');
}

describe('form-fields helpers', () => {
  test('each control is named by its label, and described by its hint only while it has no error', async () => {
    const editor = await mount('test-editor');
    await expect.element(inShadow(editor, '#name')).toHaveAccessibleName('Họ và tên');
    await expect.element(inShadow(editor, '#unit')).toHaveAccessibleName('Đơn vị');
    await expect.element(inShadow(editor, '#note')).toHaveAccessibleName('Ghi chú');
    await expect.element(inShadow(editor, 'form')).toHaveAccessibleName('Sửa cán bộ');

    const email = inShadow(editor, '#email');
    await expect.element(email).toHaveAccessibleName('Thư điện tử');
    await expect.element(email).toHaveAccessibleDescription('Nhận thông báo.');
    expect(email).toHaveAttribute('aria-invalid', 'false');
    expect(inShadow(editor, '#name')).not.toHaveAttribute('aria-describedby');
  });

  test('a failed check marks each invalid field, wires its error after its hint, and focuses the first one', async () => {
    const editor = await mount('test-editor');
    await userEvent.fill(inShadow(editor, '#name'), 'Nguyễn Văn An');
    await userEvent.fill(inShadow(editor, '#email'), 'không-phải-email');

    await userEvent.click(inShadow(editor, 'button[type="submit"]'));

    const email = inShadow(editor, '#email');
    await expect.element(email).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionsOf(email)).toEqual(['Nhận thông báo.', 'Thư điện tử không hợp lệ.']);
    expect(descriptionsOf(inShadow(editor, '#unit'))).toEqual(['Chọn đơn vị.']);
    expect(inShadow(editor, '#unit')).toHaveAttribute('aria-invalid', 'true');
    expect(inShadow(editor, '#name')).toHaveAttribute('aria-invalid', 'false');
    expect(deepActiveElement()).toBe(email);
  });

  test('typing in a field clears its own error and leaves the others', async () => {
    const editor = await mount('test-editor');
    await userEvent.click(inShadow(editor, 'button[type="submit"]'));
    await expect.element(inShadow(editor, '#name')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(inShadow(editor, '#name'), 'A');

    await expect.element(inShadow(editor, '#name')).toHaveAttribute('aria-invalid', 'false');
    expect(editor.shadowRoot?.querySelector('#name-error')).toBeNull();
    expect(inShadow(editor, '#email')).toHaveAttribute('aria-invalid', 'true');
    expect(inShadow(editor, '#unit')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the server’s field errors land by their fields with the form’s alert, and the focus on the first', async () => {
    const api = fakeApi();
    api.fail('unit.record', trpcError('invalid', { fieldErrors: { note: 'Cần ít nhất 5 ký tự.' } }));
    const editor = await mount('test-editor');
    await fillValid(editor);

    await userEvent.click(inShadow(editor, 'button[type="submit"]'));

    const note = inShadow(editor, '#note');
    await expect.element(note).toHaveAttribute('aria-invalid', 'true');
    await expect.element(note).toHaveAccessibleDescription('Cần ít nhất 5 ký tự.');
    await expect.element(inShadow(editor, 'form [role="alert"]')).toHaveTextContent('Dữ liệu không hợp lệ');
    expect(deepActiveElement()).toBe(note);
    expect(api.inputs('unit.record')).toEqual([{ unitId: 'unit-1', kind: 'reminder', note: 'Ghi' }]);
  });

  test('callFailed tells the shell when the session is gone, and not for other failures', async () => {
    const api = fakeApi();
    api.fail('unit.record', trpcError('unauthenticated'));
    const editor = await mount('test-editor');
    const expired = recordEvents(document, 'pakn-session-expired');
    await fillValid(editor);

    await userEvent.click(inShadow(editor, 'button[type="submit"]'));
    await expect.poll(() => expired).toHaveLength(1);

    api.fail('unit.record', trpcError('forbidden'));
    await userEvent.click(inShadow(editor, 'button[type="submit"]'));
    await expect.poll(() => api.inputs('unit.record')).toHaveLength(2);
    await expect.element(inShadow(editor, 'form [role="alert"]')).toHaveTextContent(/quyền/);
    expect(expired).toHaveLength(1);
  });

  test('the editor’s cancel button and the load error’s retry button call back', async () => {
    const editor = await mount('test-editor');
    await userEvent.click(inShadow(editor, 'button.secondary'));
    expect(editor.cancelled).toBe(1);

    editor.loadError = 'Không tải được danh sách.';
    await editor.updateComplete;
    await expect.element(inShadow(editor, 'div[role="alert"]')).toHaveTextContent('Không tải được danh sách.');
    await userEvent.click(inShadow(editor, 'div[role="alert"] button'));
    expect(editor.retried).toBe(1);
  });
});
