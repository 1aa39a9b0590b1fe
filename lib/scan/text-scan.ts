import {
  blocksInside,
  chooseContentRoot,
  insideChrome,
  isInline,
  type TextBlock,
  TextBlockWalker,
} from './text-blocks.ts';

/** Elements the text walk visits between two looks at the clock (a bound on work past the budget). */
const TEXT_ELEMENTS_PER_STEP = 100;

/**
 * The content script's text side (PageScanner runs it in its idle slices): walks the page once, chooses the
 * content root, reports each block once, and afterwards walks only what the page adds. Bounded per slice by
 * the caller's budget; reads the DOM tree only (see text-blocks.ts).
 */
export class TextScan {
  /** Texts already reported per element (an element can hold several blocks, and be walked again). */
  private readonly seen = new WeakMap<Element, Set<string>>();
  private walker?: TextBlockWalker;
  /** The content root, chosen once the first walk is done (null: the whole body); undefined before. */
  private root: Element | null | undefined;
  /** Blocks found and inside the root, reported a budget's worth per idle slice. */
  private ready: TextBlock[] = [];
  /** Containers queued for the walk since it last finished (a burst of mutations queues each once). */
  private queued = new WeakSet<Element>();

  constructor(
    private readonly doc: Document,
    private readonly report: (el: Element, text: string, part: number) => void,
  ) {}

  start(): void {
    if (this.doc.body) this.walker = new TextBlockWalker(this.doc.body);
  }

  stop(): void {
    this.walker = undefined;
    this.root = undefined;
    this.ready = [];
  }

  /** Work left for a later slice. */
  get pending(): boolean {
    return this.ready.length > 0 || (this.walker !== undefined && !this.walker.done);
  }

  /**
   * New content for the walk: the added element, or for inline content and text the block around it (its
   * runs changed). Only the added part of the page is walked again, never the whole document.
   */
  added(node: Node): void {
    const walker = this.walker;
    if (!walker) return;
    const body = this.doc.body;
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    // Inline content or text: only the runs of the block around it changed, not its children.
    const shallow = el !== node || (el !== null && isInline(el));
    while (el && el !== body && el.parentElement && isInline(el)) el = el.parentElement;
    if (!el || this.queued.has(el) || !el.isConnected) return;
    if (el !== body && el.parentElement && insideChrome(el.parentElement, body)) return;
    this.queued.add(el);
    walker.add(el, shallow);
  }

  /** One slice of the walk; blocks are reported once the content root is known. */
  step(budget: () => number): void {
    const walker = this.walker;
    if (walker && !walker.done) {
      while (budget() > 0 && !walker.step(TEXT_ELEMENTS_PER_STEP)) {}
      if (walker.done) {
        this.queued = new WeakSet();
        if (this.root === undefined) this.root = chooseContentRoot(this.doc, walker.blocks);
        // A root the page has since removed (a single-page navigation) keeps nothing: keep everything.
        const root = this.root?.isConnected ? this.root : null;
        this.ready.push(...blocksInside(walker.blocks, root));
        walker.blocks.length = 0;
      }
    }
    let i = 0;
    for (; i < this.ready.length && (i % TEXT_ELEMENTS_PER_STEP !== 0 || budget() > 0); i++) {
      const block = this.ready[i] as TextBlock;
      const seen = this.seen.get(block.el) ?? new Set<string>();
      if (seen.has(block.text)) continue;
      this.seen.set(block.el, seen);
      seen.add(block.text);
      this.report(block.el, block.text, block.part);
    }
    this.ready = i === this.ready.length ? [] : this.ready.slice(i);
  }
}
