/**
 * Recovered Content Credentials: a copy that lost its own (a platform stripped the metadata, re-encoded, resized)
 * is matched to a registrant's record — the exact SHA-256 of its bytes, or a PDQ look-alike from the local index —
 * and that record names the C2PA manifest store of the original by SHA-256 and URI. The store is fetched, checked
 * against the on-chain hash, and validated on its own (lib/c2pa/read-manifest-store.ts).
 *
 * When the network is used:
 * - automatically only for trusted registrants' records: the URI is one the user's trusted publisher chose, not
 *   one a page controls. A fetch tells that host only that someone looks at a copy of its content;
 * - for anyone else's record only when the user asks on the details page (`userRequested`).
 * The store is content-addressed, so fetched stores are kept in memory by hash and never fetched twice.
 */
import type { StandaloneC2paEvidence } from '../c2pa/read-manifest-store.ts';
import { sameContentHash } from '../chain/content-hash.ts';
import type { ChainRecord, Evidence, RecoveredCredentials } from '../evidence/types.ts';
import { sha256Hex } from '../fingerprint/sha256.ts';

export interface RecoverEnv {
  /** Validates a standalone manifest store (engine and trust lists bound). */
  readStore: (store: Uint8Array) => Promise<StandaloneC2paEvidence>;
  /** Fetches a store: no cookies, no referrer, capped, with a timeout. May reject. */
  fetchStore: (url: string) => Promise<Uint8Array>;
  /**
   * Manifest hash and URI of an exact record, which the batched lookup does not return (they are only in the
   * registration's log). Undefined when the record names none.
   */
  manifestOf?: (record: ChainRecord) => Promise<Pick<ChainRecord, 'c2paManifestHash' | 'uri'> | undefined>;
}

export interface RecoverOptions {
  /** The user asked on the details page: records of registrants not on the trusted list are followed too. */
  userRequested?: boolean;
}

const ZERO = /^0x0{64}$/;
const MAX_CANDIDATES = 3;

/** Items with credentials of their own (valid or not) keep them: nothing is recovered over them. */
function hasOwnCredentials(evidence: Evidence): boolean {
  return evidence.c2pa?.state === 'valid' || evidence.c2pa?.state === 'invalid';
}

function candidates(evidence: Evidence, options: RecoverOptions): ChainRecord[] {
  return (evidence.chain?.records ?? [])
    .filter((r) => !r.revoked && (r.kind === 'sha256' || r.kind === 'pdq'))
    .filter((r) => r.trusted || options.userRequested)
    .sort(
      (a, b) =>
        Number(b.trusted) - Number(a.trusted) ||
        Number(a.match === 'perceptual') - Number(b.match === 'perceptual') ||
        (a.distance ?? 0) - (b.distance ?? 0),
    )
    .slice(0, MAX_CANDIDATES);
}

function safeUrl(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

export function createRecoverer(env: RecoverEnv) {
  const stores = new Map<string, Promise<Uint8Array>>();

  const fetchChecked = async (url: string, hash: string): Promise<Uint8Array> => {
    const key = hash.toLowerCase();
    let pending = stores.get(key);
    if (!pending) {
      pending = (async () => {
        const bytes = await env.fetchStore(url);
        if (!sameContentHash(await sha256Hex(bytes), key)) {
          throw new Error(
            `the manifest store at ${url} is not the one registered on-chain (its SHA-256 differs)`,
          );
        }
        return bytes;
      })();
      stores.set(key, pending);
      // A failed fetch is not remembered; a bounded memory of good ones (stores are up to 10 MB).
      pending.catch(() => stores.delete(key));
      if (stores.size > 16) stores.delete(stores.keys().next().value as string);
    }
    return pending;
  };

  return async (
    evidence: Evidence,
    options: RecoverOptions = {},
  ): Promise<RecoveredCredentials | undefined> => {
    if (evidence.fingerprints?.kind !== 'image' || hasOwnCredentials(evidence)) return undefined;
    let firstFailure: RecoveredCredentials | undefined;
    for (const record of candidates(evidence, options)) {
      let named: Pick<ChainRecord, 'c2paManifestHash' | 'uri'> | undefined = record;
      if ((!record.c2paManifestHash || !record.uri) && record.match === 'exact' && env.manifestOf) {
        named = await env.manifestOf(record).catch(() => undefined);
      }
      const hash = named?.c2paManifestHash;
      const url = named?.uri ? safeUrl(named.uri) : undefined;
      if (!hash || ZERO.test(hash) || !url) continue;
      const from: RecoveredCredentials['from'] = {
        chainId: record.chainId,
        registrant: record.registrant,
        match: record.match === 'perceptual' ? 'perceptual' : 'exact',
        bits: record.match === 'perceptual' ? (record.distance ?? 0) : 0,
        contentHash: record.contentHash,
        time: record.time,
        manifestHash: hash,
        uri: url,
      };
      if (record.chainName) from.chainName = record.chainName;
      if (record.registrantName) from.registrantName = record.registrantName;
      if (record.txHash) from.txHash = record.txHash;
      try {
        const store = await fetchChecked(url, hash);
        const { unbound, ...c2pa } = await env.readStore(store);
        if (c2pa.state === 'error') throw new Error(c2pa.error ?? 'the manifest store could not be read');
        return { from, state: 'recovered', c2pa: { ...c2pa, source: 'remote', remoteUrl: url }, unbound };
      } catch (error) {
        firstFailure ??= { from, state: 'error', error: message(error) };
      }
    }
    return firstFailure;
  };
}

export type Recoverer = ReturnType<typeof createRecoverer>;
