import { describe, expect, test } from 'vitest';
import { descriptionsOf, fakeApi, inShadow, mount, recordEvents, settled } from '../../test-support/index.ts';
import './pakn-follow-up-inspection.ts';

/** The Director's inspection form on the follow-up page: which units are flagged, and flagging one with a reason. */

const UNITS = [
  { id: 'phuong-ba-dinh', kind: 'ward', name: 'UBND phường Ba Đình', parentId: null, underInspection: true },
  { id: 'phuong-kim-ma', kind: 'ward', name: 'UBND phường Kim Mã', parentId: null, underInspection: false },
] as const;

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function typeInto(control: HTMLTextAreaElement, text: string): void {
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<pakn-follow-up-inspection>', () => {
  test('lists the flagged units; without the right, shows no form', async () => {
    const element = await mount('pakn-follow-up-inspection', { attributes: { lang: 'vi' }, properties: { units: UNITS } });
    expect(inShadow(element, 'ul').textContent).toContain('UBND phường Ba Đình');
    expect(inShadow(element, 'ul').textContent).not.toContain('Kim Mã');
    expect(element.shadowRoot?.querySelector('form')).toBeNull();
  });

  test('an empty decision is refused beside its fields, and nothing is sent', async () => {
    const api = fakeApi();
    const element = await mount('pakn-follow-up-inspection', { attributes: { lang: 'vi', 'may-flag': true }, properties: { units: UNITS } });
    inShadow(element, 'button[type="submit"]').click();
    await settled(element);
    expect(inShadow(element, '#inspection-unit').getAttribute('aria-invalid')).toBe('true');
    expect(descriptionsOf(inShadow(element, '#inspection-reason')).join(' ')).not.toBe('');
    expect(api.calls).toHaveLength(0);
  });

  test('choosing a flagged unit proposes to end its inspection; saving sends it, says so and tells the page', async () => {
    const api = fakeApi().on('unit.setInspection', (input) => ({ unitId: input.unitId, underInspection: input.underInspection }));
    const changed = recordEvents(document, 'pakn-inspection-changed');
    const element = await mount('pakn-follow-up-inspection', { attributes: { lang: 'vi', 'may-flag': true }, properties: { units: UNITS } });
    choose(inShadow(element, '#inspection-unit'), 'phuong-ba-dinh');
    await settled(element);
    const [start, end] = [...(element.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name="underInspection"]') ?? [])];
    expect(start?.checked).toBe(false);
    expect(end?.checked).toBe(true);
    typeInto(inShadow(element, '#inspection-reason'), 'Đã khắc phục sau kiểm tra.');
    inShadow(element, 'button[type="submit"]').click();
    await expect.poll(() => changed.length).toBe(1);
    expect(api.inputs('unit.setInspection')).toEqual([{ unitId: 'phuong-ba-dinh', underInspection: false, reason: 'Đã khắc phục sau kiểm tra.' }]);
    await settled(element);
    expect(inShadow(element, '[role="status"]').textContent).toContain('UBND phường Ba Đình');
    expect(inShadow<HTMLTextAreaElement>(element, '#inspection-reason').value).toBe('');
  });
});
