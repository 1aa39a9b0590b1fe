import * as v from 'valibot';
import type {
  C2paEvidence,
  C2paIngredient,
  ChainEvidence,
  ChainRecord,
  Evidence,
  Fingerprints,
  RecoveredCredentials,
  VerdictResult,
} from '../evidence/types.ts';
import { REASON_CODES } from '../i18n/reason-code.ts';
import type { SameType } from './same-type.ts';

/**
 * The evidence model (lib/evidence/types.ts) as schemas, for what crosses a boundary: cached rows read back
 * from disk, messages, the CLI's JSON output. The interfaces stay the readable reference; the assertions at
 * the end of this file fail the type check when the two drift apart.
 */

export const HexSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]*$/));
/** A 0x-prefixed hex string (addresses, hashes on chain); typed as viem types it. */
export const Hex0xSchema = v.pipe(
  v.string(),
  v.regex(/^0x[0-9a-fA-F]*$/),
  v.transform((hex) => hex as `0x${string}`),
);
export const ItemKindSchema = v.picklist(['image', 'text']);
export const MediaKindSchema = v.picklist(['video', 'audio']);
export const VerdictSchema = v.picklist([
  'tampered',
  'ai-generated',
  'verified',
  'registered',
  'unknown-signer',
  'no-provenance',
  'error',
]);
export const VariantSchema = v.picklist(['unverified', 'lead']);
/** Added beside `reason` by the i18n work (issue 17): a code and its parameters, rendered at display time. */
export const ReasonCodeSchema = v.picklist(REASON_CODES);
export const ReasonParamsSchema = v.record(
  v.string(),
  v.union([v.string(), v.number(), v.boolean(), v.array(v.string())]),
);

export const VerdictResultSchema = v.object({
  verdict: VerdictSchema,
  reason: v.string(),
  reasonCode: v.optional(ReasonCodeSchema),
  reasonParams: v.optional(ReasonParamsSchema),
  variant: v.optional(VariantSchema),
});

export const ImageFingerprintsSchema = v.object({
  kind: v.literal('image'),
  sha256: HexSchema,
  pdq: v.optional(v.object({ hash: HexSchema, quality: v.number() })),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
  pdqError: v.optional(v.string()),
  pdqApprox: v.optional(v.object({ hash: HexSchema, quality: v.number() })),
  media: v.optional(MediaKindSchema),
});

export const TextFingerprintsSchema = v.object({
  kind: v.literal('text'),
  sha256Collapsed: HexSchema,
  isccText: v.optional(v.string()),
  isccTextHex: v.optional(HexSchema),
  characters: v.number(),
});

export const FingerprintsSchema = v.variant('kind', [ImageFingerprintsSchema, TextFingerprintsSchema]);

export const C2paSignerSchema = v.object({
  issuer: v.optional(v.string()),
  commonName: v.optional(v.string()),
  time: v.optional(v.string()),
  timestampAuthority: v.optional(v.string()),
});

export const C2paActionSchema = v.object({
  action: v.string(),
  when: v.optional(v.string()),
  softwareAgent: v.optional(v.string()),
  digitalSourceType: v.optional(v.string()),
  description: v.optional(v.string()),
});

export const C2paSignalSchema = v.object({
  kind: v.picklist(['inception', 'transformation']),
  signal: v.string(),
  ruleId: v.string(),
  where: v.picklist(['active', 'ingredient']),
  manifestLabel: v.optional(v.string()),
  evidence: v.string(),
});

export const C2paSignalsSchema = v.object({
  inception: v.array(C2paSignalSchema),
  transformations: v.array(C2paSignalSchema),
  label: v.optional(v.string()),
});

export const C2paAiDeclarationSchema = v.object({
  where: v.picklist(['active', 'ingredient', 'vendor-assertion']),
  value: v.string(),
  manifestLabel: v.optional(v.string()),
  how: v.optional(v.picklist(['parameter', 'inferred'])),
});

export const C2paFailureSchema = v.object({
  code: v.string(),
  explanation: v.optional(v.string()),
  manifestLabel: v.optional(v.string()),
});

export const C2paFailuresSchema = v.object({
  tamper: v.array(C2paFailureSchema),
  malformed: v.array(C2paFailureSchema),
  credential: v.array(C2paFailureSchema),
  conformance: v.array(C2paFailureSchema),
  ingredient: v.array(C2paFailureSchema),
});

export const C2paChainStepSchema = v.object({
  manifestLabel: v.string(),
  signer: v.optional(C2paSignerSchema),
  claimGenerator: v.optional(v.string()),
  resigner: v.optional(v.string()),
});

