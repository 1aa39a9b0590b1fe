import { isBadgeAnchor } from '../overlay/badge-anchor.ts';
import { imageSourceOf, isVisibleEnough, MIN_BACKGROUND_SIDE, MIN_IMAGE_SIDE } from './image-source.ts';
import { MEDIA_TAGS, type MediaSource, mediaKindOfElement, mediaSourceOf } from './media-source.ts';
import { TextScan } from './text-scan.ts';

export interface ScannerHooks {
  /** An element shows an image at `url` (first seen, or its source changed). `inView` = found in the viewport. */
  image: (el: Element, url: string, inView: boolean) => void;
  /** A `<video>` or `<audio>` plays `source` (first seen, or its source changed); its poster is then not reported. */
  media?: (el: Element, source: MediaSource, inView: boolean) => void;
  /** A text block worth fingerprinting: run `part` of the inline content of `el` (see text-blocks.ts). */
  text: (el: Element, text: string, part: number) => void;
  /** A tracked element left the document. */
  removed: (el: Element) => void;
  /**
   * A reported element came into view (within the observer's margin; its pending work can go first) or left
   * it. The page's only IntersectionObserver is the scanner's: the badges follow it too (see badge-layer.ts).
   */
  visible?: (el: Element, inView: boolean) => void;
}

export interface ScannerOptions {
  /**
   * The scan starts when the page's load event has fired, so that it never competes with the page's own
   * loading (CPU, and the background's fetches against the page's), or this many ms after the DOM is
   * complete if the page is still loading then (a page whose load event never comes still gets its badges).
   * 0 = start at once.
   */
  maxStartDelayMs?: number;
}

/** Tags that commonly carry hero or card backgrounds; checking every element's style would be a long task. */
const BACKGROUND_TAGS = 'div, section, figure, a, header, span, li, article';
const IMAGE_TAGS = 'img, video[poster]';
const WATCHED_ATTRIBUTES = ['src', 'srcset', 'poster', 'style', 'class'];
/** At most this many background candidates per idle pass, so a huge DOM cannot turn the scan into jank. */
const MAX_BACKGROUND_CANDIDATES = 4000;
const IDLE_BUDGET_MS = 8;
export const DEFAULT_MAX_START_DELAY_MS = 3000;

type IdleDeadline = { timeRemaining: () => number };

/**
 * Finds images and text blocks and follows the page as it changes. Viewport first: an
 * IntersectionObserver reports what is in view; everything else is handled in idle time. DOM changes come
 * from a MutationObserver; nothing polls. The window is a parameter so the logic runs under any DOM.
 *
 * Layout is only read where the browser has just computed it: the observer's entries carry each element's
 * box, and idle callbacks run after a frame. Reading it anywhere else (a load event, a mutation) would force
 * a synchronous layout of the page, once per image: on a 200-image page that was most of our main-thread
 * time.
 */
