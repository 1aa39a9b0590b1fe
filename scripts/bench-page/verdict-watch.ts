/**
 * Follows the verdicts of a tab by asking its content script for its item list (as the popup does), every
 * `intervalMs` (longer on pages of many items, see start), and remembers when each item was first seen and first seen settled (not pending). Times are
 * epoch ms taken in the worker when the answer arrives: an upper bound, at most one interval plus a round trip late.
 *
 * The list is compared with the previous one inside the worker, and only the changes cross the DevTools protocol:
 * returning all 200+ items 20 times a second cost the extension's process about 1.6 s of CPU per gallery visit
 * (measured by polling every 1 s instead), which the bench then counted as the extension's.
 */
import type { Worker } from 'playwright-core';
import type { ItemState, PageItem } from '../../lib/messages/protocol.ts';

export const itemKey = (item: Pick<PageItem, 'kind' | 'url' | 'preview'>): string =>
  item.kind === 'image' ? `img:${item.url}` : `txt:${item.preview}`;

/** What the watch keeps of an item. */
export interface WatchedItem {
  key: string;
  state: ItemState;
}

interface PollAnswer {
  at: number;
  changed: WatchedItem[];
  removed: string[];
}

export class VerdictWatch {
  readonly seenAt = new Map<string, number>();
  readonly settledAt = new Map<string, number>();
  private readonly current = new Map<string, WatchedItem>();
  polls = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  /** Names this watch's state in the worker, so two watches never share it. */
  private readonly slot = `__olWatch${Math.random().toString(36).slice(2)}`;

  constructor(
    private readonly worker: Worker,
    private readonly tabId: number,
    private readonly intervalMs = 50,
  ) {}

  /** The items of the last answer. */
  get last(): WatchedItem[] {
    return [...this.current.values()];
  }

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const started = Date.now();
        await this.poll();
        // Each poll makes the content script list every item: on a page of 2,000 paragraphs that listing, 20
        // times a second, cost more than the extension's own work (issue 14's longread profile). Past 400
        // items the interval grows with the list (250 ms at 2,000), so the watch stays a small part.
        const interval = Math.max(this.intervalMs, Math.round(this.current.size / 8));
        const wait = interval - (Date.now() - started);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.worker
      .evaluate((slot) => {
        delete (globalThis as Record<string, unknown>)[slot];
      }, this.slot)
      .catch(() => {});
  }

  /** Asks the content script for its items once (no loop): one message into the page. */
  async once(): Promise<WatchedItem[]> {
    await this.poll();
    return this.last;
  }

  /** Resolves true once `done(items)` holds, false after `timeoutMs`. */
  async until(
    done: (items: WatchedItem[]) => boolean | Promise<boolean>,
    timeoutMs: number,
  ): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.polls > 0 && (await done(this.last))) return true;
      await new Promise((r) => setTimeout(r, this.intervalMs / 2));
    }
    return false;
  }

  private async poll(): Promise<void> {
    let answer: PollAnswer;
    try {
      answer = await this.worker.evaluate(
        async ({ id, slot }) => {
          const items = (
            (await chrome.tabs.sendMessage(id, { type: 'list-items' })) as {
              items: Array<{ kind: string; url?: string; preview?: string; state: ItemState }>;
            }
          ).items;
          const at = Date.now();
          const store = globalThis as unknown as Record<string, Map<string, ItemState> | undefined>;
          const before = store[slot] ?? new Map<string, ItemState>();
          const now = new Map<string, ItemState>();
          const changed: WatchedItem[] = [];
          for (const item of items) {
            const key = item.kind === 'image' ? `img:${item.url}` : `txt:${item.preview}`;
            now.set(key, item.state);
            if (before.get(key) !== item.state) changed.push({ key, state: item.state });
          }
          const removed = [...before.keys()].filter((key) => !now.has(key));
          store[slot] = now;
          return { at, changed, removed };
        },
        { id: this.tabId, slot: this.slot },
      );
    } catch {
      return; // No content script yet (the page is still loading).
    }
    for (const item of answer.changed) {
      if (!this.seenAt.has(item.key)) this.seenAt.set(item.key, answer.at);
      if (item.state !== 'pending' && !this.settledAt.has(item.key)) this.settledAt.set(item.key, answer.at);
      this.current.set(item.key, item);
    }
    for (const key of answer.removed) this.current.delete(key);
    this.polls++;
  }
}
