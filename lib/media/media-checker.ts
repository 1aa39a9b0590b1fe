import { MAX_ASSET_BYTES } from '../c2pa/read-c2pa.ts';
import { parseLinkHeader } from '../c2pa/remote-manifest.ts';
import type { MediaKind } from '../evidence/types.ts';
import { formatBytes } from '../format/bytes.ts';
import { couldNotCheckResult } from '../i18n/could-not-check.ts';
import { type ReasonCode, type ReasonParams, reasonParams } from '../i18n/reason-code.ts';
import { renderReason } from '../i18n/render-reason.ts';
import type { MediaCheckResult } from '../messages/protocol.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import { limitConcurrency } from '../pipeline/limit-concurrency.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import { fingerprintMedia, mediaKindOf } from './media-kind.ts';
import { type MediaProbe, probeMedia } from './probe-media.ts';
import { createRangeReader } from './range-reader.ts';

/**
 * Largest video or audio file validated in the browser. The engine (c2pa-wasm 0.13) reads from bytes in
 * memory: the file is held once by the worker and copied once into the engine's WebAssembly memory, which
 * never shrinks while the worker lives. So the bound is the engine's own (MAX_ASSET_BYTES, 100 MiB); the CLI
 * checks larger files. README "Video and audio" gives the figures.
 */
export const MAX_MEDIA_BYTES = MAX_ASSET_BYTES;
/** Full downloads at once: each holds a whole file in memory. */
const DOWNLOADS = 2;
/** Progress messages at most this often. */
const PROGRESS_INTERVAL_MS = 150;
/** Probe answers kept per URL (files without Content Credentials have no content hash to cache them by). */
const MAX_REMEMBERED = 500;

export interface MediaCheckerDeps {
  pipeline: Pick<Pipeline, 'checkCached' | 'checkFetched' | 'translate'>;
  fetch: typeof fetch;
  omitCredentials: boolean;
  /** Files up to this size are checked without asking (the "mediaAutoCheckMb" setting). */
  autoCheckBytes: number;
  /**
   * Registry lookups are on: a file without Content Credentials is still downloaded (within the cap) for its
   * exact SHA-256. Off (the default), its structure alone answers.
   */
  registry: boolean;
  maxBytes?: number;
}

export interface MediaCheckOptions {
  /**
   * The user asked for this file ("Check this video", "Verify origin"): the size cap does not apply, and a
   * file without Content Credentials is still downloaded and hashed (for the registry and the details page).
   */
  confirmed?: boolean;
  /** What the page element is, when the bytes do not say (WebM audio). */
  kind?: MediaKind;
  onProgress?: (loaded: number, total: number | undefined) => void;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 'unknown size' : formatBytes(bytes));

/** Download time allowed: 15 s plus one second per 256 KB, so a large file on a slow link can finish. */
function downloadTimeoutMs(bytes: number): number {
  return 15_000 + Math.ceil(bytes / 262_144) * 1000;
}

/**
 * Checks video and audio within a budget. A few KB of Range reads find whether the file carries Content
 * Credentials (probe-media.ts); a file without them, and without a reference to remote ones, is answered from
 * that alone. Otherwise the file is downloaded once, whole (the BMFF hash covers every byte), and goes through
 * the same providers and verdict as an image — at once up to the size cap, above it when the user asks.
 */
export class MediaChecker {
  private readonly inflight = new Map<string, Promise<MediaCheckResult>>();
  private readonly remembered = new Map<string, MediaCheckResult>();
  private readonly limit = limitConcurrency(DOWNLOADS);

  constructor(private readonly deps: MediaCheckerDeps) {}

  check(url: string, options: MediaCheckOptions = {}): Promise<MediaCheckResult> {
    const id = `${options.confirmed ? 'confirmed' : 'auto'}:${url}`;
    const running = this.inflight.get(id);
    if (running) return running;
    const promise = this.run(url, options).finally(() => this.inflight.delete(id));
    this.inflight.set(id, promise);
    return promise;
  }

