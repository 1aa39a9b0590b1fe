import type { CacheDb, CachedItem, PartStamp } from '../cache/cache-db.ts';
import type { ResultCache } from '../cache/result-cache.ts';
import type { Evidence, ImageFingerprints, TextFingerprints } from '../evidence/types.ts';
import { fingerprintMedia, mediaKindOf } from '../media/media-kind.ts';
import type { CheckResult, ItemDetails } from '../messages/protocol.ts';
import type { FetchedBytes } from '../net/fetch-bytes.ts';
import { verdictFor } from '../verdict/verdict.ts';
import type { EvidenceProvider, ProviderInput } from './evidence-provider.ts';
import { limitConcurrency } from './limit-concurrency.ts';

export interface PipelineDeps {
  cache: ResultCache;
  providers: EvidenceProvider[];
  /** Fetches bytes (credentials, cap and timeout already applied). */
  fetch: (url: string) => Promise<FetchedBytes>;
  fingerprintImage: (bytes: Uint8Array, contentType: string) => Promise<ImageFingerprints>;
  /** Fetch + decode + C2PA tasks at once; the rest queue in arrival order (viewport first). */
  concurrency?: number;
}

const MAX_TEXT_KEPT = 20_000;

function hasError(part: Evidence['c2pa'] | Evidence['chain']): boolean {
  return part?.state === 'error';
}

/**
 * cache → fetch bytes → fingerprints → evidence providers → verdict → cache.
 * Each provider's part is cached with its own TTL and version; a revisit re-runs only stale parts, and a
 * stale part that needs no bytes (the registry) never causes the bytes to be fetched again.
 */
export class Pipeline {
  private readonly inflight = new Map<string, Promise<CheckResult>>();
  private readonly limit: ReturnType<typeof limitConcurrency>;

  constructor(private readonly deps: PipelineDeps) {
    this.limit = limitConcurrency(deps.concurrency ?? 4);
  }

  checkImage(url: string): Promise<CheckResult> {
    return this.once(`image:${url}`, () => this.runImage(url));
  }

  checkText(fingerprints: TextFingerprints, text: string): Promise<CheckResult> {
    return this.once(`text:${fingerprints.sha256Collapsed}`, async () => {
      const cached = await this.cached(() => this.deps.cache.get(fingerprints.sha256Collapsed));
      const item = await this.refresh(cached, { fingerprints }, undefined, text.slice(0, MAX_TEXT_KEPT));
      return toResult(item);
    });
  }

  async details(key: string): Promise<ItemDetails | null> {
    const item = await this.deps.cache.get(key);
    return item ? toDetails(item) : null;
  }

  async clear(): Promise<number> {
    return this.deps.cache.clear();
  }

  get db(): CacheDb {
    return this.deps.cache.db;
  }