/** Ingredients nest (an ingredient's own ingredients), so the schema refers to itself. */
export const C2paIngredientSchema: v.GenericSchema<C2paIngredient> = v.object({
  title: v.optional(v.string()),
  format: v.optional(v.string()),
  relationship: v.optional(v.string()),
  manifestLabel: v.optional(v.string()),
  claimGenerator: v.optional(v.string()),
  signer: v.optional(C2paSignerSchema),
  actions: v.array(C2paActionSchema),
  ingredients: v.array(v.lazy(() => C2paIngredientSchema)),
  truncated: v.optional(v.boolean()),
});

export const C2paStateSchema = v.picklist(['none', 'valid', 'invalid', 'error']);
export const C2paTrustSchema = v.picklist(['trusted', 'known', 'untrusted']);
export const C2paTrustListSchema = v.picklist(['official', 'cai-legacy', 'user']);

export const C2paEvidenceSchema = v.object({
  state: C2paStateSchema,
  trust: v.nullable(C2paTrustSchema),
  trustList: v.optional(v.nullable(C2paTrustListSchema)),
  validationState: v.optional(v.string()),
  failures: v.optional(C2paFailuresSchema),
  signals: v.optional(C2paSignalsSchema),
  signingChain: v.optional(v.array(C2paChainStepSchema)),
  codes: v.array(v.string()),
  aiGenerated: v.boolean(),
  ai: v.optional(v.array(C2paAiDeclarationSchema)),
  signer: v.optional(C2paSignerSchema),
  claimGenerator: v.optional(v.string()),
  title: v.optional(v.string()),
  format: v.optional(v.string()),
  activeManifest: v.optional(v.string()),
  actions: v.array(C2paActionSchema),
  ingredients: v.array(C2paIngredientSchema),
  source: v.optional(v.picklist(['embedded', 'remote'])),
  remoteUrl: v.optional(v.string()),
  error: v.optional(v.string()),
  thumbnail: v.optional(v.string()),
  raw: v.optional(v.unknown()),
});

export const MatchKindSchema = v.picklist(['exact', 'perceptual', 'text', 'similar-text']);
export const RecordKindSchema = v.picklist(['sha256', 'pdq', 'text', 'iscc']);

export const ChainRecordSchema = v.object({
  chainId: v.number(),
  chainName: v.optional(v.string()),
  contentHash: Hex0xSchema,
  registrant: Hex0xSchema,
  registrantName: v.optional(v.string()),
  registrantSite: v.optional(v.string()),
  trusted: v.boolean(),
  kind: RecordKindSchema,
  match: MatchKindSchema,
  distance: v.optional(v.number()),
  time: v.number(),
  aiGenerated: v.boolean(),
  revoked: v.boolean(),
  txHash: v.optional(Hex0xSchema),
  blockNumber: v.optional(v.string()),
  uri: v.optional(v.string()),
  c2paManifestHash: v.optional(Hex0xSchema),
});

export const ChainEvidenceSchema = v.object({
  state: v.picklist(['ok', 'error', 'disabled']),
  records: v.array(ChainRecordSchema),
  otherRegistrations: v.number(),
  errors: v.optional(v.array(v.string())),
  disagreement: v.optional(v.string()),
});

export const RecoveredCredentialsSchema = v.object({
  from: v.object({
    chainId: v.number(),
    chainName: v.optional(v.string()),
    registrant: Hex0xSchema,
    registrantName: v.optional(v.string()),
    match: v.picklist(['exact', 'perceptual']),
    bits: v.number(),
    contentHash: Hex0xSchema,
    txHash: v.optional(Hex0xSchema),
    time: v.number(),
    manifestHash: Hex0xSchema,
    uri: v.string(),
  }),
  state: v.picklist(['recovered', 'error']),
  c2pa: v.optional(C2paEvidenceSchema),
  unbound: v.optional(v.array(v.string())),
  error: v.optional(v.string()),
});

export const EvidenceSchema = v.object({
  fingerprints: v.optional(FingerprintsSchema),
  fetchError: v.optional(v.string()),
  c2pa: v.optional(C2paEvidenceSchema),
  chain: v.optional(ChainEvidenceSchema),
  recovered: v.optional(RecoveredCredentialsSchema),
});

// Type-level checks: a schema that no longer describes its interface fails `tsc`.
type Out<S extends v.GenericSchema> = v.InferOutput<S>;
export const evidenceTypesMatch: [
  SameType<Out<typeof FingerprintsSchema>, Fingerprints>,
  SameType<Out<typeof C2paEvidenceSchema>, C2paEvidence>,
  SameType<Out<typeof ChainRecordSchema>, ChainRecord>,
  SameType<Out<typeof ChainEvidenceSchema>, ChainEvidence>,
  SameType<Out<typeof RecoveredCredentialsSchema>, RecoveredCredentials>,
  SameType<Out<typeof EvidenceSchema>, Evidence>,
  SameType<Out<typeof VerdictResultSchema>, VerdictResult>,
] = [true, true, true, true, true, true, true];
