import { browser } from 'wxt/browser';
import type { Translate } from '../../lib/i18n/translate.ts';

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

export const t: Translate = (key, substitutions) => {
  const i18n = browserI18n();
  if (!i18n) return fallback(key, substitutions);
  // WXT types getMessage with its reserved names only; the keys are typed by MessageKey instead.
  const getMessage = i18n.getMessage as (name: string, substitutions?: string[]) => string;
  return getMessage(key.replaceAll('.', '_'), substitutions?.map(String) ?? []);
};

/** The browser's UI language ("fr", "en-US"), for Intl dates and numbers; English outside a browser. */
export function uiLanguage(): string {
  return browserI18n()?.getUILanguage() ?? 'en';
}
