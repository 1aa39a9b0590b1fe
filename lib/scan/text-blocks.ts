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

/**
 * List and table items: blocks like any other, but on most pages small subtrees in great numbers (a menu entry,
 * a row or cell of a link table), so the walk first asks whether one can hold a block at all (tooShortForBlock).
 */
const ITEM_TAGS = new Set(['LI', 'DT', 'DD', 'TR', 'TD', 'TH']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'dialog']);
/** id / class words that mark page chrome (whole words, `-` and `_` separate words). */
const CHROME_NAMES =
  /(?:^|[\s_-])(?:comments?|comment-list|replies|related|recommended|recommendations|sidebar|share|sharing|social|breadcrumbs?|newsletter|promo|advert|ads|disqus|menu|navbar|nav|footer|masthead|cookie|banner|outbrain|taboola)(?:$|[\s_-])/i;

/** A run whose text is at least this share link text is a list of links (related stories, a link table). */
const MAX_LINK_SHARE = 0.5;

// What an element is to the walk, by tag name. The sets hold upper-case names; an XHTML or SVG document
// reports lower-case ones, so a name is upper-cased once and its kind kept (a page has a few dozen names).
const INLINE_KIND = 0;
const LINK_KIND = 1;
const BREAK_KIND = 2;
const SKIPPED_KIND = 3;
const CHROME_KIND = 4;
const BLOCK_KIND = 5;
const ITEM_KIND = 6;
type Kind =
  | typeof INLINE_KIND
  | typeof LINK_KIND
  | typeof BREAK_KIND
  | typeof SKIPPED_KIND
  | typeof CHROME_KIND
  | typeof BLOCK_KIND
  | typeof ITEM_KIND;
const kinds = new Map<string, Kind>();
/** Past this many distinct names (a hostile page inventing tags) kinds are computed, not kept. */
const MAX_KINDS = 512;

function kindOfTag(upper: string): Kind {
  if (upper === 'BR') return BREAK_KIND;
  if (upper === 'A') return LINK_KIND;
  if (INLINE.has(upper)) return INLINE_KIND;
  if (SKIPPED.has(upper)) return SKIPPED_KIND;
  if (CHROME_TAGS.has(upper)) return CHROME_KIND;
  return ITEM_TAGS.has(upper) ? ITEM_KIND : BLOCK_KIND;
}

function kindOf(el: Element): Kind {
  const tag = el.tagName;
  let kind = kinds.get(tag);
  if (kind === undefined) {
    kind = kindOfTag(tag.toUpperCase());
    if (kinds.size < MAX_KINDS) kinds.set(tag, kind);
  }
  return kind;
}

/** Does the element's content flow inline (part of the run around it)? */
export function isInline(el: Element): boolean {
  const kind = kindOf(el);
  return kind === INLINE_KIND || kind === LINK_KIND || kind === BREAK_KIND;
}

/** Page chrome, judged from the element alone (no styles). */
export function isChrome(el: Element): boolean {
  if (kindOf(el) === CHROME_KIND) return true;
  // Most elements of a big page (table cells, list items) have no attributes: one call instead of six.
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable === '' || editable === 'true') return true;
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
  return names.length > 1 && CHROME_NAMES.test(names);
}

