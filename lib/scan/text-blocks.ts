/** Paragraphs shorter than this are captions, buttons and bylines, not quotable text. */
export const MIN_TEXT_LENGTH = 80;

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, dd';
const CHROME_SELECTOR =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], [contenteditable=""], [contenteditable="true"]';

/** The main content of a page: `<main>`, the only `<article>`, or the body. */
export function mainContentRoot(doc: Document): Element | null {
  const main = doc.querySelector('main, [role="main"]');
  if (main) return main;
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0] ?? null;
  return doc.body;
}

/** Normalised visible text of a block (whitespace collapsed; the fingerprint normalises further). */
export function blockText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Text blocks worth fingerprinting inside `root`: paragraphs and headings of at least MIN_TEXT_LENGTH
 * characters, outside navigation and page chrome, and not nested in another selected block.
 */
export function findTextBlocks(root: Element): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) {
    if (el.closest(CHROME_SELECTOR)) continue;
    if (el.parentElement?.closest(BLOCK_SELECTOR) && root.contains(el.parentElement.closest(BLOCK_SELECTOR)))
      continue;
    if (blockText(el).length >= MIN_TEXT_LENGTH) out.push(el);
  }
  return out;
}