export class PageScanner {
  private readonly reported = new WeakMap<Element, string>();
  private readonly mediaReported = new WeakMap<Element, string>();
  private readonly text: TextScan;
  private readonly tracked = new Set<Element>();
  /** Elements intersecting the viewport (plus margin), as the observer last said. */
  private readonly inView = new WeakSet<Element>();
  private idleQueue: Element[] = [];
  private idleHead = 0;
  private readonly queued = new WeakSet<Element>();
  private idleScheduled = false;
  private started = false;
  private stopped = false;
  private startTimer: number | undefined;
  private io?: IntersectionObserver;
  private mo?: MutationObserver;
  /** Images in view that just loaded, until the layout after their load has given them a box. */
  private ro?: ResizeObserver;
  private readonly onLoad = (event: Event) => {
    const el = event.target as Element;
    // An image finished loading: its size may have changed. Reading it here would force a layout; it is read
    // where the browser has computed it. An image in view is looked at after the next layout (a
    // ResizeObserver's first report carries its box): in idle time alone, a page that keeps its main thread
    // busy (a feed that scrolls as it grows) left a loaded image waiting for an idle period, up to the 1 s
    // timeout. The idle look stays, for a browser without it and for an image out of view.
    if (el?.tagName !== 'IMG') return;
    const inView = this.inView.has(el);
    this.enqueue(el, inView);
    this.track(el);
    if (inView) this.ro?.observe(el);
  };
  private readonly onResized = (entries: ResizeObserverEntry[]) => {
    for (const entry of entries) {
      this.ro?.unobserve(entry.target);
      // The content box (physical width and height): at most the bounding box, so never a small image let in.
      this.consider(entry.target, this.inView.has(entry.target), entry.contentRect);
    }
  };
  /** A media element picked a source (`loadstart`; media events do not bubble, so this listens in capture). */
  private readonly onMediaLoad = (event: Event) => {
    const el = event.target as Element;
    if (!el || !mediaKindOfElement(el)) return;
    this.enqueue(el, this.inView.has(el));
    this.track(el);
  };
  private readonly begin = () => this.run();

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly hooks: ScannerHooks,
    private readonly options: ScannerOptions = {},
  ) {
    this.text = new TextScan(win.document, (el, text, part) => hooks.text(el, text, part));
  }

  start(): void {
    this.stopped = false;
    if (this.startDelay > 0 && this.win.document.readyState === 'loading') {
      // The content script runs at document_start, so that the page's load event never waits for its
      // injection (see docs/architecture.md). The DOM is then still being parsed: the wait for the load event,
      // and its bound, start once it is complete, as they did when the script ran at document_idle.
      this.win.document.addEventListener('DOMContentLoaded', this.parsed, { once: true });
      return;
    }
    this.arm();
  }

  private get startDelay(): number {
    return this.options.maxStartDelayMs ?? DEFAULT_MAX_START_DELAY_MS;
  }

  private readonly parsed = () => {
    if (!this.stopped) this.arm();
  };

  /** Runs now if the page has loaded, else at its load event or after the start delay, whichever is first. */
  private arm(): void {
    const delay = this.startDelay;
    if (delay <= 0 || this.win.document.readyState === 'complete') {
      this.run();
      return;
    }
    this.win.addEventListener('load', this.begin, { once: true });
    this.startTimer = this.win.setTimeout(this.begin, delay);
  }

  stop(): void {
    this.stopped = true;
    this.started = false;
    this.win.clearTimeout(this.startTimer);
    this.win.removeEventListener('load', this.begin);
    this.win.document.removeEventListener('DOMContentLoaded', this.parsed);
    this.io?.disconnect();
    this.mo?.disconnect();
    this.ro?.disconnect();
    this.win.document.removeEventListener('load', this.onLoad, true);
    this.win.document.removeEventListener('loadstart', this.onMediaLoad, true);
    this.tracked.clear();
    this.text.stop();
    this.idleQueue = [];
    this.idleHead = 0;
  }

  /** Whether the observer last saw `el` in the viewport (or its margin). */
  isInView(el: Element): boolean {
    return this.inView.has(el);
  }

  private run(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.win.clearTimeout(this.startTimer);
    this.win.removeEventListener('load', this.begin);
    const doc = this.win.document;
    this.io = new this.win.IntersectionObserver((entries) => this.onIntersections(entries), {
      rootMargin: '200px',
    });
    this.mo = new this.win.MutationObserver((records) => this.onMutations(records));
    if (typeof this.win.ResizeObserver === 'function') this.ro = new this.win.ResizeObserver(this.onResized);
    // The document, not <html>: a page that replaces <html> itself must not leave the scanner watching the old one.
    this.mo.observe(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    doc.addEventListener('load', this.onLoad, true);
    if (this.hooks.media) doc.addEventListener('loadstart', this.onMediaLoad, true);
    this.collect(doc.documentElement, true);
    this.text.start();
    this.scheduleIdle();
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const el = entry.target;
      const wasInView = this.inView.has(el);
      if (!entry.isIntersecting) {
        this.inView.delete(el);
        if (wasInView && this.isReported(el)) this.hooks.visible?.(el, false);
        continue;
      }
      this.inView.add(el);
      // The entry's box was computed by this frame's layout: use it instead of asking for it again.
      this.consider(el, true, entry.boundingClientRect);
      if (!wasInView && this.isReported(el)) this.hooks.visible?.(el, true);
    }
  }

  private isReported(el: Element): boolean {
    return this.reported.has(el) || this.mediaReported.has(el);
  }

  /** Queues the image elements under `root` (and, in idle time, background candidates). */
  private collect(root: Element, includeBackgrounds: boolean): void {
    const found: Element[] = root.matches(IMAGE_TAGS) ? [root] : [];
    found.push(...root.querySelectorAll(IMAGE_TAGS));
    if (this.hooks.media) {
      if (root.matches(MEDIA_TAGS)) found.push(root);
      found.push(...root.querySelectorAll(MEDIA_TAGS));
    }
    for (const el of found) this.track(el);
    if (includeBackgrounds) {
      if (root.matches(BACKGROUND_TAGS)) this.enqueue(root, false);
      const candidates = root.querySelectorAll(BACKGROUND_TAGS);
      const n = Math.min(candidates.length, MAX_BACKGROUND_CANDIDATES);
      for (let i = 0; i < n; i++) this.enqueue(candidates[i] as Element, false);
    }
  }

  private track(el: Element): void {
    if (this.tracked.has(el)) return;
    this.tracked.add(el);
    // The observer reports every new target once, in view or not, with its box: that is the first look.
    // The idle pass is the fallback for what it cannot judge (e.g. a size that changes off-screen).
    this.io?.observe(el);
    this.enqueue(el, false);
  }

  /** Adds an element to the idle work, once; `first` puts it ahead of the rest (it is in view). */
  private enqueue(el: Element, first: boolean): void {
    if (this.queued.has(el)) return;
    this.queued.add(el);
    if (first && this.idleHead > 0) this.idleQueue[--this.idleHead] = el;
    else if (first) this.idleQueue.unshift(el);
    else this.idleQueue.push(el);
    this.scheduleIdle();
  }

  /** Reports an element if it shows a large enough, visible image whose source is new. */
  private consider(el: Element, inView: boolean, rect?: Pick<DOMRectReadOnly, 'width' | 'height'>): void {
    if (!el.isConnected) return;
    if (this.considerMedia(el, inView)) return;
    const isImageTag = el.tagName === 'IMG' || el.tagName === 'VIDEO';
    const url = imageSourceOf(el, this.win);
    if (!url || this.reported.get(el) === url) return;
    if (!isVisibleEnough(el, this.win, isImageTag ? MIN_IMAGE_SIDE : MIN_BACKGROUND_SIDE, rect)) return;
    if (!isImageTag && !this.tracked.has(el)) {
      this.tracked.add(el);
      this.io?.observe(el);
    }
    this.reported.set(el, url);
    this.hooks.image(el, url, inView);
  }

  /** Reports a media element's source, whatever its size (the popup lists hidden players too). */
  private considerMedia(el: Element, inView: boolean): boolean {
    if (!this.hooks.media || !mediaKindOfElement(el)) return false;
    const source = mediaSourceOf(el);
    if (!source) return false;
    const signature = 'url' in source ? source.url : 'streamed';
    if (this.mediaReported.get(el) !== signature) {
      this.mediaReported.set(el, signature);
      this.hooks.media(el, source, inView);
    }
    return true;
  }

  private onMutations(records: MutationRecord[]): void {
    let removals = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        const el = record.target as Element;
        if (this.tracked.has(el) || el.tagName === 'IMG') {
          this.enqueue(el, this.inView.has(el));
          this.track(el);
        } else if (record.attributeName === 'style' || record.attributeName === 'class') {
          this.enqueue(el, false);
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (isBadgeAnchor(node)) continue;
        if (node.nodeType === 1) this.collect(node as Element, true);
        this.text.added(node);
      }
      for (const node of record.removedNodes)
        if (node.nodeType === 1 && !isBadgeAnchor(node)) removals = true;
    }
    // One pass over what we track, whatever the number of removed nodes: a feed that drops 10 posts per
    // update would otherwise walk the tracked set 10 times.
    if (removals) {
      for (const el of this.tracked) {
        if (el.isConnected) continue;
        this.tracked.delete(el);
        this.io?.unobserve(el);
        this.inView.delete(el);
        this.reported.delete(el);
        this.mediaReported.delete(el);
        this.hooks.removed(el);
      }
    }
    this.scheduleIdle();
  }

  private scheduleIdle(): void {
    if (this.idleScheduled || !this.started || this.stopped) return;
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
    if (this.stopped) return;
    const start = this.win.performance.now();
    const budget = () =>
      Math.min(deadline.timeRemaining(), IDLE_BUDGET_MS - (this.win.performance.now() - start));
    while (this.idleHead < this.idleQueue.length && budget() > 0) {
      const el = this.idleQueue[this.idleHead++] as Element;
      this.queued.delete(el);
      this.consider(el, this.inView.has(el));
    }
    // Drop the consumed head now and then, not on every shift (shift is O(n) on a long queue).
    if (this.idleHead > 1024 || this.idleHead === this.idleQueue.length) {
      this.idleQueue = this.idleQueue.slice(this.idleHead);
      this.idleHead = 0;
    }
    if (this.idleHead === this.idleQueue.length) this.text.step(budget);
    if (this.idleHead < this.idleQueue.length || this.text.pending) this.scheduleIdle();
  }
}