  /** A cache that cannot be read is a miss: the check runs from the network instead. */
  private async cached<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
    try {
      return await read();
    } catch {
      return undefined;
    }
  }

  private once(id: string, run: () => Promise<CheckResult>): Promise<CheckResult> {
    const running = this.inflight.get(id);
    if (running) return running;
    const promise = run().finally(() => this.inflight.delete(id));
    this.inflight.set(id, promise);
    return promise;
  }

  private stale(item: CachedItem | undefined, kind: 'image' | 'text'): EvidenceProvider[] {
    return this.deps.providers.filter(
      (p) => p.kinds.includes(kind) && !this.deps.cache.isFresh(item?.parts[p.part], p.version()),
    );
  }

  /**
   * The answer for a URL from the cache alone, when the cache knows its content and no stale part needs the
   * bytes (stale registry parts are re-asked); undefined when only the bytes can tell.
   */
  async checkCached(url: string): Promise<CheckResult | undefined> {
    const byUrl = await this.cached(() => this.deps.cache.getByUrl(url));
    if (!byUrl?.evidence.fingerprints) return undefined;
    if (this.stale(byUrl, 'image').some((p) => p.needsBytes)) return undefined;
    return toResult(await this.refresh(byUrl, { fingerprints: byUrl.evidence.fingerprints, url }, url));
  }

  /** Runs the providers over bytes fetched elsewhere (video and audio, fetched within their own budget). */
  async checkFetched(
    url: string,
    fetched: FetchedBytes,
    fingerprints: ImageFingerprints,
  ): Promise<CheckResult> {
    const cached = await this.cached(() => this.deps.cache.get(fingerprints.sha256));
    const input: ProviderInput = {
      fingerprints,
      bytes: fetched.bytes,
      contentType: fetched.contentType,
      linkHeader: fetched.linkHeader,
      url,
    };
    const item = await this.refresh(cached, input, url, undefined, {
      mime: fetched.contentType,
      byteLength: fetched.bytes.byteLength,
    });
    return toResult(item);
  }

  private async runImage(url: string): Promise<CheckResult> {
    const fromCache = await this.checkCached(url);
    if (fromCache) return fromCache;
    // Only fetching and fingerprinting hold a slot (bytes in memory, decoding). The providers run outside it:
    // the registry lookup mostly waits for its batch window, and a slot must not idle through that wait.
    type Got = { fetched: FetchedBytes; fingerprints: ImageFingerprints } | { error: Error };
    const got = await this.limit(async (): Promise<Got> => {
      try {
        const fetched = await this.deps.fetch(url);
        // A video or audio file (the CLI, "Verify origin" on a link): the exact hash only, no decoding.
        const media = mediaKindOf(fetched.bytes, fetched.contentType);
        return {
          fetched,
          fingerprints: media
            ? await fingerprintMedia(fetched.bytes, media)
            : await this.deps.fingerprintImage(fetched.bytes, fetched.contentType),
        };
      } catch (error) {
        return { error: error as Error };
      }
    });
    if ('error' in got) {
      // Not cached as an item: there is no content hash, and a failed fetch must be retried, not remembered.
      return { kind: 'image', verdict: 'error', reason: `Could not check: ${got.error.message}` };
    }
    return this.checkFetched(url, got.fetched, got.fingerprints);
  }

  /** Re-runs the stale providers, recomputes the verdict and stores the item. */
  private async refresh(
    cached: CachedItem | undefined,
    input: ProviderInput,
    url?: string,
    text?: string,
    meta: { mime?: string; byteLength?: number } = {},
  ): Promise<CachedItem> {
    const kind = input.fingerprints.kind;
    const key = kind === 'image' ? input.fingerprints.sha256 : input.fingerprints.sha256Collapsed;
    const stale = this.stale(cached, kind).filter((p) => !p.needsBytes || input.bytes);
    const evidence: Evidence = { ...cached?.evidence, fingerprints: input.fingerprints };
    const parts: CachedItem['parts'] = { ...cached?.parts };
    const policy = this.deps.cache.policy;
    await Promise.all(
      stale.map(async (provider) => {
        const patch = await provider.run(input);
        const value = patch[provider.part];
        if (provider.part === 'c2pa') evidence.c2pa = patch.c2pa;
        else evidence.chain = patch.chain;
        const ttl = hasError(value) ? policy.errorTtlMs : provider.ttlMs;
        parts[provider.part] = this.deps.cache.stamp(ttl, provider.version()) satisfies PartStamp;
      }),
    );
    const { verdict, reason } = verdictFor(evidence);
    const item: Omit<CachedItem, 'size' | 'lastAccess'> = {
      key,
      kind,
      urls: cached?.urls ?? [],
      evidence,
      parts,
      verdict,
      reason,
      checkedAt: stale.length > 0 || !cached ? Date.now() : cached.checkedAt,
      mime: meta.mime ?? cached?.mime,
      byteLength: meta.byteLength ?? cached?.byteLength,
      text: text ?? cached?.text,
    };
    // Bytes were fetched only because the URL index missed (expired, or a damaged entry was dropped): write the
    // URL entry again even when the item itself is fresh, or every later visit would fetch again.
    const relink = url !== undefined && (!cached?.urls.includes(url) || input.bytes !== undefined);
    if (stale.length > 0 || !cached || relink) {
      // The verdict stands even if it cannot be stored (disk full after eviction, database unavailable):
      // the next visit checks again instead.
      await this.deps.cache.put(item, url).catch(() => {});
    }
    return { ...item, size: 0, lastAccess: Date.now() };
  }
}

function toResult(item: CachedItem): CheckResult {
  return { key: item.key, kind: item.kind, verdict: item.verdict, reason: item.reason };
}

function toDetails(item: CachedItem): ItemDetails {
  return {
    key: item.key,
    kind: item.kind,
    verdict: item.verdict,
    reason: item.reason,
    urls: item.urls,
    evidence: item.evidence,
    checkedAt: item.checkedAt,
    listsVersion: item.parts.c2pa?.version,
    text: item.text,
    byteLength: item.byteLength,
    mime: item.mime,
  };
}
