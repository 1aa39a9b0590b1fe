import * as v from 'valibot';
import { BACKGROUND_ERRORS, type BackgroundErrorCode } from '../i18n/background-error.ts';
import type {
  BackgroundRequest,
  BackgroundResponses,
  CheckResult,
  ContentRequest,
  ContentResponses,
  ItemDetails,
  MediaCheckResult,
  PageItem,
} from '../messages/protocol.ts';
import { MAX_CHECK_TEXT } from '../messages/protocol.ts';
import {
  C2paEvidenceSchema,
  ChainRecordSchema,
  EvidenceSchema,
  ItemKindSchema,
  MediaKindSchema,
  ReasonCodeSchema,
  ReasonParamsSchema,
  VariantSchema,
  VerdictSchema,
} from './evidence-schema.ts';
import type { SameType } from './same-type.ts';

/**
 * One schema per request and response of the typed protocol (lib/messages/protocol.ts). Requests come from
 * the page's renderer too (content scripts), so every string has a length bound checked before any pattern,
 * and objects are read by known keys only: unknown keys, prototype keys and deep nesting are never walked.
 */

export const MAX_URL = 8192;
export const MAX_DATA_URL = 16 * 1024 * 1024;

function isRequestUrl(url: string): boolean {
  // Length first: the cheapest test, and it ends a 50 MB string before anything reads its characters.
  if (url.length > MAX_DATA_URL) return false;
  if (url.startsWith('data:')) return true;
  return url.length <= MAX_URL && /^https?:\/\//i.test(url);
}

/**
 * An http(s) URL up to MAX_URL, or a data: URL up to MAX_DATA_URL (an inline image the page holds). A raw
 * check, so that the issue names the length: valibot's default issue would copy the whole rejected string.
 */
export const RequestUrlSchema = v.pipe(
  v.string(),
  v.rawCheck<string>(({ dataset, addIssue }) => {
    if (dataset.typed && !isRequestUrl(dataset.value))
      addIssue({
        message: 'not an http(s) or data: URL of a bounded length',
        received: `${dataset.value.length} characters`,
      });
  }),
);
/** A content hash as the cache keys it: SHA-256, 64 lower-case hex characters. */
export const ContentKeySchema = v.pipe(v.string(), v.length(64), v.regex(/^[0-9a-f]{64}$/));
const HttpEndpointSchema = v.pipe(v.string(), v.maxLength(MAX_URL), v.regex(/^https?:\/\//i));

/** A field the sender may get wrong without spoiling the request: a bad value reads as absent. */
const lenient = <S extends v.GenericSchema>(schema: S) => v.fallback(v.optional(schema), undefined);

export const ItemStateSchema = v.union([VerdictSchema, v.picklist(['pending', 'on-request'])]);
export const VerdictCountsSchema = v.record(ItemStateSchema, v.pipe(v.number(), v.integer(), v.minValue(0)));

export const BackgroundRequestSchemas = {
  'check-image': v.object({ type: v.literal('check-image'), url: RequestUrlSchema }),
  // Any fingerprint the sender adds is dropped (unknown keys are): the worker computes its own from the text.
  'check-text': v.object({
    type: v.literal('check-text'),
    text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CHECK_TEXT)),
  }),
  'page-summary': v.object({ type: v.literal('page-summary'), counts: VerdictCountsSchema }),
  'page-words': v.object({ type: v.literal('page-words') }),
  'open-details': v.pipe(
    v.object({
      type: v.literal('open-details'),
      key: lenient(ContentKeySchema),
      url: lenient(RequestUrlSchema),
      media: lenient(MediaKindSchema),
    }),
    v.check((r) => r.key !== undefined || r.url !== undefined, 'open-details needs a key or a URL'),
  ),
  'get-details': v.object({ type: v.literal('get-details'), key: ContentKeySchema }),
  'check-media': v.object({
    type: v.literal('check-media'),
    url: RequestUrlSchema,
    // Only an explicit `true` is the user's confirmation.
    confirmed: v.pipe(
      v.optional(v.unknown()),
      v.transform((c) => c === true),
    ),
  }),
  'verify-url': v.object({
    type: v.literal('verify-url'),
    url: RequestUrlSchema,
    media: lenient(MediaKindSchema),
  }),
  'get-registrations': v.object({ type: v.literal('get-registrations'), key: ContentKeySchema }),
  'fetch-remote-manifest': v.object({ type: v.literal('fetch-remote-manifest'), key: ContentKeySchema }),
  'recover-credentials': v.object({ type: v.literal('recover-credentials'), key: ContentKeySchema }),
  'soft-binding-lookup': v.object({
    type: v.literal('soft-binding-lookup'),
    key: ContentKeySchema,
    endpoint: HttpEndpointSchema,
  }),
  'update-trust-lists': v.object({ type: v.literal('update-trust-lists') }),
  'clear-cache': v.object({ type: v.literal('clear-cache') }),
} satisfies {
  [T in BackgroundRequest['type']]: v.GenericSchema<unknown, Extract<BackgroundRequest, { type: T }>>;
};

