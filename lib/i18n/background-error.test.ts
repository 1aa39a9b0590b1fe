import { describe, expect, it } from 'vitest';
import { BACKGROUND_ERRORS, backgroundError, renderBackgroundError } from './background-error.ts';
import { localeTranslate } from './locale-file.ts';

const en = await localeTranslate('en');
const fr = await localeTranslate('fr');

describe('background errors', () => {
  it('carry their English and a code that a French page words in French', () => {
    const answer = backgroundError(en, 'service-failed', ['resolver.example', 'HTTP 500']);
    expect(answer).toEqual({
      error: 'resolver.example: HTTP 500',
      errorCode: 'service-failed',
      errorParams: ['resolver.example', 'HTTP 500'],
    });
    expect(renderBackgroundError(answer, fr)).toBe('resolver.example : HTTP 500');
    expect(renderBackgroundError(backgroundError(en, 'not-in-cache'), fr)).toBe(
      'Cet élément n’est pas dans le cache.',
    );
  });

  it('are worded in every language, with no key or substitution left', () => {
    for (const t of [en, fr]) {
      for (const code of Object.keys(BACKGROUND_ERRORS) as (keyof typeof BACKGROUND_ERRORS)[]) {
        const text = renderBackgroundError({ error: '', errorCode: code, errorParams: ['a', 'b'] }, t);
        expect(text).toBeTruthy();
        expect(text).not.toMatch(/\$[1-9]|background\./);
      }
    }
  });

  it('fall back to the English words for an answer without a code this version knows', () => {
    expect(renderBackgroundError({ error: 'Old words' }, fr)).toBe('Old words');
    expect(renderBackgroundError({ error: 'Old words', errorCode: 'from-the-future' as never }, fr)).toBe(
      'Old words',
    );
  });
});
