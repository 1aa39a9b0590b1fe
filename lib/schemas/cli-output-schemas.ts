import * as v from 'valibot';
import {
  C2paActionSchema,
  C2paAiDeclarationSchema,
  C2paChainStepSchema,
  C2paFailuresSchema,
  C2paSignalsSchema,
  C2paSignerSchema,
  C2paStateSchema,
  C2paTrustListSchema,
  C2paTrustSchema,
  ChainRecordSchema,
  FingerprintsSchema,
  Hex0xSchema,
  ReasonCodeSchema,
  ReasonParamsSchema,
  VariantSchema,
  VerdictSchema,
} from './evidence-schema.ts';

/**
 * The output contract of `origin-lens verify --json` and `hash --json` (README "Command line"), published as
 * JSON Schema in schemas/ (`npm run schemas` regenerates it from these). Additive changes only: objects stay
 * open, so a consumer that validates against an older file keeps working when a field is added.
 * Only what converts to JSON Schema is used here (no checks or custom schemas).
 */

const Sha256Schema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

/** The `c2pa` object of a verify row (also the shape of `recovered.c2pa`). */
export const C2paJsonSchema = v.object({
  state: C2paStateSchema,
  trust: v.nullable(C2paTrustSchema),
  trustList: v.nullable(C2paTrustListSchema),
  validationState: v.nullable(v.string()),
  aiGenerated: v.boolean(),
  codes: v.array(v.string()),
  signer: v.nullable(C2paSignerSchema),
  claimGenerator: v.nullable(v.string()),
  ai: v.array(C2paAiDeclarationSchema),
  actions: v.array(C2paActionSchema),
  source: v.nullable(v.picklist(['embedded', 'remote'])),
  remoteUrl: v.nullable(v.string()),
  error: v.nullable(v.string()),
  failures: v.nullable(C2paFailuresSchema),
  signals: v.nullable(C2paSignalsSchema),
  signingChain: v.array(C2paChainStepSchema),
});

export const VerifyRowSchema = v.pipe(
  v.object({
    source: v.pipe(v.string(), v.description('The file or URL as given on the command line.')),
    kind: v.optional(v.picklist(['image', 'text', 'video', 'audio'])),
    sha256: v.optional(Sha256Schema),
    sha256Collapsed: v.optional(Sha256Schema),
    verdict: VerdictSchema,
    reason: v.pipe(v.string(), v.description('One line in plain English.')),
    reasonCode: v.optional(
      v.pipe(ReasonCodeSchema, v.description('The reason as a code, for rendering in another language.')),
    ),
    reasonParams: v.optional(ReasonParamsSchema),
    variant: v.optional(v.nullable(VariantSchema)),
    fingerprints: v.optional(FingerprintsSchema),
    c2pa: v.optional(C2paJsonSchema),
    chain: v.optional(
      v.object({
        state: v.picklist(['ok', 'error', 'disabled']),
        records: v.array(ChainRecordSchema),
        otherRegistrations: v.number(),
        errors: v.array(v.string()),
      }),
    ),
    recovered: v.optional(
      v.pipe(
        v.nullable(
          v.object({
            from: v.object({
              chainId: v.number(),
              registrant: Hex0xSchema,
              registrantName: v.nullable(v.string()),
              match: v.picklist(['exact', 'perceptual']),
              bits: v.number(),
              manifestHash: Hex0xSchema,
              uri: v.string(),
            }),
            c2pa: C2paJsonSchema,
            unbound: v.array(v.string()),
          }),
        ),
        v.description(
          'Content Credentials recovered from the registry (images without their own); null when none.',
        ),
      ),
    ),
    recoveryError: v.optional(
      v.pipe(v.string(), v.description('Why a manifest named by a matching record could not be recovered.')),
    ),
    error: v.optional(v.pipe(v.string(), v.description('Set when the item could not be checked at all.'))),
  }),
  v.title('One checked file, URL or text'),
);

export const VerifyOutputSchema = v.pipe(
  v.array(VerifyRowSchema),
  v.title('origin-lens verify --json'),
  v.description('One row per source, in the order given. Exit code 1 when any row has the verdict "error".'),
);

export const HashImageRowSchema = v.object({
  source: v.string(),
  sha256: Sha256Schema,
  pdq: v.pipe(
    v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
    v.description('PDQ hash, 256 bits.'),
  ),
  pdqQuality: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  pdqError: v.optional(v.string()),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
});

export const HashTextRowSchema = v.object({
  source: v.pipe(v.string(), v.description('--text, the file, or page.html#n for the n-th paragraph.')),
  sha256Collapsed: Sha256Schema,
  isccText: v.pipe(v.string(), v.regex(/^ISCC:/)),
  isccTextHex: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  characters: v.number(),
});

export const HashErrorRowSchema = v.object({ source: v.string(), error: v.string() });

export const HashRowSchema = v.union([HashImageRowSchema, HashTextRowSchema, HashErrorRowSchema]);

export const HashOutputSchema = v.pipe(
  v.array(HashRowSchema),
  v.title('origin-lens hash --json'),
  v.description('One row per text, paragraph and file. Exit code 1 when any row is an error row.'),
);

export type C2paJson = v.InferOutput<typeof C2paJsonSchema>;
export type VerifyRow = v.InferOutput<typeof VerifyRowSchema>;
export type HashRow = v.InferOutput<typeof HashRowSchema>;
