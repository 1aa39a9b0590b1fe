import { describe, expect, it } from 'vitest';
import { localeTranslate } from './locale-file.ts';
import { memoTranslate } from './memo-translate.ts';
import type { Translate } from './translate.ts';

const english = await localeTranslate('en');

function counting(): { translate: Translate; calls: () => number } {
  let n = 0;
  return {
    translate: (key, subs) => {
      n++;
      return english(key, subs);
    },
    calls: () => n,
  };
}

describe('memoTranslate', () => {
  it('gives the same words as the translator, asking it once per key and substitutions', () => {
    const { translate, calls } = counting();
    const t = memoTranslate(translate);
    for (let i = 0; i < 50; i++) {
      expect(t('badge.tampered')).toBe(english('badge.tampered'));
      expect(t('popup.allowSite', ['a.example'])).toBe(english('popup.allowSite', ['a.example']));
    }
    expect(t('popup.allowSite', ['b.example'])).toBe(english('popup.allowSite', ['b.example']));
    expect(calls()).toBe(3);
  });

  it('keeps substitutions apart that would join into the same text', () => {
    const t = memoTranslate(english);
    expect(t('overlay.name', ['a', 'b c', 'd'])).not.toBe(t('overlay.name', ['a b', 'c', 'd']));
  });

  it('stays bounded, and does not remember a call that threw', () => {
    const { translate, calls } = counting();
    const t = memoTranslate(translate, 4);
    for (let i = 0; i < 10; i++) t('popup.allowSite', [`s${i}.example`]);
    expect(calls()).toBe(10);
    let fail = true;
    const flaky = memoTranslate((key, subs) => {
      if (fail) throw new Error('context invalidated');
      return english(key, subs);
    });
    expect(() => flaky('badge.tampered')).toThrow();
    fail = false;
    expect(flaky('badge.tampered')).toBe(english('badge.tampered'));
  });
});
