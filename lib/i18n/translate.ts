import type { GeneratedI18nStructure } from '#i18n';

/** A key of locales/en.yml, dotted ("popup.details"); typed from the file by @wxt-dev/i18n. */
export type MessageKey = keyof GeneratedI18nStructure & string;

/** A message's substitutions, `$1`…`$9` in the order given. */
export type Substitutions = readonly (string | number)[];

/**
 * Turns a key and its substitutions into text in one language. `lib/` takes it as a parameter and never
 * calls `browser.i18n` itself: the extension passes the browser's, the CLI and tests one read from
 * `locales/*.yml` (lib/i18n/locale-file.ts).
 */
export type Translate = (key: MessageKey, substitutions?: Substitutions) => string;

/** A message as Chrome's `_locales/<lang>/messages.json` holds it. */
export interface ChromeMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * Chrome's rules for a message (https://developer.chrome.com/docs/extensions/reference/api/i18n#getmessage):
 * named placeholders expand to their content, then `$1`…`$9` are the substitutions and `$$` is a dollar.
 */
export function formatMessage(entry: ChromeMessage, substitutions: Substitutions = []): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name];
    return placeholder ? placeholder.content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, mark: string) =>
    mark === '$' ? '$' : String(substitutions[Number(mark) - 1] ?? ''),
  );
}

/** A translator over one locale's messages (Chrome names: dots of the key become underscores). */
export function createTranslate(messages: Readonly<Record<string, ChromeMessage>>): Translate {
  return (key, substitutions) => {
    const entry = messages[key.replaceAll('.', '_')];
    // A missing key shows as itself rather than as an empty string (the locale test keeps this from shipping).
    return entry ? formatMessage(entry, substitutions) : key;
  };
}
