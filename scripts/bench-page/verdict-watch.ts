/**
 * Follows the verdicts of a tab by asking its content script for its item list (as the popup does), every
 * `intervalMs`, and remembers when each item was first seen and first seen settled (not pending). Times are
 * epoch ms taken when the answer arrives: an upper bound, at most one interval plus a round trip late.
 */
import type { Worker } from 'playwright-core';
import type { PageItem } from '../../lib/messages/protocol.ts';

export const itemKey = (item: Pick<PageItem, 'kind' | 'url' | 'preview'>): string =>
  item.kind === 'image' ? `img:${item.url}` : `txt:${item.preview}`;

export class VerdictWatch {
  readonly seenAt = new Map<string, number>();
  readonly settledAt = new Map<string, number>();
  last: PageItem[] = [];
  polls = 0;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly worker: Worker,
    private readonly tabId: number,
    private readonly intervalMs = 50,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const started = Date.now();
        await this.poll();
        const wait = this.intervalMs - (Date.now() - started);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Resolves true once `done(items)` holds, false after `timeoutMs`. */
  async until(done: (items: PageItem[]) => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.polls > 0 && (await done(this.last))) return true;
      await new Promise((r) => setTimeout(r, this.intervalMs / 2));
    }
    return false;
  }

  private async poll(): Promise<void> {
    let items: PageItem[];
    try {
      items = await this.worker.evaluate(
        async (id) =>
          ((await chrome.tabs.sendMessage(id, { type: 'list-items' })) as { items: PageItem[] }).items,
        this.tabId,
      );
    } catch {
      return; // No content script yet (the page is still loading).
    }
    const now = Date.now();
    for (const item of items) {
      const key = itemKey(item);
      if (!this.seenAt.has(key)) this.seenAt.set(key, now);
      if (item.state !== 'pending' && !this.settledAt.has(key)) this.settledAt.set(key, now);
    }
    this.last = items;
    this.polls++;
  }
}