/** Whitespace other than a single space: only text holding some needs the replace (most paragraphs don't). */
const UNTIDY_SPACE = /[^\S ]| {2}/;
const collapse = (text: string): string =>
  (UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
const NOT_BLANK = /\S/;

/** Normalised visible text of an element (whitespace collapsed). */
export function blockText(el: Element): string {
  return collapse(el.textContent ?? '');
}

/** Characters of link text inside an inline element whose text is `text`. */
function linkTextOf(node: Element, kind: Kind, text: string): number {
  if (kind === LINK_KIND) return text.length;
  // No child elements, no links: most spans and ems of a paragraph.
  if (!node.firstElementChild) return 0;
  let n = 0;
  for (const a of node.getElementsByTagName('a')) n += (a.textContent ?? '').length;
  return n;
}

/**
 * Can no block sit anywhere inside `el`? A run's text is the element's text nodes and inline elements, plus one
 * space per single `<br>` (runsOf), so it is never longer than the element's text plus its `<br>` count. Exact,
 * so the blocks found are the same with it as without; it spares the walk the visit of every cell and link of a
 * short table row (the bench's longread of 31,000 elements: 6,400 visited instead of 19,900).
 */
function tooShortForBlock(el: Element): boolean {
  const length = el.textContent?.length ?? 0;
  return length + (length < MIN_TEXT_LENGTH ? el.getElementsByTagName('br').length : 0) < MIN_TEXT_LENGTH;
}

/** A run of inline content directly inside an element. */
interface Run {
  /** Whitespace-collapsed text, or null for a run too short to be a block (it still counts for `part`). */
  text: string | null;
  /** Characters of that text inside links (0 for a short run). */
  linkText: number;
}

const SHORT_RUN: Run = Object.freeze({ text: null, linkText: 0 });

/** A block found before its element's children were visited, waiting on the walk's stack. */
class Found implements TextBlock {
  constructor(
    readonly el: Element,
    readonly part: number,
    readonly text: string,
  ) {}
}

/**
 * The content directly inside `el`, in document order: runs of inline content and block-level children
 * (to visit). Runs are cut at block children and at two or more `<br>` in a row (whitespace between them
 * does not count). A run shorter than a block (MIN_TEXT_LENGTH) before collapsing is never collapsed nor
 * measured for links: on a page of link tables most runs are such (a cell's few words).
 */
function runsOf(el: Element): Array<Run | Element> {
  const out: Array<Run | Element> = [];
  let text = '';
  let linkText = 0;
  let brs = 0;
  const cut = () => {
    if (text.length >= MIN_TEXT_LENGTH) {
      const collapsed = collapse(text);
      if (collapsed) out.push({ text: collapsed, linkText });
    } else if (NOT_BLANK.test(text)) out.push(SHORT_RUN);
    text = '';
    linkText = 0;
  };
  for (let node = el.firstChild; node; node = node.nextSibling) {
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (brs > 0 && !NOT_BLANK.test(data)) continue;
      brs = 0;
      text += data;
      continue;
    }
    if (type !== 1) continue;
    const child = node as Element;
    const kind = kindOf(child);
    if (kind === BREAK_KIND) {
      brs++;
      if (brs === 2) cut();
      else text += ' ';
      continue;
    }
    brs = 0;
    if (kind === INLINE_KIND || kind === LINK_KIND) {
      const inner = child.textContent ?? '';
      text += inner;
      linkText += linkTextOf(child, kind, inner);
      continue;
    }
    cut();
    if (kind !== SKIPPED_KIND) out.push(child);
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
  private readonly stack: Array<Element | Found>;
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
      const top = this.stack.pop() as Element | Found;
      if (top instanceof Found) {
        this.blocks.push(top);
        continue;
      }
      const el = top;
      const kind = kindOf(el);
      if (kind === SKIPPED_KIND || isChrome(el)) continue;
      if (kind === ITEM_KIND && tooShortForBlock(el)) continue;
      const shallow = this.shallow.has(el);
      if (shallow) this.shallow.delete(el);
      const pending: Array<Element | Found> = [];
      let part = 0;
      for (const item of runsOf(el)) {
        // A run is one of ours (a plain object); anything else is an element.
        if (!('linkText' in item)) {
          if (!shallow) pending.push(item);
          continue;
        }
        const i = part++;
        if (item.text === null || item.text.length < MIN_TEXT_LENGTH) continue;
        if (item.linkText >= item.text.length * MAX_LINK_SHARE) continue;
        pending.push(new Found(el, i, item.text));
      }
      // Reversed onto the stack so that blocks come out in document order.
      for (let i = pending.length - 1; i >= 0; i--) this.stack.push(pending[i] as Element | Found);
    }
    return this.done;
  }
}

/** Is `el` inside chrome, below `top` (the walk does not enter chrome, but an inserted node may sit in it)? */
export function insideChrome(el: Element, top: Element | null): boolean {
  for (let a: Element | null = el; a && a !== top; a = a.parentElement) {
    if (isChrome(a) || kindOf(a) === SKIPPED_KIND) return true;
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
