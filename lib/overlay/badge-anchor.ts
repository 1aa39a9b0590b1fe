/**
 * Keyboard access to the badges. The badges live in one top-layer host appended to <html>, so in the tab
 * order they would all come after the page's footer, and only those in view exist. Each badge therefore
 * gets an anchor in the page, right after its image (or after the link, button or <picture> around it): a
 * 1 px focusable element that hands focus to the badge as soon as it gets it; Tab on the badge hands focus
 * back to the anchor and lets the browser move on from there. The anchor has no content and no name (the
 * page can read nothing from it) and is hidden from assistive technology, which meets the badge itself.
 *
 * Its inline `!important` styles win over any page rule (the style attribute comes before every selector in
 * the cascade, https://www.w3.org/TR/css-cascade-5/#cascade-sort), so a page hiding "everything it did not
 * write" cannot make it unfocusable. A page that removes it gets the badge back at the end of the tab order.
 */
export const ANCHOR_TAG = 'origin-lens-anchor';

const ANCHOR_STYLE = [
  'all: initial',
  'display: inline-block',
  'position: absolute',
  'width: 1px',
  'height: 1px',
  'margin: -1px',
  'padding: 0',
  'overflow: hidden',
  'opacity: 0',
  'visibility: visible',
  'pointer-events: none',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'outline: none',
]
  .map((d) => `${d} !important`)
  .join('; ');

/** The element after which an item's anchor goes: the focusable wrapper around the image, if there is one. */
export function anchorTarget(el: Element): Element {
  return el.closest('a[href], button, summary, label, picture') ?? el;
}

/** A new anchor; `onFocus` moves focus on to the badge. */
export function createAnchor(doc: Document, onFocus: () => void): HTMLElement {
  const anchor = doc.createElement(ANCHOR_TAG);
  anchor.tabIndex = 0;
  anchor.setAttribute('aria-hidden', 'true');
  anchor.setAttribute('style', ANCHOR_STYLE);
  anchor.addEventListener('focus', onFocus);
  return anchor;
}

/** Our own anchors, which the page scanner skips (they are no content of the page). */
export function isBadgeAnchor(node: Node): boolean {
  return node.nodeName.toLowerCase() === ANCHOR_TAG;
}
