/**
 * The paragraphs of a page worth fingerprinting, found the same way in the extension (live DOM) and in the
 * CLI (`register page.html`, linkedom), so that a registered paragraph is found again on the page.
 *
 * A block is a run of inline content: the text and inline elements between two block-level children, or
 * between two `<br><br>`. So `<p>`s, text-only `<div>`s (a div holding a span), a `<p>` of paragraphs
 * separated by `<br><br>`, and text between a div's child blocks are all paragraphs. Chrome is kept out
 * (navigation, headers, footers, forms, comments, related links, share bars: by element, role, id or class,
 * and runs that are mostly link text), and the content root is chosen by where the text is.
 *
 * The walk reads only the DOM tree (no layout, no style), visits every element once, and can stop after
 * any number of elements and resume (TextBlockWalker.step), so the content script spreads it over idle slices.
 */

/** Paragraphs shorter than this are captions, buttons and bylines, not quotable text. */
export const MIN_TEXT_LENGTH = 80;

export interface TextBlock {
  /** The element the block sits in (its badge and highlight target). */
  el: Element;
  /** Which run of inline content inside `el` (0 for the first). */
  part: number;
  /** Whitespace-collapsed text (the fingerprint normalises further). */
  text: string;
}

/** Elements whose content flows inline: they belong to the run around them. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'IMG',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'RP',
  'RT',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** Never text: their content is code, media or a different document. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'HEAD',
  'PRE',
]);

const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'DIALOG', 'MENU']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'dialog']);
/** id / class words that mark page chrome (whole words, `-` and `_` separate words). */
const CHROME_NAMES =
  /(?:^|[\s_-])(?:comments?|comment-list|replies|related|recommended|recommendations|sidebar|share|sharing|social|breadcrumbs?|newsletter|promo|advert|ads|disqus|menu|navbar|nav|footer|masthead|cookie|banner|outbrain|taboola)(?:$|[\s_-])/i;

/** A run whose text is at least this share link text is a list of links (related stories, a link table). */
const MAX_LINK_SHARE = 0.5;

/** Does the element's content flow inline (part of the run around it)? */
export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase()) || el.tagName.toUpperCase() === 'BR';
}

/** Page chrome, judged from the element alone (no styles). */
export function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable === '' || editable === 'true') return true;
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
  return names.length > 1 && CHROME_NAMES.test(names);
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Normalised visible text of an element (whitespace collapsed). */
export function blockText(el: Element): string {
  return collapse(el.textContent ?? '');
}

function linkTextOf(node: Element): number {
  if (node.tagName === 'A') return (node.textContent ?? '').length;
  let n = 0;
  for (const a of node.getElementsByTagName('a')) n += (a.textContent ?? '').length;
  return n;
}

export interface Run {
  text: string;
  /** Characters of that text inside links. */
  linkText: number;
}

/**
 * The content directly inside `el`, in document order: runs of inline content and block-level children
 * (to visit). Runs are cut at block children and at two or more `<br>` in a row (whitespace between them
 * does not count).
 */
export function runsOf(el: Element): Array<Run | Element> {
  const out: Array<Run | Element> = [];
  let text = '';
  let linkText = 0;
  let brs = 0;
  const cut = () => {
    if (text.trim()) out.push({ text: collapse(text), linkText });
    text = '';
    linkText = 0;
  };
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (brs > 0 && !data.trim()) continue;
      brs = 0;
      text += data;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const tag = child.tagName.toUpperCase();
    if (tag === 'BR') {
      brs++;
      if (brs === 2) cut();
      else text += ' ';
      continue;
    }
    brs = 0;
    if (INLINE.has(tag)) {
      text += child.textContent ?? '';
      linkText += linkTextOf(child);
      continue;
    }
    cut();
    if (!SKIPPED.has(tag)) out.push(child);
  }
  cut();
  return out;
}

/**
 * Walks a subtree, element by element, collecting its blocks; chrome subtrees are not entered. Resumable:
 * `step(n)` visits at most n elements and says whether the walk is done.
 */
