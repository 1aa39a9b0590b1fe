import type { Evidence, Fingerprints } from '../evidence/types.ts';

/** What a provider is given: always the fingerprints; the bytes only when they had to be fetched. */
export interface ProviderInput {
  fingerprints: Fingerprints;
  bytes?: Uint8Array;
  /** Content-Type claimed by the server. */
  contentType?: string;
  linkHeader?: string | null;
  url?: string;
}

/**
 * One source of evidence (C2PA, the registry, …). The pipeline runs a list of them, caches each one's part
 * with its own TTL and version, and re-runs only what went stale.
 */
export interface EvidenceProvider {
  part: 'c2pa' | 'chain';
  /** Kinds of items this provider looks at. */
  kinds: ReadonlyArray<Fingerprints['kind']>;
  /** Needs the bytes (C2PA) or just the hashes (registry). */
  needsBytes: boolean;
  ttlMs: number;
  /** Results computed with another version are stale (engine, trust lists, chains, registrants). */
  version: () => string;
  /** Never throws: failures come back as an 'error' state inside the part. */
  run: (input: ProviderInput) => Promise<Pick<Evidence, 'c2pa' | 'chain'>>;
}