export const ContentRequestSchemas = {
  'list-items': v.object({ type: v.literal('list-items') }),
  'highlight-item': v.object({ type: v.literal('highlight-item'), id: v.pipe(v.string(), v.maxLength(256)) }),
  'context-target': v.object({ type: v.literal('context-target') }),
  'check-media-item': v.object({
    type: v.literal('check-media-item'),
    id: v.pipe(v.string(), v.maxLength(256)),
  }),
  'media-progress': v.object({
    type: v.literal('media-progress'),
    url: RequestUrlSchema,
    loaded: v.pipe(v.number(), v.minValue(0)),
    total: v.optional(v.pipe(v.number(), v.minValue(0))),
  }),
} satisfies { [T in ContentRequest['type']]: v.GenericSchema<unknown, Extract<ContentRequest, { type: T }>> };

// Responses come from our own worker and content script; the schemas state the contract (and pin the types).

const reasonFields = {
  reason: v.string(),
  reasonCode: v.optional(ReasonCodeSchema),
  reasonParams: v.optional(ReasonParamsSchema),
};

export const CheckResultSchema = v.object({
  key: v.optional(v.string()),
  kind: ItemKindSchema,
  verdict: VerdictSchema,
  ...reasonFields,
  variant: v.optional(VariantSchema),
});

export const MediaCheckResultSchema = v.object({
  key: v.optional(v.string()),
  state: v.union([VerdictSchema, v.literal('on-request')]),
  ...reasonFields,
  bytes: v.optional(v.number()),
});

export const PageItemSchema = v.object({
  id: v.string(),
  kind: v.union([ItemKindSchema, MediaKindSchema]),
  url: v.optional(v.string()),
  streamed: v.optional(v.boolean()),
  bytes: v.optional(v.number()),
  progress: v.optional(v.number()),
  preview: v.optional(v.string()),
  state: ItemStateSchema,
  reason: v.optional(v.string()),
  reasonCode: v.optional(ReasonCodeSchema),
  reasonParams: v.optional(ReasonParamsSchema),
  variant: v.optional(VariantSchema),
  key: v.optional(v.string()),
});

export const ItemDetailsSchema = v.object({
  key: v.string(),
  kind: ItemKindSchema,
  verdict: VerdictSchema,
  ...reasonFields,
  variant: v.optional(VariantSchema),
  urls: v.array(v.string()),
  evidence: EvidenceSchema,
  checkedAt: v.number(),
  listsVersion: v.optional(v.string()),
  text: v.optional(v.string()),
  byteLength: v.optional(v.number()),
  mime: v.optional(v.string()),
});

const ErrorAnswerSchema = v.object({ error: v.string() });
/** An error answer with a code the page words in its reader's language (lib/i18n/background-error.ts). */
const BackgroundErrorCodeSchema = v.picklist(
  Object.keys(BACKGROUND_ERRORS) as [BackgroundErrorCode, ...BackgroundErrorCode[]],
);
const CodedErrorAnswerSchema = v.object({
  error: v.string(),
  errorCode: v.optional(BackgroundErrorCodeSchema),
  errorParams: v.optional(v.array(v.string())),
});

