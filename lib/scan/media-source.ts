import type { MediaKind } from '../evidence/types.ts';

/**
 * What a `<video>` or `<audio>` element plays:
 * - `{ url }`: a file the extension can fetch again (http(s), or a data: URL of audio or video);
 * - `{ streamed: true }`: bytes only the page has (a `blob:` URL, a MediaSource, a MediaStream in
 *   `srcObject`): shown as "not checkable (streamed)", never as "no provenance";
 * - null: nothing chosen yet (no source, or a `<source>` list the browser has not picked from).
 */
export type MediaSource = { url: string } | { streamed: true };

export const MEDIA_TAGS = 'video, audio';

export function mediaKindOfElement(el: Element): MediaKind | undefined {
  if (el.tagName === 'VIDEO') return 'video';
  if (el.tagName === 'AUDIO') return 'audio';
  return undefined;
}

function resolve(ref: string | null, el: Element): string | null {
  if (!ref) return null;
  try {
    return new URL(ref, el.ownerDocument.baseURI || undefined).href;
  } catch {
    return null;
  }
}

/**
 * The source of a media element: `currentSrc` (what the browser picked among `src` and the `<source>`
 * children), else the `src` attribute, else the first `<source src>` (the browser may not have chosen yet,
 * e.g. with preload="none").
 */
export function mediaSourceOf(el: Element): MediaSource | null {
  if (!mediaKindOfElement(el)) return null;
  const media = el as HTMLMediaElement;
  if (media.srcObject) return { streamed: true };
  const chosen =
    media.currentSrc ||
    resolve(el.getAttribute('src'), el) ||
    resolve(el.querySelector('source[src]')?.getAttribute('src') ?? null, el);
  if (!chosen) return null;
  if (/^(blob|mediasource):/i.test(chosen)) return { streamed: true };
  if (/^https?:\/\//i.test(chosen) || /^data:(video|audio)\//i.test(chosen)) return { url: chosen };
  return null;
}
