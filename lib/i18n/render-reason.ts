import { formatBytes } from '../format/bytes.ts';
import { ERROR_KINDS, type ErrorKind } from './error-kind.ts';
import { isReasonCode, type ReasonFields, type ReasonParams } from './reason-code.ts';
import type { MessageKey, Translate } from './translate.ts';

/** The signing lists' notes (", on the C2PA trust list"), by the list codes of C2paTrustList. */
const LIST_NOTES: Record<string, MessageKey> = {
  official: 'reason.onList.official',
  'cai-legacy': 'reason.onList.caiLegacy',
  user: 'reason.onList.user',
};

/** The rubric labels of lib/c2pa/asset-signals.ts and lib/verdict/c2pa-reading.ts. */
const LABELS: Record<string, MessageKey> = {
  'Fully AI-generated': 'reason.label.fullyAi',
  'Contains AI-generated parts': 'reason.label.aiParts',
  'Edited with AI': 'reason.label.editedWithAi',
  'Camera capture': 'reason.label.cameraCapture',
  'Device recording': 'reason.label.deviceRecording',
  'Screen capture': 'reason.label.screenCapture',
  'Digital creation': 'reason.label.digitalCreation',
};

/** The problem words of lib/c2pa/classify-failures.ts; anything else (a raw code) is shown as it is. */
const PROBLEMS: Record<string, MessageKey> = {
  'certificate expired': 'reason.problem.certificateExpired',
  'no timestamp': 'reason.problem.noTimestamp',
  'certificate revoked': 'reason.problem.certificateRevoked',
  'certificate not valid for signing': 'reason.problem.certificateInvalid',
  'timestamp not valid': 'reason.problem.timestampInvalid',
  'revocation status unknown': 'reason.problem.revocationUnknown',
  'creator identity statement not confirmed': 'reason.problem.identityUnconfirmed',
};

/** Every label and problem word the renderer knows, for the test that renders them all. */
export const KNOWN_LABELS = Object.keys(LABELS);
export const KNOWN_PROBLEMS = Object.keys(PROBLEMS);

/** A rubric label ("Fully AI-generated") in the reader's language; an unknown label is shown as it is. */
export function labelWords(label: string, t: Translate): string {
  return words(t, LABELS, label);
}

const str = (p: ReasonParams, name: string): string | undefined =>
  typeof p[name] === 'string' ? (p[name] as string) : undefined;
const num = (p: ReasonParams, name: string): number | undefined =>
  typeof p[name] === 'number' ? (p[name] as number) : undefined;
const list = (p: ReasonParams, name: string): string[] =>
  Array.isArray(p[name]) ? (p[name] as string[]).filter((x) => typeof x === 'string') : [];

function words(t: Translate, table: Record<string, MessageKey>, value: string): string {
  const key = table[value];
  return key ? t(key) : value;
}

function listNote(t: Translate, p: ReasonParams): string {
  const key = LIST_NOTES[str(p, 'list') ?? ''];
  return key ? t(key) : '';
}

function problems(t: Translate, p: ReasonParams, key: MessageKey = 'reason.problems'): string {
  const all = list(p, 'problems').map((w) => words(t, PROBLEMS, w));
  return all.length > 0 ? t(key, [all.join(', ')]) : '';
}

function labelPrefix(t: Translate, p: ReasonParams): string {
  const label = str(p, 'label');
  return label ? t('reason.labelPrefix', [words(t, LABELS, label)]) : '';
}

function onChain(t: Translate, p: ReasonParams): string {
  const chain = str(p, 'chain');
  return chain ? t('reason.onChain', [chain]) : '';
}

function errorKind(value: unknown): ErrorKind {
  return (ERROR_KINDS as readonly unknown[]).includes(value) ? (value as ErrorKind) : 'other';
}

/** "the network failed", "the server refused (HTTP 403)": a could-not-check reason in a few words. */
export function renderErrorKind(t: Translate, kind: ErrorKind, status?: number): string {
  return t(`error.${kind}`, [status ?? '?']);
}

function couldNotCheck(t: Translate, p: ReasonParams, short: boolean): string {
  const raw = str(p, 'error');
  const source = str(p, 'source');
  const full =
    raw ??
    (source === 'registry'
      ? t('reason.registryUnreachable')
      : source === 'c2pa'
        ? t('reason.c2paUnreadable')
        : undefined);
  if (short || full === undefined) {
    return t('reason.couldNotCheck', [renderErrorKind(t, errorKind(p.kind), num(p, 'status'))]);
  }
  return t('reason.couldNotCheck', [full]);
}

function ai(t: Translate, p: ReasonParams): string {
  const label = str(p, 'label');
  const what = label ? words(t, LABELS, label) : t('reason.aiLabel');
  const inferredFrom = str(p, 'inferredFrom');
  const main = inferredFrom
    ? t('reason.aiInferred', [what, inferredFrom, str(p, 'declarer') ?? t('reason.unnamedSigner')])
    : t('reason.aiDeclared', [what, str(p, 'declarer') ?? t('reason.unnamedSigner')]);
  const trust = p.untrusted === true ? t('reason.notOnLists') : listNote(t, p);
  const resized = str(p, 'resizedBy');
  const fault = p.earlierFault === true ? t('reason.earlierFault') : '';
  return `${main}${trust}${problems(t, p)}${resized ? t('reason.resizedByNote', [resized]) : ''}${fault}`;
}

