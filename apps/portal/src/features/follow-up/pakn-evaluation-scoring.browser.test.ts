import { describe, expect, test } from 'vitest';
import { fakeApi, inShadow, mount, settled } from '../../test-support/index.ts';
import './pakn-evaluation-scoring.ts';

/** The administrator's scoring of the unit evaluation (issue 12): the weights and the minimum, checked and saved. */

const SCORING = { weights: { onTime: 40, answered: 20, satisfaction: 20, reviews: 10, reprimands: 10 }, minimumCases: 5 };

function typeInto(control: HTMLInputElement, text: string): void {
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<pakn-evaluation-scoring>', () => {
  test('shows the scoring in force; a weight that is no whole number is refused beside its field, and nothing is sent', async () => {
    const api = fakeApi().on('unit.evaluationScoring', () => SCORING);
    const element = await mount('pakn-evaluation-scoring', { attributes: { lang: 'vi' } });
    await expect.poll(() => element.shadowRoot?.querySelector<HTMLInputElement>('#scoring-onTime')?.value).toBe('40');
    typeInto(inShadow(element, '#scoring-onTime'), 'bốn mươi');
    inShadow(element, 'button[type="submit"]').click();
    await settled(element);
    expect(inShadow(element, '#scoring-onTime').getAttribute('aria-invalid')).toBe('true');
    expect(api.inputs('unit.setEvaluationScoring')).toEqual([]);
  });

  test('saves the weights and the minimum as numbers and says so', async () => {
    const api = fakeApi()
      .on('unit.evaluationScoring', () => SCORING)
      .on('unit.setEvaluationScoring', (input) => input);
    const element = await mount('pakn-evaluation-scoring', { attributes: { lang: 'vi' } });
    await expect.poll(() => element.shadowRoot?.querySelector<HTMLInputElement>('#scoring-minimumCases')?.value).toBe('5');
    typeInto(inShadow(element, '#scoring-minimumCases'), '12');
    typeInto(inShadow(element, '#scoring-reviews'), '0');
    inShadow(element, 'button[type="submit"]').click();
    await expect.poll(() => api.inputs('unit.setEvaluationScoring').length).toBe(1);
    expect(api.inputs('unit.setEvaluationScoring')).toEqual([{ weights: { ...SCORING.weights, reviews: 0 }, minimumCases: 12 }]);
    await settled(element);
    expect(inShadow(element, '[role="status"]').textContent).toContain('Đã lưu cách tính điểm.');
  });
});
