import type { CacheDb, CachedItem, PartStamp } from '../cache/cache-db.ts';
import type { ResultCache } from '../cache/result-cache.ts';
import type {
  Evidence,
  ImageFingerprints,
  RecoveredCredentials,
  TextFingerprints,
} from '../evidence/types.ts';
import { fingerprintCollapsed, fingerprintText } from '../fingerprint/fingerprint-text.ts';
import type { PdqScreen } from '../fingerprint/screen-pdq.ts';
import { yieldTask } from '../fingerprint/yield-task.ts';
import { couldNotCheckResult } from '../i18n/could-not-check.ts';
import { codedReason } from '../i18n/reason-code.ts';
import type { Translate } from '../i18n/translate.ts';
import { fingerprintMedia, mediaKindOf } from '../media/media-kind.ts';
import type { CheckResult, ItemDetails } from '../messages/protocol.ts';
import type { FetchedBytes } from '../net/fetch-bytes.ts';
import { verdictFor } from '../verdict/verdict.ts';
import type { EvidenceProvider, ProviderInput } from './evidence-provider.ts';
import { limitConcurrency } from './limit-concurrency.ts';
import { serialByKey } from './serial-by-key.ts';

export interface PipelineDeps {
  cache: ResultCache;
  providers: EvidenceProvider[];
  /** Fetches bytes (credentials, cap and timeout already applied). */
  fetch: (url: string) => Promise<FetchedBytes>;
  fingerprintImage: (
    bytes: Uint8Array,
    contentType: string,
    options: { pdq: boolean; screen?: PdqScreen },
  ) => Promise<ImageFingerprints>;
  /**
   * Is a perceptual hash worth computing? Only when something can compare it (PDQ records of an enabled
   * chain); otherwise images are not even decoded. Absent: always (the CLI).
   */
  wantsPdq?: () => Promise<boolean>;
  /**
   * Could a record be near this approximate PDQ hash (lib/fingerprint/screen-pdq.ts)? Without it, or when the
   * details page asks, every wanted perceptual hash is computed exactly.
   */
  screenPdq?: PdqScreen;
  /** Is there a text record to compare an ISCC Text-Code with? Without it the code is not computed. */
  wantsIscc?: () => Promise<boolean>;
  /** Fetch + decode + C2PA tasks at once; the rest queue in arrival order (viewport first). */
  concurrency?: number;
  /** Text checks at once (TEXT_CHECKS_AT_ONCE). */
  textConcurrency?: number;
  /** Content Credentials recovered from the registry for items without their own (lib/recover). */
  recover?: (evidence: Evidence) => Promise<RecoveredCredentials | undefined>;
  /** Words the stored `reason` (English in the CLI); displays render `reasonCode` in their own language. */
  translate: Translate;
}

const MAX_TEXT_KEPT = 20_000;

/**
 * Text checks at once. A long article sends hundreds of paragraphs together; run all at once, every one of
 * them waited for the slowest stage of all the others, and the first verdict came with the last (3.4 s for the
 * bench's 2,000-paragraph longread). In arrival order, a few at a time, the first ones (the reader's view)
 * finish first. Only reading and fingerprinting hold a slot (see checkText).
 */
