import { expect, test } from 'vitest';
import './pakn-export-button.ts';

test('smoke', async () => {
  const el = document.createElement('pakn-export-button');
  el.label = 'Xuất CSV';
  document.body.append(el);
  await el.updateComplete;
  expect(el.shadowRoot?.querySelector('button')?.textContent?.trim()).toBe('Xuất CSV');
});
