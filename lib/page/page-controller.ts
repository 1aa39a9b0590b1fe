import { couldNotCheckResult } from '../i18n/could-not-check.ts';
import { renderReason } from '../i18n/render-reason.ts';
import type { Translate } from '../i18n/translate.ts';
import type {
  CheckResult,
  ContentResponses,
  ContextTarget,
  ItemState,
  PageItem,
  SendToBackground,
  VerdictCounts,
} from '../messages/protocol.ts';
import { MAX_CHECK_TEXT } from '../messages/protocol.ts';
import { BadgeLayer } from '../overlay/badge-layer.ts';
import { imageSourceOf } from '../scan/image-source.ts';
import { type MediaSource, mediaKindOfElement, mediaSourceOf } from '../scan/media-source.ts';
import { PageScanner } from '../scan/page-scanner.ts';
import { MediaItems } from './media-items.ts';

export interface PageControllerDeps {
  win: Window & typeof globalThis;
  send: SendToBackground;
  overlay: boolean;
  showNoProvenance: boolean;
  /** See ScannerOptions.maxStartDelayMs (the scan waits for the page's load event, at most this long). */
  maxStartDelayMs?: number;
  /**
   * The page's words (the browser's i18n) and the language of its numbers, asked for only when something is
   * worded: Chrome loads an extension's messages into a page with a synchronous call (about 50 ms of the
   * page's main thread in issue 14's profile), which a page whose badges all stay hidden should never pay.
   */
  translate: Translate;
  locale: () => string;
}

const PREVIEW_CHARS = 140;
/**
 * Image checks in flight at once. The background runs a few at a time and queues the rest in arrival order;
 * keeping the rest here instead lets an image that comes into view later (a scroll, a feed) go ahead of
 * off-screen ones, and lets images removed from the page before their turn cost nothing.
 */
const MAX_IMAGE_REQUESTS = 16;
/**
 * Answers refill the checks in flight only once they are down to this many (or when an image in view waits):
 * the refill then leaves as one message over the port instead of one message per answer, which on a 200-image
 * page was 200 posts from the page's main thread (issue 14). The worker, which runs 8 at a time, still always
 * has the next ones queued.
 */
const REFILL_AT = MAX_IMAGE_REQUESTS / 2;
/** Text blocks are sent to the worker (which fingerprints them) in slices of at most this long. */
const TEXT_SLICE_MS = 8;
/**
 * ... and of at most this many characters of text: the slice's posts leave at its end, in the same task, and
 * posting costs the page about 1 ms per 32 KB (lib/messages/request-port.ts). A long article's megabyte of
 * paragraphs queued in one 8 ms slice would otherwise be one task of 15-50 ms of posts.
 */
export const TEXT_SLICE_CHARS = 64 * 1024;
/**
 * The toolbar count is sent at most this often while results stream in: each is a message to the worker and
 * two toolbar updates there.
 */
export const SUMMARY_INTERVAL_MS = 500;
/** Verdicts remembered by URL for this page (see `known`). */
const MAX_KNOWN_URLS = 2000;

interface ImageRequest {
  id: string;
  url: string;
  /** Sent, or dropped (superseded by a new source, or its element left the page). */
  sent: boolean;
}

/**
 * Everything the content script does, as a class that takes its window and its messenger: finds items,
 * asks the background about them (viewport first), draws badges, and answers the popup.
 */
export class PageController {
  private readonly items = new Map<string, PageItem>();
  private readonly elements = new Map<string, Element>();
  private readonly ids = new WeakMap<Element, string>();
  private readonly textQueue: Array<[string, string]> = [];
  private textBusy = false;
  /** Image checks not sent yet: those seen in view first, then the rest in the order found. */
  private urgent: ImageRequest[] = [];
  private later: ImageRequest[] = [];
  private readonly waiting = new Map<string, ImageRequest>();
  private inFlight = 0;
  private next = 0;
  /** The count changed since it was last sent. */
  private summaryDirty = false;
  /** One went out less than SUMMARY_INTERVAL_MS ago: the next waits for the timer. */
  private summaryCooling = false;
  private summaryTimer = 0;
  /**
   * Verdicts already received on this page, by URL (failures excluded: they may pass on a retry). An image the
   * page takes out and puts back, or re-renders as a new element, gets its badge back in the next frame
   * instead of waiting for another round trip to the background.
   */
  private readonly known = new Map<string, CheckResult>();
  private lastContext: { x: number; y: number; target: Element | null } | null = null;
  private readonly scanner: PageScanner;
  private readonly layer: BadgeLayer;
  private readonly media: MediaItems;
  private readonly onContextMenu = (event: MouseEvent) => {
    this.lastContext = {
      x: event.clientX,
      y: event.clientY,
      target: event.composedPath()[0] as Element | null,
    };
  };

