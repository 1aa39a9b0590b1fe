import type { ItemState, PageItem, VerdictCounts } from '../messages/protocol.ts';
import { STATE_ORDER } from '../verdict/badge-style.ts';

/** Items sorted by STATE_ORDER (most important first), keeping page order within a state. */
export function sortItems(items: readonly PageItem[]): PageItem[] {
  const rank = (s: ItemState) => {
    const i = STATE_ORDER.indexOf(s);
    return i < 0 ? STATE_ORDER.length : i;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.state) - rank(b.item.state) || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * Splits items into what the popup shows and the "no provenance" ones it hides behind a toggle: they are
 * the common case, and listing them first would bury what matters.
 */
export function splitNoProvenance(items: readonly PageItem[]): { shown: PageItem[]; hidden: PageItem[] } {
  const shown: PageItem[] = [];
  const hidden: PageItem[] = [];
  for (const item of items) (item.state === 'no-provenance' ? hidden : shown).push(item);
  return { shown, hidden };
}

/** Counts in STATE_ORDER, zero counts dropped. Falls back to counting the items when no counts were sent. */
export function orderedCounts(
  counts: VerdictCounts | undefined,
  items: readonly PageItem[] = [],
): { state: ItemState; count: number }[] {
  const source: VerdictCounts = counts && Object.keys(counts).length > 0 ? counts : countItems(items);
  return STATE_ORDER.map((state) => ({ state, count: source[state] ?? 0 })).filter((c) => c.count > 0);
}

export function countItems(items: readonly PageItem[]): VerdictCounts {
  const counts: VerdictCounts = {};
  for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}

/** The first `maxWords` words of a text block, with an ellipsis when cut. Whitespace is collapsed. */
export function firstWords(text: string, maxWords = 12): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return words.join(' ');
  return `${words.slice(0, maxWords).join(' ')}…`;
}

/** The host to show in the popup header; null for pages without one (chrome://newtab, about:blank, files). */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** Only http(s) and data:image URLs are put in an <img>: anything else the page reported is not shown. */
export function thumbnailUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url) || /^data:image\//i.test(url)) return url;
  return undefined;
}

/** A short name for an image: the file name from its URL ("harbour.jpg"), or what kind of URL it is. */
export function imageName(url: string | undefined): string {
  if (!url) return 'Image';
  if (/^data:/i.test(url)) return 'Embedded image';
  if (/^blob:/i.test(url)) return 'Generated image';
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : parsed.hostname;
  } catch {
    return 'Image';
  }
}
