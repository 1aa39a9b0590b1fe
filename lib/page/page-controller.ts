import type { TextFingerprints } from '../evidence/types.ts';
import type {
  CheckResult,
  ContentResponses,
  ContextTarget,
  ItemState,
  PageItem,
  SendToBackground,
  VerdictCounts,
} from '../messages/protocol.ts';
import { BadgeLayer } from '../overlay/badge-layer.ts';
import { imageSourceOf } from '../scan/image-source.ts';
import { PageScanner } from '../scan/page-scanner.ts';

export interface PageControllerDeps {
  win: Window & typeof globalThis;
  send: SendToBackground;
  fingerprintText: (text: string) => Promise<TextFingerprints>;
  overlay: boolean;
  showNoProvenance: boolean;
}

const PREVIEW_CHARS = 140;

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
  private next = 0;
  private summaryQueued = false;
  private lastContext: { x: number; y: number; target: Element | null } | null = null;
  private readonly scanner: PageScanner;
  private readonly layer: BadgeLayer;
  private readonly onContextMenu = (event: MouseEvent) => {
    this.lastContext = {
      x: event.clientX,
      y: event.clientY,
      target: event.composedPath()[0] as Element | null,
    };
  };

  constructor(private readonly deps: PageControllerDeps) {
    this.layer = new BadgeLayer(deps.win, {
      showBadges: deps.overlay,
      showNoProvenance: deps.showNoProvenance,
      onActivate: (id) => this.openDetails(id),
    });
    this.scanner = new PageScanner(deps.win, {
      image: (el, url, inView) => this.onImage(el, url, inView),
      text: (el, text) => this.onText(el, text),
      removed: (el) => this.onRemoved(el),
    });
  }

  start(): void {
    this.layer.mount();
    this.deps.win.addEventListener('contextmenu', this.onContextMenu, { capture: true, passive: true });
    this.scanner.start();
  }

  stop(): void {
    this.scanner.stop();
    this.layer.destroy();
    this.deps.win.removeEventListener('contextmenu', this.onContextMenu, { capture: true });
  }

  setDisplay(options: { overlay: boolean; showNoProvenance: boolean }): void {
    this.layer.setOptions({ showBadges: options.overlay, showNoProvenance: options.showNoProvenance });
  }

  list(enabled = true): ContentResponses['list-items'] {
    const items = [...this.items.values()];
    return { items, counts: countStates(items), enabled };
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
      if (direct) return { kind: 'image', url: direct };
      const covered = this.layer.itemAt(ctx.x, ctx.y);
      const url = covered ? this.items.get(covered)?.url : undefined;
      if (url) return { kind: 'image', url };
      for (const el of this.deps.win.document.elementsFromPoint(ctx.x, ctx.y)) {
        const under = this.imageOf(el);
        if (under) return { kind: 'image', url: under };
      }
    }
    return selection ? { kind: 'text', text: selection } : null;
  }

  private imageOf(el: Element): string | null {
    const id = this.ids.get(el);
    return (id && this.items.get(id)?.url) || imageSourceOf(el, this.deps.win);
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

  private onImage(el: Element, url: string, _inView: boolean): void {
    const id = this.idFor(el);
    this.update(id, { id, kind: 'image', url, state: 'pending' });
    // Requests go out in the order elements are found, and the scanner finds what is in view first.
    this.deps
      .send({ type: 'check-image', url })
      .then((result) => {
        if (this.items.get(id)?.url === url) this.apply(id, result);
      })
      .catch((error: Error) =>
        this.apply(id, { kind: 'image', verdict: 'error', reason: `Could not check: ${error.message}` }),
      );
  }

  private onText(el: Element, text: string): void {
    const id = this.idFor(el);
    this.update(id, { id, kind: 'text', preview: text.slice(0, PREVIEW_CHARS), state: 'pending' });
    this.textQueue.push([id, text]);
    void this.drainText();
  }

  /** Text is hashed here, one block at a time, yielding between blocks so the page stays responsive. */
  private async drainText(): Promise<void> {
    if (this.textBusy) return;
    this.textBusy = true;
    try {
      for (let job = this.textQueue.shift(); job; job = this.textQueue.shift()) {
        const [id, text] = job;
        try {
          const fingerprints = await this.deps.fingerprintText(text);
          const result = await this.deps.send({ type: 'check-text', fingerprints, text });
          this.apply(id, result);
        } catch (error) {
          this.apply(id, {
            kind: 'text',
            verdict: 'error',
            reason: `Could not check: ${(error as Error).message}`,
          });
        }
        await new Promise<void>((resolve) => this.deps.win.requestAnimationFrame(() => resolve()));
      }
    } finally {
      this.textBusy = false;
    }
  }

  private onRemoved(el: Element): void {
    const id = this.ids.get(el);
    if (!id) return;
    this.items.delete(id);
    this.elements.delete(id);
    this.layer.remove(id);
    this.queueSummary();
  }

  private apply(id: string, result: CheckResult): void {
    const item = this.items.get(id);
    if (!item) return;
    this.update(id, { ...item, state: result.verdict, reason: result.reason, key: result.key });
  }

  private update(id: string, item: PageItem): void {
    this.items.set(id, item);
    const el = this.elements.get(id);
    if (el && item.kind === 'image')
      this.layer.set(id, el, item.state, item.reason ?? 'Checking where this image comes from…');
    this.queueSummary();
  }

  private openDetails(id: string): void {
    const item = this.items.get(id);
    if (!item) return;
    void this.deps.send({ type: 'open-details', key: item.key, url: item.key ? undefined : item.url });
  }

  /** The toolbar count is updated once per frame at most, however many results arrive. */
  private queueSummary(): void {
    if (this.summaryQueued) return;
    this.summaryQueued = true;
    this.deps.win.requestAnimationFrame(() => {
      this.summaryQueued = false;
      void this.deps
        .send({ type: 'page-summary', counts: countStates([...this.items.values()]) })
        .catch(() => {});
    });
  }
}

export function countStates(items: PageItem[]): VerdictCounts {
  const counts: Partial<Record<ItemState, number>> = {};
  for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}