  constructor(private readonly deps: PageControllerDeps) {
    this.layer = new BadgeLayer(
      deps.win,
      {
        showBadges: deps.overlay,
        showNoProvenance: deps.showNoProvenance,
        // A video waiting for the user is checked; anything else opens its evidence.
        onActivate: (id) => this.media.activate(id) || this.openDetails(id),
        isInView: (el) => this.scanner.isInView(el),
      },
      deps.translate,
    );
    this.media = new MediaItems({
      send: deps.send,
      item: (id) => this.items.get(id),
      update: (id, item) => this.update(id, item),
      translate: deps.translate,
      locale: deps.locale,
    });
    this.scanner = new PageScanner(
      deps.win,
      {
        image: (el, url, inView) => this.onImage(el, url, inView),
        media: (el, source, inView) => this.onMedia(el, source, inView),
        text: (el, text, part) => this.onText(el, text, part),
        removed: (el) => this.onRemoved(el),
        visible: (el, inView) => this.onVisible(el, inView),
      },
      { maxStartDelayMs: deps.maxStartDelayMs },
    );
  }

  start(): void {
    this.layer.mount();
    this.deps.win.addEventListener('contextmenu', this.onContextMenu, { capture: true, passive: true });
    this.scanner.start();
  }

  stop(): void {
    this.scanner.stop();
    // Checks not sent yet are dropped; those in flight finish and are ignored.
    for (const request of this.waiting.values()) request.sent = true;
    this.waiting.clear();
    this.urgent = [];
    this.later = [];
    this.layer.destroy();
    this.deps.win.clearTimeout(this.summaryTimer);
    this.deps.win.removeEventListener('contextmenu', this.onContextMenu, { capture: true });
  }

  setDisplay(options: { overlay: boolean; showNoProvenance: boolean }): void {
    this.layer.setOptions({ showBadges: options.overlay, showNoProvenance: options.showNoProvenance });
  }

  list(enabled = true): ContentResponses['list-items'] {
    const items = [...this.items.values()];
    return { items, counts: countStates(items), enabled };
  }

  /** The popup's "Check this video": checks a video or audio item that waits for the user. */
  checkMedia(id: string): boolean {
    return this.media.activate(id);
  }

  /** Download progress of a video or audio check, reported by the background. */
  mediaProgress(url: string, loaded: number, total: number | undefined): void {
    const ids = [...this.items.values()].filter((i) => i.url === url).map((i) => i.id);
    this.media.progress(ids, url, loaded, total);
  }

  highlight(id: string): boolean {
    const el = this.elements.get(id);
    return el ? this.layer.highlight(el) : false;
  }

  /** What "Verify origin" should check: the right-clicked image, the image under a badge, or the selection. */
  contextTarget(): ContextTarget {
    const selection = this.deps.win.getSelection()?.toString().trim();
    const ctx = this.lastContext;
    if (ctx) {
      const direct = ctx.target ? this.imageOf(ctx.target) : null;
      if (direct) return direct;
      const covered = this.layer.itemAt(ctx.x, ctx.y);
      const item = covered ? this.items.get(covered) : undefined;
      if (item?.url) return this.targetOf(item.url, item.kind);
      for (const el of this.deps.win.document.elementsFromPoint(ctx.x, ctx.y)) {
        const under = this.imageOf(el);
        if (under) return under;
      }
    }
    return selection ? { kind: 'text', text: selection } : null;
  }

  /** The image, video or audio an element shows (a player's overlay is found through elementsFromPoint). */
  private imageOf(el: Element): ContextTarget {
    const id = this.ids.get(el);
    const item = id ? this.items.get(id) : undefined;
    if (item?.url) return this.targetOf(item.url, item.kind);
    const media = mediaSourceOf(el);
    if (media && 'url' in media) return this.targetOf(media.url, mediaKindOfElement(el));
    const url = imageSourceOf(el, this.deps.win);
    return url ? { kind: 'image', url } : null;
  }

  private targetOf(url: string, kind: PageItem['kind'] | undefined): ContextTarget {
    return kind === 'video' || kind === 'audio'
      ? { kind: 'image', url, media: kind }
      : { kind: 'image', url };
  }

  private idFor(el: Element): string {
    let id = this.ids.get(el);
    if (!id) {
      id = `i${this.next++}`;
      this.ids.set(el, id);
      this.elements.set(id, el);
    }
    return id;
  }

