import { mayCarryC2pa } from '../c2pa/detect-c2pa.ts';
import type { C2paEngine } from '../c2pa/engine.ts';
import { mimeFor } from '../c2pa/mime-for.ts';
import { type RemoteManifestOptions, readC2pa } from '../c2pa/read-c2pa.ts';
import { errorEvidence, noneEvidence } from '../c2pa/to-evidence.ts';
import type { TrustLists } from '../c2pa/trust-settings.ts';
import type { EvidenceProvider } from '../pipeline/evidence-provider.ts';

export interface C2paProviderEnv {
  engine: () => Promise<C2paEngine>;
  trust: () => Promise<TrustLists>;
  /** Resolve remote manifests (fetch without cookies, capped, with a timeout). */
  remote: Pick<RemoteManifestOptions, 'enabled' | 'fetch' | 'mayFetchFrom'>;
  /** Engine + trust lists + remote setting: a change makes every cached C2PA part stale. */
  version: string;
  /** Awaited just before each engine read: the worker's work that should go first (see `C2paEngine.read`). */
  yieldTo?: () => Promise<void>;
}

/** Cached C2PA results depend only on bytes, engine and lists: a long TTL, invalidated by `version`. */
export const C2PA_TTL_MS = 30 * 24 * 3600_000;

export function createC2paProvider(env: C2paProviderEnv): EvidenceProvider {
  return {
    part: 'c2pa',
    kinds: ['image'],
    needsBytes: true,
    ttlMs: C2PA_TTL_MS,
    version: () => env.version,
    run: async (input) => {
      if (!input.bytes) return {};
      // No trace of Content Credentials in a format the engine reads: its answer would be 'none', so the
      // engine is not even started (a plain photo costs a fetch and a SHA-256). Unknown formats still go to
      // readC2pa, which names them as unsupported.
      const { bytes, contentType, linkHeader, url } = input;
      if (
        bytes.length > 0 &&
        mimeFor(bytes, contentType) !== undefined &&
        !mayCarryC2pa(bytes, { header: linkHeader, baseUrl: url })
      ) {
        return { c2pa: noneEvidence() };
      }
      try {
        const [engine, trust] = await Promise.all([env.engine(), env.trust()]);
        const c2pa = await readC2pa(engine, input.bytes, input.contentType ?? '', {
          trust,
          remote: { ...env.remote, linkHeader: input.linkHeader, baseUrl: input.url },
          ...(env.yieldTo ? { yieldTo: env.yieldTo } : {}),
        });
        return { c2pa };
      } catch (error) {
        // The engine or the trust lists failed to load: that is "could not check", for this item and the next.
        return { c2pa: errorEvidence(`the C2PA engine could not start (${(error as Error).message})`) };
      }
    },
  };
}
