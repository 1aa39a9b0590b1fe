import type { ReasonCode, ReasonParams } from '../i18n/reason-code.ts';
/**
 * The evidence model shared by every context (content script, background, pages, CLI).
 * Signals stay separate; one pure function (lib/verdict/verdict.ts) derives the badge.
 * See docs/architecture.md "Evidence and verdict".
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
  /**
   * Set instead of `pdq` when the approximate hash (lib/fingerprint/screen-pdq.ts) showed that no record is within
   * reach, so the image was not decoded. It never decides a match; a record that comes near it later brings the
   * exact hash.
   */
  pdqApprox?: { hash: HexString; quality: number };
  /** Set for video and audio files: no perceptual hash, the exact SHA-256 only. */
  media?: MediaKind;
}

/** Text fingerprints: SHA-256 of the collapsed text and the ISCC Text-Code. */
export interface TextFingerprints {
  kind: 'text';
  /** SHA-256 of the ISCC-collapsed text (the exact text key). */
  sha256Collapsed: HexString;
  /** ISCC Text-Code v0, 64 bits, canonical form "ISCC:…" (absent until something compares it or the details page asks). */
  isccText?: string;
  /** The same 64-bit code as 16 hex chars (without the header). */
  isccTextHex?: HexString;
  characters: number;
}

export type Fingerprints = ImageFingerprints | TextFingerprints;

export type C2paState = 'none' | 'valid' | 'invalid' | 'error';
export type C2paTrust = 'trusted' | 'known' | 'untrusted';
/** `official`: the C2PA trust list; `cai-legacy`: the CAI interim list (frozen January 2026); `user`: the user's anchors. */
export type C2paTrustList = 'official' | 'cai-legacy' | 'user';

/** Rubric signals as carried in the evidence (see lib/c2pa/asset-signals.ts for how they are found). */
export interface C2paSignal {
  kind: 'inception' | 'transformation';
  signal: string;
  ruleId: string;
  where: 'active' | 'ingredient';
  manifestLabel?: string;
  evidence: string;
}
export interface C2paSignals {
  inception: C2paSignal[];
  transformations: C2paSignal[];
  /** Short label from the strongest signal, e.g. "Fully AI-generated", "Camera capture". */
  label?: string;
}

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
  /**
   * How it was declared: a digitalSourceType on an action or in metadata (absent), in an action's
   * `parameters` (e.g. `com.adobe.digitalSourceType`), a vendor assertion, or only in words: a
   * `c2pa.created` action by a known generator with no digitalSourceType (`inferred`).
   */
  how?: 'parameter' | 'inferred';
}

/** One failure code from the engine, with the manifest it names (from its `url`). */
export interface C2paFailure {
  code: string;
  explanation?: string;
  manifestLabel?: string;
}

/**
 * The engine's failure lists, sorted by what they mean for the reader (docs/verdict-rules.md):
 * only `tamper` makes an item "Tampered".
 */
export interface C2paFailures {
  /** The active manifest's content or claim no longer matches its signature (hard binding, claim signature, hashed URI). */
  tamper: C2paFailure[];
  /** The signer's tool wrote the credentials wrong (a malformed binding, an exclusion off the manifest's own location). */
  malformed: C2paFailure[];
  /** Problems with who signed the active manifest: expired, revoked or invalid certificate, timestamp, identity. */
  credential: C2paFailure[];
  /** Other faults of the active manifest against the specification (e.g. `assertion.action.malformed`). */
  conformance: C2paFailure[];
  /** Failures inside earlier (ingredient) manifests: an earlier step has a fault. */
  ingredient: C2paFailure[];
}

/** One step of the signing chain, from the active manifest down its parent ingredients. */
export interface C2paChainStep {
  manifestLabel: string;
  signer?: C2paSigner;
  claimGenerator?: string;
  /** Set when this signer is a service that re-signs what it transforms (a CDN resizing an image). */
  resigner?: string;
}

export interface C2paEvidence {
  state: C2paState;
  /** null when state is 'none' or 'error'. */
  trust: C2paTrust | null;
  /** Which signing list the signer chained to (null: none); the TSA lists never count here. */
  trustList?: C2paTrustList | null;
  /** The engine's own `validation_state` (Invalid, Valid, Trusted), kept for the details page. */
  validationState?: string;
  /** Failures sorted by meaning; absent on results cached before it existed. */
  failures?: C2paFailures;
  /** C2PA Asset Rubrics inception and transformation signals (lib/c2pa/asset-signals.ts). */
  signals?: C2paSignals;
  /** The active signer and its parent steps, when more than one manifest signed the history. */
  signingChain?: C2paChainStep[];
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

/** How a record matched the item ('similar-text': ISCC Text-Code within the threshold, a lead). */
export type MatchKind = 'exact' | 'perceptual' | 'text' | 'similar-text';
/**
 * What the registered hash is: 0 = SHA-256 of bytes, 1 = PDQ, 2 = SHA-256 of collapsed text, 3 = ISCC Text-Code.
 */
export type RecordKind = 'sha256' | 'pdq' | 'text' | 'iscc';

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

/**
 * Content Credentials recovered from the registry for an item without its own: a trusted registrant's record
 * (exact or look-alike) names a manifest store by hash and URI (lib/recover/recover-credentials.ts).
 */
export interface RecoveredCredentials {
  from: {
    chainId: number;
    chainName?: string;
    registrant: `0x${string}`;
    registrantName?: string;
    match: 'exact' | 'perceptual';
    /** Hamming distance of the look-alike (0 for exact). */
    bits: number;
    /** The record's content hash (SHA-256 of the bytes or PDQ) and transaction. */
    contentHash: `0x${string}`;
    txHash?: `0x${string}`;
    time: number;
    manifestHash: `0x${string}`;
    uri: string;
  };
  /** 'recovered': fetched, hash-checked, validated (see c2pa.state); 'error': fetch, hash or read failed. */
  state: 'recovered' | 'error';
  /** The recovered store's evidence; its hard binding cannot match a copy and is listed in `unbound`. */
  c2pa?: C2paEvidence;
  unbound?: string[];
  error?: string;
}

export interface Evidence {
  fingerprints?: Fingerprints;
  /** The bytes could not be fetched or hashed. */
  fetchError?: string;
  c2pa?: C2paEvidence;
  chain?: ChainEvidence;
  recovered?: RecoveredCredentials;
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
  /** One line, plain words, for tooltips and lists (in the language it was made in; English in the CLI). */
  reason: string;
  /** The reason as a code and parameters, put into words at display time (lib/i18n/render-reason.ts). */
  reasonCode?: ReasonCode;
  reasonParams?: ReasonParams;
  /**
   * A qualifier shown on the badge's face: `unverified` when the statement comes from a signer on none of
   * the user's lists (an AI label anyone could write), `lead` for a perceptual match (never proof).
   */
  variant?: 'unverified' | 'lead';
}