export class TextBlockWalker {
  readonly blocks: TextBlock[] = [];
  /** Elements to visit, and blocks found before an element's children, kept in document order. */
  private readonly stack: Array<Element | TextBlock>;
  /** Elements whose own runs are read again without walking their children (inline content changed). */
  private readonly shallow = new WeakSet<Element>();

  constructor(roots: Element | Element[]) {
    this.stack = Array.isArray(roots) ? [...roots].reverse() : [roots];
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Adds another subtree to walk (an element the page inserted), or with `shallow` only its own runs. */
  add(el: Element, shallow = false): void {
    if (shallow) this.shallow.add(el);
    else this.shallow.delete(el);
    this.stack.push(el);
  }

  step(maxElements = Number.POSITIVE_INFINITY): boolean {
    for (let n = 0; n < maxElements && this.stack.length > 0; n++) {
      const top = this.stack.pop() as Element | TextBlock;
      if ('part' in top && 'text' in top && !('tagName' in top)) {
        this.blocks.push(top);
        continue;
      }
      const el = top as Element;
      if (SKIPPED.has(el.tagName.toUpperCase()) || isChrome(el)) continue;
      const shallow = this.shallow.has(el);
      this.shallow.delete(el);
      const pending: Array<Element | TextBlock> = [];
      let part = 0;
      for (const item of runsOf(el)) {
        if ('tagName' in item) {
          if (!shallow) pending.push(item);
          continue;
        }
        const i = part++;
        if (item.text.length < MIN_TEXT_LENGTH) continue;
        if (item.linkText >= item.text.length * MAX_LINK_SHARE) continue;
        pending.push({ el, part: i, text: item.text });
      }
      // Reversed onto the stack so that blocks come out in document order.
      for (let i = pending.length - 1; i >= 0; i--) this.stack.push(pending[i] as Element | TextBlock);
    }
    return this.done;
  }
}

/** Is `el` inside chrome, below `top` (the walk does not enter chrome, but an inserted node may sit in it)? */
export function insideChrome(el: Element, top: Element | null): boolean {
  for (let a: Element | null = el; a && a !== top; a = a.parentElement) {
    if (isChrome(a) || SKIPPED.has(a.tagName.toUpperCase())) return true;
  }
  return false;
}

/** A content root must hold at least this share of the page's block text. */
const ROOT_SHARE = 0.7;

/**
 * Where the text is: `<main>` (or role=main) when it holds most of the blocks' text, else the smallest
 * element that holds ROOT_SHARE of it. Sidebars, comment threads and footers without telling names fall
 * outside. `null` when there are no blocks (keep everything).
 */
export function chooseContentRoot(doc: Document, blocks: readonly TextBlock[]): Element | null {
  const body = doc.body;
  if (!body || blocks.length === 0) return null;
  const score = new Map<Element, number>();
  let total = 0;
  for (const b of blocks) {
    total += b.text.length;
    for (let a: Element | null = b.el; a && a !== body; a = a.parentElement) {
      score.set(a, (score.get(a) ?? 0) + b.text.length);
    }
  }
  const main = doc.querySelector('main, [role="main"]');
  if (main && (score.get(main) ?? 0) >= total * 0.5) return main;
  let root: Element = body;
  for (;;) {
    let next: Element | undefined;
    for (const child of root.children) {
      if ((score.get(child) ?? 0) >= total * ROOT_SHARE) next = child;
    }
    if (!next) return root;
    root = next;
  }
}

/** Keeps the blocks inside `root` (all of them when root is null). */
export function blocksInside(blocks: readonly TextBlock[], root: Element | null): TextBlock[] {
  return root ? blocks.filter((b) => root === b.el || root.contains(b.el)) : [...blocks];
}

/** Every block of a document's content, in document order (the CLI's view of an HTML page). */
export function findTextBlocks(doc: Document): TextBlock[] {
  if (!doc.body) return [];
  const walker = new TextBlockWalker(doc.body);
  walker.step();
  return blocksInside(walker.blocks, chooseContentRoot(doc, walker.blocks));
}