  private onImage(el: Element, url: string, inView: boolean): void {
    const id = this.idFor(el);
    this.update(id, { id, kind: 'image', url, state: 'pending' });
    const previous = this.waiting.get(id);
    if (previous) previous.sent = true; // Superseded by the new source: never sent.
    const known = this.known.get(url);
    if (known) {
      this.waiting.delete(id);
      this.apply(id, known);
      return;
    }
    const request: ImageRequest = { id, url, sent: false };
    this.waiting.set(id, request);
    (inView ? this.urgent : this.later).push(request);
    this.pump();
  }

  private onMedia(el: Element, source: MediaSource, inView: boolean): void {
    const id = this.idFor(el);
    const poster = this.waiting.get(id);
    if (poster) poster.sent = true; // The video itself is checked, not its poster.
    this.media.found(id, mediaKindOfElement(el) ?? 'video', source, inView);
  }

  /** An element came into view (its check, if still waiting, goes ahead of the off-screen ones) or left it. */
  private onVisible(el: Element, inView: boolean): void {
    const id = this.ids.get(el);
    if (!id) return;
    this.layer.setInView(id, inView);
    const request = inView ? this.waiting.get(id) : undefined;
    if (request && !request.sent) this.urgent.push(request);
  }

  /** Sends waiting image checks, in view first, keeping at most MAX_IMAGE_REQUESTS in flight (see REFILL_AT). */
  private pump(inViewOnly = false): number {
    const before = this.inFlight;
    while (this.inFlight < MAX_IMAGE_REQUESTS) {
      const request = this.take(inViewOnly);
      if (!request) break;
      request.sent = true;
      this.waiting.delete(request.id);
      this.inFlight++;
      const { id, url } = request;
      this.deps
        .send({ type: 'check-image', url })
        .then((result) => {
          this.remember(url, result);
          if (this.items.get(id)?.url === url) this.apply(id, result);
        })
        .catch((error: Error) =>
          this.apply(id, {
            kind: 'image',
            verdict: 'error',
            ...couldNotCheckResult(error.message, this.deps.translate),
          }),
        )
        .finally(() => {
          this.inFlight--;
          // Above REFILL_AT only an image in view goes now; the rest wait for the refill. Every answer of
          // the post that brought this one has been applied by now: the count goes with the refill.
          if (this.pump(this.inFlight > REFILL_AT) > 0) this.sendSummary(true);
        });
    }
    return this.inFlight - before;
  }

  private remember(url: string, result: CheckResult): void {
    if (result.verdict === 'error') return;
    this.known.delete(url);
    this.known.set(url, result);
    if (this.known.size > MAX_KNOWN_URLS) this.known.delete(this.known.keys().next().value as string);
  }

  private take(inViewOnly = false): ImageRequest | undefined {
    for (const queue of inViewOnly ? [this.urgent] : [this.urgent, this.later]) {
      while (queue.length > 0) {
        const request = queue.shift() as ImageRequest;
        // Already sent (a promoted copy), superseded, or its element left the page.
        if (request.sent || !this.items.has(request.id)) continue;
        // Seen in view but scrolled away since (a feed that follows its newest posts): what is on screen now
        // goes first; this one waits with the off-screen ones, and comes back if it scrolls into view again.
        const el = this.elements.get(request.id);
        if (queue === this.urgent && el && !this.scanner.isInView(el)) {
          this.later.push(request);
          continue;
        }
        return request;
      }
    }
    return undefined;
  }

  private onText(el: Element, text: string, part = 0): void {
    // Further paragraphs of one element (runs between <br><br>) get ids of their own on the same element.
    const id = part === 0 ? this.idFor(el) : `${this.idFor(el)}.${part}`;
    this.elements.set(id, el);
    this.update(id, { id, kind: 'text', preview: text.slice(0, PREVIEW_CHARS), state: 'pending' });
    this.textQueue.push([id, text]);
    void this.drainText();
  }

  /**
   * Text is sent to the worker, which fingerprints it: the page's main thread only posts messages, in
   * slices of at most TEXT_SLICE_MS and TEXT_SLICE_CHARS with a frame between them. Checks are sent without
   * waiting for the answers: the background folds them into one registry lookup.
   */
  private async drainText(): Promise<void> {
    if (this.textBusy) return;
    this.textBusy = true;
    try {
      // The scanner reports a slice's blocks one by one, in one task: they queue up first, so that the bounds
      // below hold for all of them together, not for each report alone.
      await Promise.resolve();
      let sliceStart = this.deps.win.performance.now();
      let sliceChars = 0;
      for (let job = this.textQueue.shift(); job; job = this.textQueue.shift()) {
        const [id, text] = job;
        if (!this.items.has(id)) continue;
        if (text.length > MAX_CHECK_TEXT) {
          this.textFailed(id, new Error(`the block is too long to check (${text.length} characters)`));
        } else {
          sliceChars += text.length;
          this.deps
            .send({ type: 'check-text', text })
            .then((result) => this.apply(id, result))
            .catch((error: Error) => this.textFailed(id, error));
        }
        if (sliceChars >= TEXT_SLICE_CHARS || this.deps.win.performance.now() - sliceStart >= TEXT_SLICE_MS) {
          await new Promise<void>((resolve) => this.deps.win.requestAnimationFrame(() => resolve()));
          sliceStart = this.deps.win.performance.now();
          sliceChars = 0;
        }
      }
    } finally {
      this.textBusy = false;
    }
  }

