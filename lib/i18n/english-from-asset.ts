import { type ChromeMessage, createTranslate, type Translate } from './translate.ts';

/**
 * The English translator in the extension, read from the packaged `_locales/en/messages.json` (generated from
 * locales/en.yml): `browser.i18n` only speaks the browser's language. Unreadable, it falls back to the keys.
 */
export async function englishFromAsset(loadAsset: (path: string) => Promise<string>): Promise<Translate> {
  const messages = await loadAsset('_locales/en/messages.json')
    .then((text) => JSON.parse(text) as Record<string, ChromeMessage>)
    .catch(() => ({}));
  return createTranslate(messages);
}