function verified(t: Translate, p: ReasonParams): string {
  const resized = str(p, 'resizedBy');
  const origin = str(p, 'origin');
  const who = resized
    ? `${t('reason.resizedBy', [resized])}${listNote(t, p)}${origin ? t('reason.originallySignedBy', [origin]) : ''}`
    : `${t('reason.signedBy', [str(p, 'signer') ?? t('reason.trustedSigner')])}${listNote(t, p)}`;
  const identity = str(p, 'identity');
  const identityNote = identity ? t('reason.problems', [words(t, PROBLEMS, identity)]) : '';
  const fault = p.earlierFault === true ? t('reason.earlierFault') : '';
  return `${labelPrefix(t, p)}${who}${identityNote}${fault}`;
}

function signerProblem(t: Translate, p: ReasonParams, untrusted: boolean): string {
  const signedBy = t('reason.signedBy', [str(p, 'signer') ?? t('reason.unknownSigner')]);
  const fault = p.earlierFault === true ? t('reason.earlierFaultShort') : '';
  const main = untrusted
    ? `${t('reason.untrusted', [signedBy])}${problems(t, p, 'reason.problemsInBrackets')}`
    : `${t('reason.unconfirmed', [`${signedBy}${listNote(t, p)}`])}${problems(t, p)}`;
  return `${labelPrefix(t, p)}${main}${fault}`;
}

/** A media file's size in the reader's language ("12.4 MB", "12,4 Mo"), or "unknown size". */
function size(t: Translate, p: ReasonParams, name: string, locale: string): string {
  const bytes = num(p, name);
  return bytes === undefined ? t('mediaResult.unknownSize') : formatBytes(bytes, locale);
}

function render(
  t: Translate,
  code: string,
  p: ReasonParams,
  short: boolean,
  locale: string,
): string | undefined {
  const who = str(p, 'who') ?? '?';
  const bits = num(p, 'bits') ?? '?';
  switch (code) {
    case 'tampered':
      return t('reason.tampered', [str(p, 'failure') ?? t('reason.integrityFailure')]);
    case 'ai':
      return ai(t, p);
    case 'recovered-ai':
    case 'recovered-lookalike': {
      const source =
        typeof p.bits === 'number' ? t('reason.recoveredLeadSource', [p.bits]) : t('reason.recoveredSource');
      if (code === 'recovered-lookalike')
        return t('reason.recoveredLookalike', [str(p, 'signer') ?? t('reason.unknownSigner'), source]);
      return t(p.lead === true ? 'reason.recoveredAiLead' : 'reason.recoveredAi', [source]);
    }
    case 'chain-ai': {
      const match = str(p, 'match');
      const key: MessageKey =
        match === 'perceptual'
          ? 'reason.chainAiImageLead'
          : match === 'similar-text'
            ? 'reason.chainAiTextLead'
            : 'reason.chainAi';
      return `${t(key, [who])}${onChain(t, p)}`;
    }
    case 'verified':
      return verified(t, p);
    case 'registered':
      return `${t('reason.registeredBy', [who])}${onChain(t, p)}`;
    case 'image-lookalike':
      return t('reason.imageLookalike', [who, bits]);
    case 'passage-lookalike':
      return t('reason.passageLookalike', [who, bits]);
    case 'registered-unknown':
      return t('reason.registeredUnknown', [onChain(t, p)]);
    case 'registered-other':
      return t('reason.registeredOther');
    case 'malformed': {
      const failure = str(p, 'failure');
      return failure ? t('reason.malformedCode', [failure]) : t('reason.malformed');
    }
    case 'unconfirmed':
      return signerProblem(t, p, false);
    case 'untrusted-signer':
      return signerProblem(t, p, true);
    case 'could-not-check':
      return couldNotCheck(t, p, short);
    case 'no-provenance':
      return t('reason.noProvenance');
    case 'media-playlist':
      return t('mediaResult.playlist');
    case 'media-webm':
      return t('mediaResult.webm');
    case 'media-no-c2pa':
      return t('mediaResult.noC2pa', [size(t, p, 'read', locale), size(t, p, 'total', locale)]);
    case 'media-on-request':
      return t(p.c2pa === true ? 'mediaResult.onRequestC2pa' : 'mediaResult.onRequest', [
        size(t, p, 'total', locale),
      ]);
    default:
      return undefined;
  }
}

/**
 * A reason in the translator's language. `short` gives a could-not-check reason in a few words (the popup's
 * rows) instead of the raw error; `locale` writes sizes in the same language as the words (Intl, default "en"). A result stored before reasons had codes, or with a code this version does
 * not know, shows its stored English `reason`.
 */
export function renderReason(
  fields: ReasonFields,
  t: Translate,
  options: { short?: boolean; locale?: string } = {},
): string | undefined {
  if (!isReasonCode(fields.reasonCode)) return fields.reason;
  const locale = options.locale ?? 'en';
  return (
    render(t, fields.reasonCode, fields.reasonParams ?? {}, options.short === true, locale) ?? fields.reason
  );
}
