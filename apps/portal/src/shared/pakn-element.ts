import { LitElement, type PropertyDeclarations } from 'lit';
import { LangController } from './controllers/lang.ts';

/**
 * The base of every portal element: the `lang` attribute (vi | en; default the page's `<html lang>`) and the
 * language controller that reads it (ADR 0013). Subclasses declare only their own properties: Lit merges
 * them with these.
 *
 *     class PaknThing extends PaknElement {
 *       protected override render() { const lang = this.language.value; … }
 *     }
 *     defineElement('pakn-thing', PaknThing);
 */
export class PaknElement extends LitElement {
  // Typed as any declarations, so that a subclass's own table (without `lang`) still fits the static side.
  static override properties: PropertyDeclarations = {
    lang: { type: String },
  };

  declare lang: string;

  /** The language the element renders in, and message filling in it. */
  protected readonly language = new LangController(this);

  constructor() {
    super();
    this.lang = '';
  }
}

/** Defines a custom element once: a feature's chunk may be loaded by the shell and by another page. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
