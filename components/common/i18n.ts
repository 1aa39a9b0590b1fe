import { browser } from 'wxt/browser';
import { memoTranslate } from '../../lib/i18n/memo-translate.ts';
import type { PageWords } from '../../lib/i18n/page-words.ts';
import { createTranslate, type Translate } from '../../lib/i18n/translate.ts';

/**
 * Where the pages' words come from: the browser's i18n (`_locales`, built from locales/*.yml), in the
 * browser's language. Outside a browser (component tests in Node) there is no `browser.i18n`: the words then
 * come from `setFallbackTranslate` (components/common/i18n-test-setup.ts gives it locales/en.yml).
 */
let fallback: Translate = (key) => key;

export function setFallbackTranslate(translate: Translate): void {
  fallback = translate;
}

function browserI18n(): typeof browser.i18n | undefined {
  return (browser as typeof browser | undefined)?.i18n;
}

// Remembered per key and substitutions: getMessage is slow enough to show on a page's main thread.
let fromBrowser: Translate | undefined;
let fromWords: Translate | undefined;

/**
 * The content script's words, handed over by the background: from then on `t` reads them and never calls
 * `i18n.getMessage`, whose first call in a page blocks the page's main thread (lib/i18n/page-words.ts).
 */
export function usePageWords(words: PageWords): void {
  fromWords = memoTranslate(createTranslate(words.messages));
}

export const t: Translate = (key, substitutions) => {
  if (fromWords) return fromWords(key, substitutions);
  const i18n = browserI18n();
  if (!i18n) return fallback(key, substitutions);
  // WXT types getMessage with its reserved names only; the keys are typed by MessageKey instead.
  const getMessage = i18n.getMessage as (name: string, substitutions?: string[]) => string;
  fromBrowser ??= memoTranslate((k, subs) => getMessage(k.replaceAll('.', '_'), subs?.map(String) ?? []));
  try {
    return fromBrowser(key, substitutions);
  } catch {
    // A content script left behind by an update or removal: its extension context is gone and getMessage
    // throws. It must keep going until its next message notices and ends it (lib/page/extension-lifecycle.ts).
    return fallback(key, substitutions);
  }
};

/**
 * The language the words are shown in ("fr", "en-US"), for Intl dates and numbers, so that both agree:
 * Chrome's reserved `@@ui_locale` message is the locale `_locales` was chosen by. English outside a browser.
 */
export function uiLanguage(): string {
  const i18n = browserI18n();
  if (!i18n && !fromWords) return 'en';
  // The locale file's own name for its language: `@@ui_locale` and getUILanguage() can disagree with the
  // `_locales` folder Chrome actually chose (seen with --lang=fr), and the numbers must match the words.
  // Fixed for the life of a page: asked once.
  if (chosenLanguage === undefined) {
    const chosen = t('uiLocale');
    chosenLanguage = chosen && chosen !== 'uiLocale' ? chosen : (i18n?.getUILanguage() ?? 'en');
  }
  return chosenLanguage;
}

let chosenLanguage: string | undefined;
