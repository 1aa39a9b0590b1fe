/**
 * Why an item got its badge, as a code and parameters rather than words, so that a stored or sent result is
 * shown in the language of whoever reads it (lib/i18n/render-reason.ts). The parameters are names, numbers
 * and the words of the evidence (signer names, failure codes), never sentences.
 */
export const REASON_CODES = [
  'tampered',
  'ai',
  'recovered-ai',
  'recovered-lookalike',
  'chain-ai',
  'verified',
  'registered',
  'image-lookalike',
  'passage-lookalike',
  'registered-unknown',
  'registered-other',
  'malformed',
  'unconfirmed',
  'untrusted-signer',
  'could-not-check',
  'no-provenance',
  // Video and audio answered before any download (lib/media/media-checker.ts).
  'media-playlist',
  'media-webm',
  'media-no-c2pa',
  'media-on-request',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** A reason's parameters: JSON values only, so they survive IndexedDB, messages and `verify --json`. */
export type ReasonParams = Record<string, string | number | boolean | string[]>;

/** The fields a verdict, a cached row, a message or the CLI's JSON carry for its reason. */
export interface ReasonFields {
  /** English, as before codes existed: for old readers, the CLI's text output and logs. */
  reason?: string;
  reasonCode?: ReasonCode;
  reasonParams?: ReasonParams;
}

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value);
}

/** Parameters without the absent values, so they stay plain JSON. */
export function reasonParams(
  values: Record<string, string | number | boolean | string[] | null | undefined>,
): ReasonParams {
  const out: ReasonParams = {};
  for (const [name, value] of Object.entries(values))
    if (value !== undefined && value !== null) out[name] = value;
  return out;
}

/** The code and parameters of a reason, or nothing for rows made before reasons had codes. */
export function codedReason(
  fields: Pick<ReasonFields, 'reasonCode' | 'reasonParams'>,
): Pick<ReasonFields, 'reasonCode' | 'reasonParams'> {
  return fields.reasonCode ? { reasonCode: fields.reasonCode, reasonParams: fields.reasonParams ?? {} } : {};
}
