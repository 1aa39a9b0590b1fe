import { firstWords, imageName } from '../format/page-items.ts';

/**
 * What a badge's accessible name calls its image, video or audio: the alt text (or the page's own
 * aria-label or title) when there is one, else the file name from its URL ("harbour.jpg"). Short, so that a
 * screen reader does not read a whole caption before the verdict.
 */
export function mediaLabel(el: Element): string {
  const own = el.getAttribute('alt') ?? el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
  const words = firstWords(own, 12);
  if (words) return words;
  const url = (el as HTMLImageElement).currentSrc || el.getAttribute('src') || undefined;
  return imageName(url);
}