export const TEXT_CHECKS_AT_ONCE = 128;

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
  private readonly textLimit: ReturnType<typeof limitConcurrency>;
  /** The evidence stage, one at a time per content hash (same bytes at several URLs: see serial-by-key.ts). */
  private readonly sameContent = serialByKey();

  constructor(private readonly deps: PipelineDeps) {
    this.limit = limitConcurrency(deps.concurrency ?? 4);
    this.textLimit = limitConcurrency(deps.textConcurrency ?? TEXT_CHECKS_AT_ONCE);
  }

  /** `pdq: true` computes the perceptual hash whatever `wantsPdq` says (the details page asks for it). */
  checkImage(url: string, options: { pdq?: boolean } = {}): Promise<CheckResult> {
    const id = options.pdq ? `image+pdq:${url}` : `image:${url}`;
    // Asked now, awaited only where it matters: the fetch does not wait for the PDQ index to load.
    return this.once(id, () =>
      options.pdq
        ? this.runImage(url, Promise.resolve(true), { exact: true })
        : this.runImage(url, this.wantsPdq()),
    );
  }

  private async wantsPdq(): Promise<boolean> {
    return this.deps.wantsPdq ? this.deps.wantsPdq().catch(() => true) : true;
  }

  /**
   * Fetches the image again and re-runs its C2PA check even if the cached one is fresh: the user allowed
   * something the first check could not do (a remote manifest on another host).
   */
  recheckImage(url: string): Promise<CheckResult> {
    return this.once(`recheck:${url}`, () => this.runImage(url, this.wantsPdq(), { recheckC2pa: true }));
  }

  /** `collapsed`: the text already collapsed by the caller (`textCollapse`), so that it is not collapsed again. */
  checkText(fingerprints: TextFingerprints, text: string, collapsed?: string): Promise<CheckResult> {
    return this.once(`text:${fingerprints.sha256Collapsed}`, async () => {
      // Only the reading and fingerprinting hold a slot: the registry lookup mostly waits for its batch window
      // and the network, and a slot must not idle through that wait.
      const { cached, withIscc } = await this.textLimit(async () => {
        const cached = await this.cached(() => this.deps.cache.get(fingerprints.sha256Collapsed));
        const stored = cached?.evidence.fingerprints;
        return {
          cached,
          withIscc: await this.withIscc(
            fingerprints,
            text,
            stored?.kind === 'text' ? stored : undefined,
            collapsed,
          ),
        };
      });
      const item = await this.refresh(
        cached,
        { fingerprints: withIscc },
        undefined,
        text.slice(0, MAX_TEXT_KEPT),
      );
      return toResult(item);
    });
  }

  /**
   * The ISCC Text-Code only where something compares it: a trusted registrant's ISCC record on an enabled
   * chain (the local text index). Computed here, in the worker, from the text it was given, unless the stored
   * fingerprints of the same text already carry it.
   */
  private async withIscc(
    fingerprints: TextFingerprints,
    text: string,
    stored?: TextFingerprints,
    collapsed?: string,
  ): Promise<TextFingerprints> {
    // The Text-Code is a function of the collapsed text, so a stored one is as good as a new one.
    if (stored?.isccText && stored.sha256Collapsed === fingerprints.sha256Collapsed) return stored;
    if (fingerprints.isccText || !this.deps.wantsIscc) return fingerprints;
    if (!(await this.deps.wantsIscc().catch(() => false))) return fingerprints;
    // A task of its own: a page sends hundreds of paragraphs at once, and their Text-Codes (~0.2 ms each) in
    // one run of microtasks would hold every answer and the registry's batch window until the last is done.
    await yieldTask();
    const full = await (collapsed === undefined
      ? fingerprintText(text)
      : fingerprintCollapsed(collapsed)
    ).catch(() => undefined);
    // A collapsed text that is not the one of these fingerprints gets no Text-Code.
    return full?.sha256Collapsed === fingerprints.sha256Collapsed ? full : fingerprints;
  }

  /**
   * `pdq: true` (the details page): an image cached without its perceptual hash gets it now, from its URL,
   * and a text its ISCC Text-Code.
   */
  async details(key: string, options: { pdq?: boolean } = {}): Promise<ItemDetails | null> {
    let item = await this.deps.cache.get(key);
    const f = item?.evidence.fingerprints;
    const url = item?.urls[0];
    if (options.pdq && url && f?.kind === 'image' && !f.pdq && !f.pdqError) {
      await this.checkImage(url, { pdq: true });
      item = (await this.cached(() => this.deps.cache.get(key))) ?? item;
    }
    if (item && options.pdq && f?.kind === 'text' && !f.isccText && item.text) {
      // The Text-Code of the stored text, shown but not stored; only when that text is the whole block.
      const full = await fingerprintText(item.text).catch(() => undefined);
      if (full?.sha256Collapsed === f.sha256Collapsed) {
        item = { ...item, evidence: { ...item.evidence, fingerprints: full } };
      }
    }
    return item ? toDetails(item) : null;
  }

  /** Changes a cached item's evidence outside a check (credentials recovered on the user's request). */
  async amend(key: string, change: (evidence: Evidence) => Promise<Evidence>): Promise<ItemDetails | null> {
    const item = await this.deps.cache.get(key);
    if (!item) return null;
    const evidence = await change(item.evidence);
    const amended = { ...item, evidence, ...verdictFor(evidence, this.deps.translate) };
    await this.deps.cache.put(amended).catch(() => {});
    return toDetails(amended);
  }

  async clear(): Promise<number> {
    return this.deps.cache.clear();
  }

  /** Resolves once every result so far is on disk (the cache writes in batches). */
  flush(): Promise<void> {
    return this.deps.cache.flush();
  }

  /** The language stored reasons are written in (English), for results made outside a check. */
  get translate(): Translate {
    return this.deps.translate;
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
    return this.runProviders(url, fetched, fingerprints, cached);
  }

  private async runProviders(
    url: string,
    fetched: FetchedBytes,
    fingerprints: ImageFingerprints,
    cached: CachedItem | undefined,
  ): Promise<CheckResult> {
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

  /**
   * `exact`: the perceptual hash is computed exactly, never screened (the details page). `recheckC2pa`: see
   * recheckImage.
   */
  private async runImage(
    url: string,
    wanted: Promise<boolean>,
    { exact = false, recheckC2pa = false } = {},
  ): Promise<CheckResult> {
    const byUrl = await this.cached(() => this.deps.cache.getByUrl(url));
    const f = byUrl?.evidence.fingerprints;
    const screen = exact ? undefined : this.deps.screenPdq;
    // Cached without a perceptual hash (none was needed then, or its approximate hash was near no record) but one
    // is wanted now: fetch and decode again. (Only a pipeline with `wantsPdq` ever skips the hash.)
    const lacksPdq =
      this.deps.wantsPdq !== undefined &&
      f?.kind === 'image' &&
      !f.pdq &&
      !f.pdqError &&
      (await wanted) &&
      !(f.pdqApprox && screen && !(await screen(f.pdqApprox.hash).catch(() => true)));
    if (byUrl && f && !lacksPdq && !recheckC2pa) {
      const stale = this.stale(byUrl, 'image');
      if (stale.every((p) => !p.needsBytes)) {
        return toResult(await this.refresh(byUrl, { fingerprints: f, url }, url));
      }
    }
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
            : await this.deps.fingerprintImage(fetched.bytes, fetched.contentType, {
                pdq: await wanted,
                screen,
              }),
        };
      } catch (error) {
        return { error: error as Error };
      }
    });
    if ('error' in got) {
      // Not cached as an item: there is no content hash, and a failed fetch must be retried, not remembered.
      return {
        kind: 'image',
        verdict: 'error',
        ...couldNotCheckResult(got.error.message, this.deps.translate),
      };
    }
    const { fetched, fingerprints } = got;
    return this.sameContent(fingerprints.sha256, async () => {
      const stored = gainedPdq(
        await this.cached(() => this.deps.cache.get(fingerprints.sha256)),
        fingerprints,
      );
      const cached =
        recheckC2pa && stored ? { ...stored, parts: { ...stored.parts, c2pa: undefined } } : stored;
      return this.runProviders(url, fetched, fingerprints, cached);
    });
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
    // Recovery depends on both parts (no own credentials, a record naming a manifest): it follows either.
    if (this.deps.recover && stale.length > 0) {
      const recovered = await this.deps.recover(evidence).catch(() => undefined);
      if (recovered) evidence.recovered = recovered;
      else delete evidence.recovered;
    }
    const { verdict, reason, reasonCode, reasonParams, variant } = verdictFor(evidence, this.deps.translate);
    const item: Omit<CachedItem, 'size' | 'lastAccess'> = {
      key,
      kind,
      urls: cached?.urls ?? [],
      evidence,
      parts,
      verdict,
      reason,
      reasonCode,
      reasonParams,
      ...(variant ? { variant } : {}),
      checkedAt: stale.length > 0 || !cached ? Date.now() : cached.checkedAt,
      mime: meta.mime ?? cached?.mime,
      byteLength: meta.byteLength ?? cached?.byteLength,
      text: text ?? cached?.text,
    };
    // Bytes were fetched only because the URL index missed (expired, or a damaged entry was dropped): write the
    // URL entry again even when the item itself is fresh, or every later visit would fetch again.
    const relink = url !== undefined && (!cached?.urls.includes(url) || input.bytes !== undefined);
    if (stale.length > 0 || !cached || relink) {
      // Awaited, so that a result the page has seen is on disk (a worker stopped right after loses nothing:
      // e2e/robustness.e2e.ts); the cache still writes what comes in together in one transaction. The verdict
      // stands even if it cannot be stored (disk full after eviction, database unavailable): the next visit
      // checks again instead.
      await this.deps.cache.put(item, url).catch(() => {});
    }
    return { ...item, size: 0, lastAccess: Date.now() };
  }
}

/** A cached item whose new fingerprints bring a PDQ hash it lacked: its registry part must look again. */
function gainedPdq(cached: CachedItem | undefined, now: ImageFingerprints): CachedItem | undefined {
  const before = cached?.evidence.fingerprints;
  if (!cached || !now.pdq || before?.kind !== 'image' || before.pdq) return cached;
  const parts = { ...cached.parts };
  delete parts.chain;
  return { ...cached, parts };
}

function toResult(item: CachedItem): CheckResult {
  return {
    key: item.key,
    kind: item.kind,
    verdict: item.verdict,
    reason: item.reason,
    ...codedReason(item),
    ...(item.variant ? { variant: item.variant } : {}),
  };
}

function toDetails(item: CachedItem): ItemDetails {
  return {
    ...toResult(item),
    key: item.key,
    urls: item.urls,
    evidence: item.evidence,
    checkedAt: item.checkedAt,
    listsVersion: item.parts.c2pa?.version,
    text: item.text,
    byteLength: item.byteLength,
    mime: item.mime,
  };
}