  private async run(url: string, options: MediaCheckOptions): Promise<MediaCheckResult> {
    const cached = await this.deps.pipeline.checkCached(url);
    if (cached) return { key: cached.key, state: cached.verdict, ...reasonOf(cached) };
    const known = this.remembered.get(url);
    if (known && !options.confirmed) return known;

    let probe: MediaProbe;
    try {
      probe = await probeMedia(
        createRangeReader(url, { fetch: this.deps.fetch, omitCredentials: this.deps.omitCredentials }),
      );
    } catch (error) {
      return {
        state: 'error',
        ...couldNotCheckResult((error as Error).message, this.deps.pipeline.translate),
      };
    }
    const total = probe.total;
    if (probe.format === 'playlist') return { state: 'error', ...this.reason('media-playlist') };
    if (probe.format === 'webm') {
      return this.remember(url, { state: 'no-provenance', ...this.reason('media-webm'), bytes: total });
    }
    const remote = probe.reference || parseLinkHeader(probe.linkHeader, url).length > 0;
    // Asked for by the user ("Verify origin"), the file is hashed anyway: the details page shows its SHA-256.
    if (probe.c2pa === 'absent' && !remote && !this.deps.registry && !options.confirmed) {
      return this.remember(url, {
        state: 'no-provenance',
        ...this.reason('media-no-c2pa', { read: probe.bytesRead, total }),
        bytes: total,
      });
    }
    const max = this.deps.maxBytes ?? MAX_MEDIA_BYTES;
    if (total !== undefined && total > max) {
      const tooLarge = `the file is too large to validate in the browser (${mb(total)}; the limit is ${mb(max)}). The origin-lens command line checks it.`;
      return { state: 'error', ...couldNotCheckResult(tooLarge, this.deps.pipeline.translate), bytes: total };
    }
    if (!options.confirmed && (total === undefined || total > this.deps.autoCheckBytes)) {
      return {
        state: 'on-request',
        ...this.reason('media-on-request', { total, c2pa: probe.c2pa === 'present' }),
        bytes: total,
      };
    }
    return this.limit(() => this.download(url, total, max, options));
  }

  private async download(
    url: string,
    total: number | undefined,
    max: number,
    options: MediaCheckOptions,
  ): Promise<MediaCheckResult> {
    let last = 0;
    const onProgress = options.onProgress;
    try {
      const fetched = await fetchBytes(url, {
        fetch: this.deps.fetch,
        omitCredentials: this.deps.omitCredentials,
        maxBytes: max,
        timeoutMs: downloadTimeoutMs(total ?? max),
        onProgress: (loaded, declared) => {
          const now = Date.now();
          if (!onProgress || now - last < PROGRESS_INTERVAL_MS) return;
          last = now;
          onProgress(loaded, declared ?? total);
        },
      });
      onProgress?.(fetched.bytes.length, fetched.bytes.length);
      const kind = mediaKindOf(fetched.bytes, fetched.contentType) ?? options.kind ?? 'video';
      const result = await this.deps.pipeline.checkFetched(
        url,
        fetched,
        await fingerprintMedia(fetched.bytes, kind),
      );
      return { key: result.key, state: result.verdict, ...reasonOf(result), bytes: fetched.bytes.length };
    } catch (error) {
      const message = (error as Error).message;
      return { state: 'error', ...couldNotCheckResult(message, this.deps.pipeline.translate), bytes: total };
    }
  }

  /** A result's reason as a code (pages word it in their reader's language) and in English (README "Languages"). */
  private reason(code: ReasonCode, values: Parameters<typeof reasonParams>[0] = {}) {
    const params: ReasonParams = reasonParams(values);
    const coded = { reasonCode: code, reasonParams: params };
    return { reason: renderReason(coded, this.deps.pipeline.translate) ?? code, ...coded };
  }

  private remember(url: string, result: MediaCheckResult): MediaCheckResult {
    if (this.remembered.size >= MAX_REMEMBERED) {
      const oldest = this.remembered.keys().next().value;
      if (oldest !== undefined) this.remembered.delete(oldest);
    }
    this.remembered.set(url, result);
    return result;
  }
}

/** A check's reason in both forms (rows cached before reasons had codes have only the words). */
function reasonOf(result: Pick<MediaCheckResult, 'reason' | 'reasonCode' | 'reasonParams'>) {
  return {
    reason: result.reason,
    ...(result.reasonCode ? { reasonCode: result.reasonCode, reasonParams: result.reasonParams ?? {} } : {}),
  };
}
