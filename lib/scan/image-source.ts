/** Images smaller than this on either side are icons, spacers or avatars: not worth a badge. */
export const MIN_IMAGE_SIDE = 48;

/** Elements whose CSS background is worth checking must be at least this large (hero images, cards). */
export const MIN_BACKGROUND_SIDE = 120;

const BACKGROUND_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/;

/** Only http(s) and data: images are fetched; blob: and others belong to the page's own origin. */
export function isCheckableUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) || /^data:image\//i.test(url);
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
 * The URL of the image an element shows: the chosen `srcset`/`<picture>` candidate for `<img>`
 * (`currentSrc`), the poster of a `<video>`, or the first `url()` of a CSS background. Null when none.
 */
export function imageSourceOf(el: Element, win: Window): string | null {
  const tag = el.tagName;
  let url: string | null = null;
  if (tag === 'IMG') {
    const img = el as HTMLImageElement;
    url = img.currentSrc || img.src || null;
  } else if (tag === 'VIDEO') {
    url = resolve(el.getAttribute('poster'), el);
  } else {
    const bg = win.getComputedStyle(el).backgroundImage;
    const match = bg && bg !== 'none' ? BACKGROUND_URL.exec(bg) : null;
    url = resolve(match?.[2] ?? null, el);
  }
  return url && isCheckableUrl(url) ? url : null;
}

/**
 * Hidden elements (display:none, visibility:hidden, transparent, zero-size) get no work and no badge.
 * `rect` is the box when the caller already has it (an IntersectionObserver entry's, computed by the
 * browser's own layout): reading it again here would force a synchronous layout while the page loads.
 */
export function isVisibleEnough(
  el: Element,
  win: Window,
  minSide = MIN_IMAGE_SIDE,
  rect: Pick<DOMRectReadOnly, 'width' | 'height'> = el.getBoundingClientRect(),
): boolean {
  if (rect.width < minSide || rect.height < minSide) return false;
  const style = win.getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity || '1') > 0;
}
