import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { type ChromeMessage, createTranslate, type Translate } from './translate.ts';

/** The repository's locales/ folder: the one source of the extension's `_locales` and the CLI's words. */
// From the module's own path, not `new URL(…, import.meta.url)`: under happy-dom, `URL` is the DOM's, which Node's
// fileURLToPath refuses (component tests).
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales', '/');

/** The languages there are files for ("en", "fr"). */
export function localeNames(): string[] {
  return readdirSync(LOCALES_DIR)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => name.slice(0, -'.yml'.length))
    .sort();
}

/** One locale's messages in Chrome's form, parsed exactly as the build does (Node only). */
export async function readLocale(lang: string): Promise<Record<string, ChromeMessage>> {
  const parsed = await parseMessagesFile(`${LOCALES_DIR}${lang}.yml`);
  return generateChromeMessages(parsed);
}

/** A translator for one locale file (the CLI and Node tests; the extension uses the browser's). */
export async function localeTranslate(lang = 'en'): Promise<Translate> {
  return createTranslate(await readLocale(lang));
}
