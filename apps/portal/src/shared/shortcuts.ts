/**
 * Keyboard shortcuts for triage. A shortcut never fires while the user types in a field or works in a
 * dialog, nor with Ctrl, Alt or Meta held (those belong to the browser and assistive technology).
 */

/** What the checks need of an element: testable without a DOM. */
export interface ElementLike {
  readonly tagName?: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
}

/** Inputs where a letter is content, not a command. Buttons, checkboxes and radios are not "typing". */
const NON_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

export function isTypingTarget(element: ElementLike | null | undefined): boolean {
  if (!element?.tagName) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toUpperCase();
  // A focused select turns letters into a search of its options.
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase());
}

/**
 * The shortcut key of a keydown, or null when it must be left alone: typing in a field (looked up through
 * shadow roots via the composed path), inside a dialog, with a modifier, or already handled.
 */
export function shortcutKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented' | 'isComposing'> & {
    composedPath(): readonly unknown[];
  },
): string | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  const path = event.composedPath() as readonly ElementLike[];
  if (isTypingTarget(path[0])) return null;
  if (path.some((node) => node?.tagName?.toUpperCase() === 'DIALOG')) return null;
  return event.key;
}

/**
 * Two-key sequences such as "g i": `feed` returns the sequence completed by this key, if any. A first key
 * waits `timeoutMs` for the second.
 */
export class KeySequence {
  readonly #sequences: readonly (readonly [string, string])[];
  readonly #timeoutMs: number;
  #pending: { key: string; at: number } | null = null;

  constructor(sequences: readonly string[], timeoutMs = 1500) {
    this.#sequences = sequences.map((s) => {
      const [first = '', second = ''] = s.split(' ');
      return [first, second] as const;
    });
    this.#timeoutMs = timeoutMs;
  }

  /** Whether `key` starts a sequence (callers may then swallow it). */
  starts(key: string): boolean {
    return this.#sequences.some(([first]) => first === key);
  }

  feed(key: string, now: number): string | null {
    const pending = this.#pending;
    this.#pending = null;
    if (pending && now - pending.at <= this.#timeoutMs) {
      const match = this.#sequences.find(([first, second]) => first === pending.key && second === key);
      if (match) return `${match[0]} ${match[1]}`;
    }
    if (this.starts(key)) this.#pending = { key, at: now };
    return null;
  }
}