  private textFailed(id: string, error: Error): void {
    this.apply(id, {
      kind: 'text',
      verdict: 'error',
      ...couldNotCheckResult(error.message, this.deps.translate),
    });
  }

  private onRemoved(el: Element): void {
    const id = this.ids.get(el);
    if (!id) return;
    this.items.delete(id);
    this.elements.delete(id);
    this.waiting.delete(id);
    // If the page puts the element back (a move), the scanner reports it afresh: it gets a new id and item.
    this.ids.delete(el);
    this.layer.remove(id);
    this.queueSummary();
  }

  private apply(id: string, result: CheckResult): void {
    const item = this.items.get(id);
    if (!item) return;
    // A new result replaces the reason whole: a code left from the last one would outlive it.
    const { reasonCode: _code, reasonParams: _params, ...rest } = item;
    this.update(id, {
      ...rest,
      state: result.verdict,
      reason: result.reason,
      ...(result.reasonCode
        ? { reasonCode: result.reasonCode, reasonParams: result.reasonParams ?? {} }
        : {}),
      key: result.key,
      ...(result.variant ? { variant: result.variant } : {}),
    });
  }

  private update(id: string, item: PageItem): void {
    this.items.set(id, item);
    const el = this.elements.get(id);
    if (el && item.kind !== 'text')
      this.layer.set(
        id,
        el,
        item.state,
        () => this.reasonText(item),
        item.variant,
        MediaItems.badgeExtra(item, this.deps.translate, this.deps.locale),
      );
    this.queueSummary();
  }

  /** The badge's reason in the browser's language, short for "could not check" (the raw error is in details). */
  private reasonText(item: PageItem): string {
    const t = this.deps.translate;
    return (
      renderReason(item, t, { short: true, locale: this.deps.locale() }) ?? t(`overlay.checking.${item.kind}`)
    );
  }

  private openDetails(id: string): void {
    const item = this.items.get(id);
    if (!item) return;
    const media = item.kind === 'video' || item.kind === 'audio' ? { media: item.kind } : {};
    void this.deps.send({
      type: 'open-details',
      key: item.key,
      url: item.key ? undefined : item.url,
      ...media,
    });
  }

  /**
   * The toolbar count is sent at most every SUMMARY_INTERVAL_MS, however many results arrive: by a timer, or
   * with the checks that answers make the page post anyway (see pump()).
   */
  private queueSummary(): void {
    this.summaryDirty = true;
    if (!this.summaryTimer) this.armSummary();
  }

  private armSummary(): void {
    this.deps.win.clearTimeout(this.summaryTimer);
    this.summaryTimer = this.deps.win.setTimeout(this.summaryDue, SUMMARY_INTERVAL_MS);
  }

  /**
   * The interval is over. After a count went out, the next may now ride with a refill, and goes alone only if
   * none comes within another interval (the end of a page's results).
   */
  private readonly summaryDue = () => {
    this.summaryTimer = 0;
    if (this.summaryCooling) {
      this.summaryCooling = false;
      if (this.summaryDirty) this.armSummary();
    } else if (this.summaryDirty) {
      this.sendSummary();
    }
  };

  /**
   * Sends the count now (`along`: only if it changed and none went out within the interval). Called in the
   * same task as other requests, it leaves in their post, since the port sends one task's requests together
   * (lib/messages/request-port.ts): a page streaming results pays for no post of the count's own (issue 14:
   * each post takes the page's main thread).
   */
  private sendSummary(along = false): void {
    if (along && (!this.summaryDirty || this.summaryCooling)) return;
    this.summaryDirty = false;
    this.summaryCooling = true;
    this.armSummary();
    void this.deps
      .send({ type: 'page-summary', counts: countStates([...this.items.values()]) })
      .catch(() => {});
  }
}

export function countStates(items: PageItem[]): VerdictCounts {
  const counts: Partial<Record<ItemState, number>> = {};
  for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}
