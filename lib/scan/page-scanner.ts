import { imageSourceOf, isVisibleEnough, MIN_BACKGROUND_SIDE, MIN_IMAGE_SIDE } from './image-source.ts';
import { blockText, findTextBlocks, mainContentRoot } from './text-blocks.ts';

export interface ScannerHooks {
  /** An element shows an image at `url` (first seen, or its source changed). `inView` = found in the viewport. */
  image: (el: Element, url: string, inView: boolean) => void;
  /** A text block worth fingerprinting. */
  text: (el: Element, text: string) => void;
  /** A tracked element left the document. */
  removed: (el: Element) => void;
}

/** Tags that commonly carry hero or card backgrounds; checking every element's style would be a long task. */
const BACKGROUND_TAGS = 'div, section, figure, a, header, span, li, article';
const IMAGE_TAGS = 'img, video[poster]';
const WATCHED_ATTRIBUTES = ['src', 'srcset', 'poster', 'style', 'class'];
/** At most this many background candidates per idle pass, so a huge DOM cannot turn the scan into jank. */
const MAX_BACKGROUND_CANDIDATES = 4000;
const IDLE_BUDGET_MS = 8;

type IdleDeadline = { timeRemaining: () => number };

/**
 * Finds images and text blocks and follows the page as it changes. Viewport first: an
 * IntersectionObserver reports what is in view; everything else is handled in idle time. DOM changes come
 * from a MutationObserver; nothing polls. The window is a parameter so the logic runs under any DOM.
 */
export class PageScanner {
  private readonly reported = new WeakMap<Element, string>();
  private readonly textSeen = new WeakSet<Element>();
  private readonly tracked = new Set<Element>();
  private readonly idleQueue: Element[] = [];
  private idleScheduled = false;
  private textRescan = true;
  private io?: IntersectionObserver;
  private mo?: MutationObserver;
  private readonly onLoad = (event: Event) => {
    const el = event.target as Element;
    if (el?.tagName === 'IMG') this.consider(el, this.inViewport(el));
  };

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly hooks: ScannerHooks,
  ) {}

  start(): void {
    const doc = this.win.document;
    this.io = new this.win.IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.consider(entry.target, true);
      },
      { rootMargin: '200px' },
    );
    this.mo = new this.win.MutationObserver((records) => this.onMutations(records));
    this.mo.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    doc.addEventListener('load', this.onLoad, true);
    this.collect(doc.documentElement, true);
    this.scheduleIdle();
  }

  stop(): void {
    this.io?.disconnect();
    this.mo?.disconnect();
    this.win.document.removeEventListener('load', this.onLoad, true);
    this.tracked.clear();
    this.idleQueue.length = 0;
  }

  /** Queues the image elements under `root` (and, in idle time, background candidates). */
  private collect(root: Element, includeBackgrounds: boolean): void {
    const found: Element[] = root.matches(IMAGE_TAGS) ? [root] : [];
    found.push(...root.querySelectorAll(IMAGE_TAGS));
    for (const el of found) this.track(el);
    if (includeBackgrounds) {
      const bg = root.matches(BACKGROUND_TAGS) ? [root] : [];
      bg.push(...Array.from(root.querySelectorAll(BACKGROUND_TAGS)).slice(0, MAX_BACKGROUND_CANDIDATES));
      this.idleQueue.push(...bg);
    }
  }

  private track(el: Element): void {
    if (this.tracked.has(el)) return;
    this.tracked.add(el);
    this.io?.observe(el);
    this.idleQueue.push(el);
  }

  private inViewport(el: Element): boolean {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.right > 0 && r.top < this.win.innerHeight && r.left < this.win.innerWidth;
  }

  /** Reports an element if it shows a large enough, visible image whose source is new. */
  private consider(el: Element, inView: boolean): void {
    if (!el.isConnected) return;
    const isImageTag = el.tagName === 'IMG' || el.tagName === 'VIDEO';
    const url = imageSourceOf(el, this.win);
    if (!url || this.reported.get(el) === url) return;
    if (!isVisibleEnough(el, this.win, isImageTag ? MIN_IMAGE_SIDE : MIN_BACKGROUND_SIDE)) return;
    if (!isImageTag && !this.tracked.has(el)) {
      this.tracked.add(el);
      this.io?.observe(el);
    }
    this.reported.set(el, url);
    this.hooks.image(el, url, inView);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'attributes') {
        const el = record.target as Element;
        if (this.tracked.has(el) || el.tagName === 'IMG') {
          this.track(el);
          this.idleQueue.push(el);
        } else if (record.attributeName === 'style' || record.attributeName === 'class') {
          this.idleQueue.push(el);
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) this.collect(node as Element, true);
      }
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1) continue;
        for (const el of this.tracked) {
          if (!el.isConnected && (node === el || (node as Element).contains(el))) {
            this.tracked.delete(el);
            this.io?.unobserve(el);
            this.reported.delete(el);
            this.hooks.removed(el);
          }
        }
      }
      this.textRescan = true;
    }
    this.scheduleIdle();
  }

  private scheduleIdle(): void {
    if (this.idleScheduled) return;
    this.idleScheduled = true;
    const run = (deadline: IdleDeadline) => {
      this.idleScheduled = false;
      this.drain(deadline);
    };
    if (typeof this.win.requestIdleCallback === 'function')
      this.win.requestIdleCallback(run, { timeout: 1000 });
    else this.win.setTimeout(() => run({ timeRemaining: () => IDLE_BUDGET_MS }), 0);
  }

  /** Idle work in small slices: never hold the page's main thread for long. */
  private drain(deadline: IdleDeadline): void {
    const start = this.win.performance.now();
    const budget = () =>
      Math.min(deadline.timeRemaining(), IDLE_BUDGET_MS - (this.win.performance.now() - start));
    while (this.idleQueue.length > 0 && budget() > 0) {
      const el = this.idleQueue.shift() as Element;
      this.consider(el, false);
    }
    if (this.idleQueue.length === 0 && this.textRescan && budget() > 0) {
      this.textRescan = false;
      const root = mainContentRoot(this.win.document);
      if (root) {
        for (const block of findTextBlocks(root)) {
          if (this.textSeen.has(block)) continue;
          this.textSeen.add(block);
          this.hooks.text(block, blockText(block));
        }
      }
    }
    if (this.idleQueue.length > 0 || this.textRescan) this.scheduleIdle();
  }
}
