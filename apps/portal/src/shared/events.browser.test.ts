import { LitElement, html } from 'lit';
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { inShadow, listen, mount, recordEvents } from '../test-support/index.ts';
import { NavigateEvent, navigateOnClick } from './events.ts';

/** A feature's link as features write them: a real `<a href>` whose click asks the shell to navigate. */
class TestLinks extends LitElement {
  protected override render() {
    return html`<a id="case" href="/portal/cases/42?tab=history" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>PA-42</a>
      <a id="filter" href="/portal/?status=received" @click=${(e: MouseEvent) => navigateOnClick(e, this, { replace: true })}>Mới</a>
      <a id="other" href="https://dichvucong.gov.vn/" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>DVC</a>
      <a id="new-tab" href="/portal/register" target="_blank" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>Sổ</a>`;
  }
}
customElements.define('test-links', TestLinks);

declare global {
  interface HTMLElementTagNameMap {
    'test-links': TestLinks;
  }
}

/**
 * What happened to each click that reached the document: whether the link's own handler kept the browser
 * from following it. The recorder then stops the navigation itself, which would take the test page away.
 */
function recordClicks(): boolean[] {
  const prevented: boolean[] = [];
  listen(document, 'click', (event) => {
    prevented.push(event.defaultPrevented);
    event.preventDefault();
  });
  return prevented;
}

/** The shell: handles each request to navigate. */
function shell(handle: boolean): NavigateEvent[] {
  const requests = recordEvents<NavigateEvent>(document, NavigateEvent.type);
  if (handle) listen(document, NavigateEvent.type, (e) => e.preventDefault());
  return requests;
}

describe('navigateOnClick', () => {
  test('a plain click on a same-origin link becomes a request to the shell, which then keeps the browser still', async () => {
    const links = await mount('test-links');
    const requests = shell(true);
    const clicks = recordClicks();

    await userEvent.click(inShadow(links, '#case'));

    expect(requests.map((r) => [r.path, r.replace])).toEqual([['/portal/cases/42?tab=history', false]]);
    expect(clicks).toEqual([true]);
  });

  test('a filter link asks to replace the history entry', async () => {
    const links = await mount('test-links');
    const requests = shell(true);
    recordClicks();

    await userEvent.click(inShadow(links, '#filter'));

    expect(requests.map((r) => [r.path, r.replace])).toEqual([['/portal/?status=received', true]]);
  });

  test('without a shell (a feature mounted on another page) the link is followed as usual', async () => {
    const links = await mount('test-links');
    const requests = shell(false);
    const clicks = recordClicks();

    await userEvent.click(inShadow(links, '#case'));

    expect(requests).toHaveLength(1);
    expect(clicks).toEqual([false]);
  });

  test('a modified click, another site and a link to a new tab keep their default and ask nothing', async () => {
    const links = await mount('test-links');
    const requests = shell(true);
    const clicks = recordClicks();

    await userEvent.click(inShadow(links, '#case'), { modifiers: ['Control'] });
    await userEvent.click(inShadow(links, '#case'), { modifiers: ['Shift'] });
    await userEvent.click(inShadow(links, '#other'));
    await userEvent.click(inShadow(links, '#new-tab'));

    expect(requests).toHaveLength(0);
    expect(clicks).toEqual([false, false, false, false]);
  });
});
