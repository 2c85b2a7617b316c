import { describe, expect, it } from 'vitest';
import { KeySequence, isTypingTarget, shortcutKey } from './shortcuts.ts';

function keydown(key: string, path: readonly object[], extra: Partial<KeyboardEvent> = {}) {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    isComposing: false,
    ...extra,
    composedPath: () => path,
  };
}

describe('isTypingTarget', () => {
  it('treats text fields, text areas, selects and editable content as typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input', type: 'tel' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('lets shortcuts through on buttons, links, radios and the page', () => {
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'A' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('shortcutKey', () => {
  it('gives the key for a plain keypress outside fields', () => {
    expect(shortcutKey(keydown('j', [{ tagName: 'A' }, { tagName: 'BODY' }]))).toBe('j');
  });

  it('never fires while typing in a field inside a shadow root', () => {
    expect(shortcutKey(keydown('j', [{ tagName: 'INPUT', type: 'search' }, { tagName: 'PAKN-INBOX' }]))).toBeNull();
  });

  it('leaves modified keys, handled keys and dialogs alone', () => {
    expect(shortcutKey(keydown('k', [{ tagName: 'BODY' }], { ctrlKey: true }))).toBeNull();
    expect(shortcutKey(keydown('k', [{ tagName: 'BODY' }], { defaultPrevented: true }))).toBeNull();
    expect(shortcutKey(keydown('k', [{ tagName: 'BUTTON' }, { tagName: 'DIALOG' }]))).toBeNull();
  });
});

describe('KeySequence', () => {
  it('completes "g i" when the second key comes in time', () => {
    const keys = new KeySequence(['g i']);
    expect(keys.feed('g', 0)).toBeNull();
    expect(keys.feed('i', 500)).toBe('g i');
  });

  it('forgets the first key after the timeout or another key', () => {
    const keys = new KeySequence(['g i'], 1000);
    keys.feed('g', 0);
    expect(keys.feed('i', 2000)).toBeNull();
    keys.feed('g', 3000);
    keys.feed('x', 3100);
    expect(keys.feed('i', 3200)).toBeNull();
  });
});
