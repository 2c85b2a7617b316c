import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';

/**
 * A page's element by tag name, with its attributes: the tag comes from the page table, which a template
 * cannot name. The element stays while the same page is shown (a case → another case changes `case-id`), and
 * a new one is made when another page, or anything else, was shown in between: as a template per page would.
 */
class PageElementDirective extends Directive {
  #element: HTMLElement | null = null;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('pageElement() renders a child');
  }

  render(tag: string, attributes: Readonly<Record<string, string>>): HTMLElement {
    if (this.#element?.localName !== tag) this.#element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (this.#element.getAttribute(name) !== value) this.#element.setAttribute(name, value);
    }
    return this.#element;
  }
}

export const pageElement = directive(PageElementDirective);