export const SoftBindingResultSchema = v.object({
  endpoint: v.string(),
  matches: v.array(
    v.object({
      manifestId: v.string(),
      endpoint: v.string(),
      similarityScore: v.optional(v.number()),
      c2pa: v.optional(v.object({ ...C2paEvidenceSchema.entries, unbound: v.array(v.string()) })),
      error: v.optional(v.string()),
    }),
  ),
});

export const BackgroundResponseSchemas = {
  'check-image': CheckResultSchema,
  'check-text': CheckResultSchema,
  'check-media': MediaCheckResultSchema,
  'page-summary': v.null(),
  'page-words': v.object({
    locale: v.string(),
    messages: v.record(
      v.string(),
      v.object({
        message: v.string(),
        placeholders: v.optional(v.record(v.string(), v.object({ content: v.string() }))),
      }),
    ),
  }),
  'open-details': v.null(),
  'get-details': v.nullable(ItemDetailsSchema),
  'verify-url': v.union([ItemDetailsSchema, ErrorAnswerSchema]),
  'get-registrations': v.object({
    records: v.array(ChainRecordSchema),
    errors: v.array(v.string()),
    complete: v.boolean(),
    errorCode: v.optional(BackgroundErrorCodeSchema),
  }),
  'fetch-remote-manifest': v.union([ItemDetailsSchema, ErrorAnswerSchema]),
  'recover-credentials': v.nullable(ItemDetailsSchema),
  'soft-binding-lookup': v.union([SoftBindingResultSchema, CodedErrorAnswerSchema]),
  'update-trust-lists': v.object({
    ok: v.boolean(),
    message: v.string(),
    files: v.optional(v.number()),
    error: v.optional(v.string()),
  }),
  'clear-cache': v.object({ cleared: v.number() }),
} satisfies { [T in BackgroundRequest['type']]: v.GenericSchema };

const ContextTargetSchema = v.nullable(
  v.variant('kind', [
    v.object({ kind: v.literal('image'), url: v.string(), media: v.optional(MediaKindSchema) }),
    v.object({ kind: v.literal('text'), text: v.string() }),
  ]),
);

export const ContentResponseSchemas = {
  'list-items': v.object({
    items: v.array(PageItemSchema),
    counts: VerdictCountsSchema,
    enabled: v.boolean(),
  }),
  'highlight-item': v.boolean(),
  'context-target': ContextTargetSchema,
  'check-media-item': v.boolean(),
  'media-progress': v.null(),
} satisfies { [T in ContentRequest['type']]: v.GenericSchema };

// Type-level checks: each schema describes exactly the protocol's type (`tsc` fails on a drift). Responses
// are pinned through their parts above; for the maps, what the protocol sends must be what the schema accepts.
type Out<S extends v.GenericSchema> = v.InferOutput<S>;
type Accepts<S extends Record<string, v.GenericSchema>, R> = {
  [K in keyof S & keyof R]: [R[K]] extends [Out<S[K]>] ? true : false;
};
type RequestsMatch<S extends Record<string, v.GenericSchema>, R extends { type: string }> = {
  [K in keyof S & R['type']]: SameType<Out<S[K]>, Extract<R, { type: K }>>;
};
type AllTrue<T> = T[keyof T] extends true ? true : false;

export const messageTypesMatch: [
  SameType<Out<typeof CheckResultSchema>, CheckResult>,
  SameType<Out<typeof MediaCheckResultSchema>, MediaCheckResult>,
  SameType<Out<typeof PageItemSchema>, PageItem>,
  SameType<Out<typeof ItemDetailsSchema>, ItemDetails>,
  AllTrue<RequestsMatch<typeof BackgroundRequestSchemas, BackgroundRequest>>,
  AllTrue<RequestsMatch<typeof ContentRequestSchemas, ContentRequest>>,
  AllTrue<Accepts<typeof BackgroundResponseSchemas, BackgroundResponses>>,
  AllTrue<Accepts<typeof ContentResponseSchemas, ContentResponses>>,
] = [true, true, true, true, true, true, true, true];
