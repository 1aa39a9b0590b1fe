import type { Translate } from './translate.ts';

/**
 * A translator that asks `translate` once per key and substitutions. Chrome's `i18n.getMessage` costs tens of
 * microseconds a call, and the content script words every item's badge, tooltip and reason: on a 200-image
 * gallery that was ~100 ms of the page's main thread (bench:page --profile), most of it the same few strings.
 * The language cannot change while a page lives, so the answers never go stale; the map is bounded so that a
 * page with endless distinct reasons cannot grow it without limit. A call that throws is not remembered.
 */
export function memoTranslate(translate: Translate, maxEntries = 2048): Translate {
  const answers = new Map<string, string>();
  return (key, substitutions) => {
    const id = substitutions?.length ? `${key}\u0000${substitutions.join('\u0001')}` : key;
    const known = answers.get(id);
    if (known !== undefined) return known;
    const text = translate(key, substitutions);
    if (answers.size >= maxEntries) answers.clear();
    answers.set(id, text);
    return text;
  };
}
