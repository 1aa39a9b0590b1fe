import type { MediaKind } from '../evidence/types.ts';
import { formatBytes } from '../format/bytes.ts';
import { couldNotCheckResult } from '../i18n/could-not-check.ts';
import type { Translate } from '../i18n/translate.ts';
import type { MediaCheckResult, PageItem, SendToBackground } from '../messages/protocol.ts';
import type { BadgeExtra } from '../overlay/badge-layer.ts';
import type { MediaSource } from '../scan/media-source.ts';

/**
 * Media checks sent at once. Each starts with a few KB of Range reads; whole-file downloads then queue in the
 * background (two at a time), so a file answered by its structure alone never waits behind a download.
 */
const MAX_IN_FLIGHT = 16;

export interface MediaItemsDeps {
  send: SendToBackground;
  item: (id: string) => PageItem | undefined;
  update: (id: string, item: PageItem) => void;
  /** The page's words, and the language of its numbers (the browser's). */
  translate: Translate;
  /** The words' language, asked only when a size or date is worded (see PageControllerDeps.locale). */
  locale: () => string;
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
      const reason = this.deps.translate('media.streamed');
      this.deps.update(id, { id, kind, state: 'error', reason, streamed: true });
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
    const reason = this.deps.translate('media.downloading');
    this.deps.update(id, { ...item, state: 'pending', progress: 0, reason });
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
      const t = this.deps.translate;
      const locale = this.deps.locale();
      const reason =
        progress === 1
          ? t('media.validating')
          : total
            ? t('media.downloadingOf', [formatBytes(loaded, locale), formatBytes(total, locale)])
            : t('media.downloadingBytes', [formatBytes(loaded, locale)]);
      this.deps.update(id, { ...item, progress: progress ?? item.progress, reason });
    }
  }

  /** What the badge shows beyond its state: the action of a waiting item, the progress of a running one. */
  static badgeExtra(item: PageItem, t: Translate, locale: () => string): BadgeExtra | undefined {
    if (item.kind !== 'video' && item.kind !== 'audio') return undefined;
    if (item.state === 'on-request') {
      const video = item.kind === 'video';
      if (!item.bytes) return { action: t(video ? 'popup.checkVideo' : 'popup.checkAudio') };
      const size = formatBytes(item.bytes, locale());
      return { action: t(video ? 'media.checkVideoSize' : 'media.checkAudioSize', [size]) };
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
            this.apply(request, {
              state: 'error',
              ...couldNotCheckResult(error.message, this.deps.translate),
            }),
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
    const { progress: _, reasonCode: _code, reasonParams: _params, ...rest } = item;
    this.deps.update(request.id, {
      ...rest,
      state: result.state,
      reason: result.reason,
      ...(result.reasonCode
        ? { reasonCode: result.reasonCode, reasonParams: result.reasonParams ?? {} }
        : {}),
      key: result.key,
      ...(result.bytes !== undefined ? { bytes: result.bytes } : {}),
    });
  }
}
