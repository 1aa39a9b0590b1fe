/**
 * The evidence model shared by every context (content script, background, pages, CLI).
 * Signals stay separate; one pure function (lib/verdict/verdict.ts) derives the badge.
 * See ../shared/DESIGN.md "Evidence and verdict".
 */

/** Lower-case hex without 0x, e.g. a SHA-256 digest (64 chars). */
export type HexString = string;

export type ItemKind = 'image' | 'text';

/** Video and audio are byte items like images (kind 'image' in the cache, keyed by SHA-256), told apart by this. */
export type MediaKind = 'video' | 'audio';

/** Image fingerprints: exact bytes plus the PDQ perceptual hash. */
export interface ImageFingerprints {
  kind: 'image';
  /** SHA-256 of the exact fetched bytes. */
  sha256: HexString;
  /** PDQ hash (64 hex chars) and quality 0..100; absent when the image could not be decoded. */
  pdq?: { hash: HexString; quality: number };
  width?: number;
  height?: number;
  /** Why PDQ is missing (undecodable, too large, ...). */
  pdqError?: string;
  /** Set for video and audio files: no perceptual hash, the exact SHA-256 only. */
  media?: MediaKind;
}

/** Text fingerprints: SHA-256 of the collapsed text and the ISCC Text-Code. */
export interface TextFingerprints {
  kind: 'text';
  /** SHA-256 of the ISCC-collapsed text (the exact text key). */
  sha256Collapsed: HexString;
  /** ISCC Text-Code v0, 64 bits, canonical form "ISCC:…". */
  isccText: string;
  /** The same 64-bit code as 16 hex chars (without the header). */
  isccTextHex: HexString;
  characters: number;
}

export type Fingerprints = ImageFingerprints | TextFingerprints;

export type C2paState = 'none' | 'valid' | 'invalid' | 'error';
export type C2paTrust = 'trusted' | 'known' | 'untrusted';

export interface C2paSigner {
  issuer?: string;
  commonName?: string;
  /** ISO 8601 signing time from the manifest, if any. */
  time?: string;
  timestampAuthority?: string;
}

export interface C2paAction {
  action: string;
  when?: string;
  softwareAgent?: string;
  digitalSourceType?: string;
  description?: string;
}

export interface C2paIngredient {
  title?: string;
  format?: string;
  relationship?: string;
  manifestLabel?: string;
  claimGenerator?: string;
  signer?: C2paSigner;
  actions: C2paAction[];
  ingredients: C2paIngredient[];
  /** True when the ingredient tree was cut at the depth limit. */
  truncated?: boolean;
}

export interface C2paAiDeclaration {
  /** Where AI use was declared. */
  where: 'active' | 'ingredient' | 'vendor-assertion';
  /** The digitalSourceType URI or the vendor assertion label. */
  value: string;
  manifestLabel?: string;
}

export interface C2paEvidence {
  state: C2paState;
  /** null when state is 'none' or 'error'. */
  trust: C2paTrust | null;
  /** Validation status codes (failures and informational), e.g. "assertion.dataHash.mismatch". */
  codes: string[];
  aiGenerated: boolean;
  ai?: C2paAiDeclaration[];
  signer?: C2paSigner;
  claimGenerator?: string;
  title?: string;
  format?: string;
  activeManifest?: string;
  actions: C2paAction[];
  ingredients: C2paIngredient[];
  /** Where the manifest came from. */
  source?: 'embedded' | 'remote';
  remoteUrl?: string;
  /** Human-readable reason when state is 'error'. */
  error?: string;
  /** Thumbnail of the active manifest as a data: URL, if small enough. */
  thumbnail?: string;
  /** Raw manifest store JSON as the engine returned it (for the details page). */
  raw?: unknown;
}

/** How a record matched the item. */
export type MatchKind = 'exact' | 'perceptual' | 'text';
/** What the registered hash is: 0 = SHA-256 of bytes, 1 = PDQ, 2 = SHA-256 of collapsed text. */
export type RecordKind = 'sha256' | 'pdq' | 'text';

export interface ChainRecord {
  chainId: number;
  chainName?: string;
  contentHash: `0x${string}`;
  registrant: `0x${string}`;
  /** Name from the trusted registrants list; absent for unknown registrants. */
  registrantName?: string;
  registrantSite?: string;
  trusted: boolean;
  kind: RecordKind;
  match: MatchKind;
  /** Hamming distance for perceptual matches. */
  distance?: number;
  /** Unix seconds (block time of the registration). */
  time: number;
  aiGenerated: boolean;
  revoked: boolean;
  txHash?: `0x${string}`;
  blockNumber?: string;
  uri?: string;
  c2paManifestHash?: `0x${string}`;
}

export interface ChainEvidence {
  /** 'error': at least one enabled chain could not be checked and nothing conclusive was found. */
  state: 'ok' | 'error' | 'disabled';
  records: ChainRecord[];
  /** Registrations of these hashes by registrants not on the trusted list (count from the contract). */
  otherRegistrations: number;
  errors?: string[];
  /** A second RPC disagreed with the first. */
  disagreement?: string;
}

export interface Evidence {
  fingerprints?: Fingerprints;
  /** The bytes could not be fetched or hashed. */
  fetchError?: string;
  c2pa?: C2paEvidence;
  chain?: ChainEvidence;
}

export type Verdict =
  | 'tampered'
  | 'ai-generated'
  | 'verified'
  | 'registered'
  | 'unknown-signer'
  | 'no-provenance'
  | 'error';

export interface VerdictResult {
  verdict: Verdict;
  /** One line, plain words, for tooltips and lists. */
  reason: string;
}
