import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  allInShadow,
  deepActiveElement,
  deferred,
  descriptionsOf,
  fakeApi,
  inShadow,
  mount,
  recordEvents,
  trpcError,
  type ProcedureOutput,
} from '../test-support/index.ts';
import type { UnitRecordedEvent } from './events.ts';
import './pakn-unit-record.ts';

const RECORD_ID = '0b6f3a52-5d1e-4c7a-9a39-2f1f0c6d8e11';
const UNIT = { 'unit-id': 'unit-1', 'case-id': 'case-1', reference: 'PA-2026-00042', lang: 'vi' };

describe('<pakn-unit-record>', () => {
  test('offers only the kinds the viewer’s role may record, and shows nothing to other roles', async () => {
    const officer = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'intake_officer' } });
    expect(allInShadow(officer, 'option').map((o) => o.value)).toEqual(['reminder', 'escalation']);

    const director = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'director' } });
    expect(allInShadow(director, 'option').map((o) => o.value)).toEqual(['reminder', 'escalation', 'reprimand', 'correction', 'commendation']);

    const handler = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'unit_handler' } });
    expect(allInShadow(handler, 'form')).toHaveLength(0);
  });

  test('starts from a note naming the case, and a change of kind suggests that kind’s note', async () => {
    const element = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'intake_officer' } });
    const note = inShadow(element, 'textarea');
    expect(note.value).toContain('PA-2026-00042');
    expect(note.value).toMatch(/^Đề nghị đơn vị khẩn trương/);

    await userEvent.selectOptions(inShadow(element, 'select'), 'escalation');

    await expect.poll(() => note.value).toMatch(/^Kính báo cáo Giám đốc/);
    expect(note.value).toContain('PA-2026-00042');
  });

  test('a note too short is refused in the browser: the field is marked, described by its error and focused', async () => {
    const api = fakeApi();
    const element = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'intake_officer' } });
    const note = inShadow(element, 'textarea');
    expect(note).toHaveAttribute('aria-invalid', 'false');

    await userEvent.fill(note, 'abc');
    await userEvent.click(inShadow(element, 'button[type="submit"]'));

    await expect.element(note).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionsOf(note)).toEqual([expect.stringContaining('Ít nhất 5 ký tự'), 'Cần ít nhất 5 ký tự.']);
    await expect.element(note).toHaveAccessibleDescription(/Cần ít nhất 5 ký tự\.$/);
    expect(deepActiveElement()).toBe(note);
    expect(api.calls).toHaveLength(0);
  });

  test('records through unit.record, confirms, tells the page, and offers a fresh note', async () => {
    const api = fakeApi();
    api.answer('unit.record', { id: RECORD_ID });
    const element = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'director' } });
    const recorded = recordEvents<UnitRecordedEvent>(document, 'pakn-unit-recorded');

    await userEvent.selectOptions(inShadow(element, 'select'), 'commendation');
    await userEvent.fill(inShadow(element, 'textarea'), '  Đơn vị xử lý nhanh, đúng hạn.  ');
    await userEvent.click(inShadow(element, 'button[type="submit"]'));

    await expect.element(inShadow(element, '[role="status"]')).toHaveTextContent('Đã ghi nhận: Biểu dương.');
    expect(api.inputs('unit.record')).toEqual([{ unitId: 'unit-1', caseId: 'case-1', kind: 'commendation', note: 'Đơn vị xử lý nhanh, đúng hạn.' }]);
    const [call] = api.calls;
    expect(call?.request.method).toBe('POST');
    expect(call?.request.headers.get('x-pakn-csrf')).toBe('1');
    expect(recorded.map((e) => [e.unitId, e.caseId, e.kind])).toEqual([['unit-1', 'case-1', 'commendation']]);
    expect(inShadow(element, 'textarea').value).toBe('');
  });

  test('is busy while sending: the button is disabled and says so, and a second submit sends nothing more', async () => {
    const answer = deferred<ProcedureOutput<'unit.record'>>();
    const api = fakeApi();
    api.on('unit.record', () => answer.promise);
    const element = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'intake_officer', lang: 'en' } });
    const submit = inShadow(element, 'button[type="submit"]');

    await userEvent.click(submit);
    await expect.element(submit).toBeDisabled();
    await expect.element(submit).toHaveTextContent('Sending…');
    inShadow(element, 'form').requestSubmit();
    answer.resolve({ id: RECORD_ID });

    await expect.element(submit).toBeEnabled();
    await expect.element(submit).toHaveTextContent('Record');
    expect(api.inputs('unit.record')).toHaveLength(1);
  });

  test('the server’s field errors and message are shown by the field and above the form', async () => {
    fakeApi().fail('unit.record', trpcError('invalid', { fieldErrors: { note: 'Nội dung không hợp lệ.' } }));
    const element = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'intake_officer' } });
    const note = inShadow(element, 'textarea');

    await userEvent.click(inShadow(element, 'button[type="submit"]'));

    await expect.element(note).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionsOf(note)).toContain('Nội dung không hợp lệ.');
    await expect.element(inShadow(element, '[role="alert"]')).toHaveTextContent('Dữ liệu không hợp lệ');
    expect(inShadow(element, '[role="status"]').textContent?.trim()).toBe('');
  });

  test('a lost session asks the shell to sign in again', async () => {
    fakeApi().fail('unit.record', trpcError('unauthenticated'));
    const element = await mount('pakn-unit-record', { attributes: { ...UNIT, 'viewer-role': 'intake_officer' } });
    const expired = recordEvents(document, 'pakn-session-expired');

    await userEvent.click(inShadow(element, 'button[type="submit"]'));

    await expect.poll(() => expired).toHaveLength(1);
    await expect.element(inShadow(element, '[role="alert"]')).toBeVisible();
  });
});
