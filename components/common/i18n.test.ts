import { describe, expect, it } from 'vitest';
import { readLocale } from '../../lib/i18n/locale-file.ts';
import { createTranslate } from '../../lib/i18n/translate.ts';
import { t, uiLanguage, usePageWords } from './i18n.ts';

describe('t with the page words (the content script)', () => {
  it('speaks the handed-over language, with substitutions, once the words arrive', async () => {
    // Before: the fallback (English in tests).
    expect(t('uiLocale')).toBe('en');
    usePageWords({ locale: 'fr', messages: await readLocale('fr') });
    expect(t('uiLocale')).toBe('fr');
    expect(uiLanguage()).toBe('fr');
    const fr = createTranslate(await readLocale('fr'));
    const en = createTranslate(await readLocale('en'));
    expect(t('options.cache.cleared', [3])).toBe(fr('options.cache.cleared', [3]));
    expect(t('options.cache.cleared', [3])).not.toBe(en('options.cache.cleared', [3]));
  });
});
