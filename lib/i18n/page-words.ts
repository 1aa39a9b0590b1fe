import type { ChromeMessage } from './translate.ts';

/** The words of the browser's language for a content script: its locale file, handed over by the background. */
export interface PageWords {
  /** The `_locales` folder Chrome chose ("en", "fr"). */
  locale: string;
  messages: Record<string, ChromeMessage>;
}

const LOCALE_RE = /^[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})?$/;

/**
 * Reads `_locales/<locale>/messages.json` for the content script (English when the name is not a locale folder or
 * the file cannot be read). Why: the first `i18n.getMessage` in a page's renderer fetches the extension's message
 * bundle with a synchronous IPC to the browser process, which blocked the page's main thread for 20-36 ms per page
 * in bench:page's profile (issue 14); the background reads the same words without blocking any page.
 */
export async function readPageWords(
  locale: string,
  loadAsset: (path: string) => Promise<string>,
): Promise<PageWords> {
  const read = async (name: string): Promise<PageWords> => {
    const parsed = JSON.parse(await loadAsset(`_locales/${name}/messages.json`)) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not a catalog');
    return { locale: name, messages: parsed as Record<string, ChromeMessage> };
  };
  if (LOCALE_RE.test(locale)) {
    try {
      return await read(locale);
    } catch {
      // Falls through to English.
    }
  }
  return read('en');
}
