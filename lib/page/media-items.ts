import type { MediaKind } from '../evidence/types.ts';
import { formatBytes } from '../format/bytes.ts';
import type { MediaCheckResult, PageItem, SendToBackground } from '../messages/protocol.ts';
import type { BadgeExtra } from '../overlay/badge-layer.ts';
import type { MediaSource } from '../scan/media-source.ts';

export const STREAMED_REASON =
  'Not checkable (streamed): the page plays this from a stream (blob: or MediaSource), so its bytes cannot be fetched again';

/**
 * Media checks sent at once. Each starts with a few KB of Range reads; whole-file downloads then queue in the
 * background (two at a time), so a file answered by its structure alone never waits behind a download.
 */
const MAX_IN_FLIGHT = 16;

export interface MediaItemsDeps {
  send: SendToBackground;
  item: (id: string) => PageItem | undefined;
  update: (id: string, item: PageItem) => void;
}

interface Request {
  id: string;
  url: string;
  confirmed: boolean;
}

/**
 * The page's video and audio items: asks the background about each (viewport first), keeps the ones over the
 * size cap waiting for the user ("Check this video" on the badge or in the popup), and shows the download
 * progress the background reports while such a check runs.
 */
export class MediaItems {
  private urgent: Request[] = [];
  private later: Request[] = [];
  private inFlight = 0;

  constructor(private readonly deps: MediaItemsDeps) {}

  /** A media element found on the page (or its source changed). */
  found(id: string, kind: MediaKind, source: MediaSource, inView: boolean): void {
    if (!('url' in source)) {
      this.deps.update(id, { id, kind, state: 'error', reason: STREAMED_REASON, streamed: true });
      return;
    }
    this.deps.update(id, { id, kind, url: source.url, state: 'pending' });
    (inView ? this.urgent : this.later).push({ id, url: source.url, confirmed: false });
    this.pump();
  }

  /** Badge or popup: checks an item that waits for the user. False when it was not waiting. */
  activate(id: string): boolean {
    const item = this.deps.item(id);
    if (!item?.url || item.state !== 'on-request') return false;
    this.deps.update(id, { ...item, state: 'pending', progress: 0, reason: 'Downloading to check it…' });
    this.urgent.unshift({ id, url: item.url, confirmed: true });
    this.pump();
    return true;
  }

  /** Download progress of a check, from the background. */
  progress(ids: Iterable<string>, url: string, loaded: number, total: number | undefined): void {
    for (const id of ids) {
      const item = this.deps.item(id);
      if (!item || item.url !== url || item.state !== 'pending') continue;
      const progress = total ? Math.min(1, loaded / total) : undefined;
      const reason =
        progress === 1
          ? 'Validating the Content Credentials…'
          : `Downloading to check it… ${formatBytes(loaded)}${total ? ` of ${formatBytes(total)}` : ''}`;
      this.deps.update(id, { ...item, progress: progress ?? item.progress, reason });
    }
  }

  /** What the badge shows beyond its state: the action of a waiting item, the progress of a running one. */
  static badgeExtra(item: PageItem): BadgeExtra | undefined {
    if (item.kind !== 'video' && item.kind !== 'audio') return undefined;
    if (item.state === 'on-request') {
      return { action: `Check this ${item.kind}${item.bytes ? ` (${formatBytes(item.bytes)})` : ''}` };
    }
    if (item.state === 'pending' && item.progress !== undefined) return { progress: item.progress };
    return undefined;
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT) {
      const request = this.urgent.shift() ?? this.later.shift();
      if (!request) return;
      const item = this.deps.item(request.id);
      // Gone from the page, or its source changed since it was queued.
      if (!item || item.url !== request.url) continue;
      this.inFlight++;
      this.deps
        .send({ type: 'check-media', url: request.url, confirmed: request.confirmed })
        .then(
          (result) => this.apply(request, result),
          (error: Error) =>
            this.apply(request, { state: 'error', reason: `Could not check: ${error.message}` }),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  private apply(request: Request, result: MediaCheckResult): void {
    const item = this.deps.item(request.id);
    if (!item || item.url !== request.url) return;
    const { progress: _, ...rest } = item;
    this.deps.update(request.id, {
      ...rest,
      state: result.state,
      reason: result.reason,
      key: result.key,
      ...(result.bytes !== undefined ? { bytes: result.bytes } : {}),
    });
  }
}
