import type {
  C2paAction,
  C2paAiDeclaration,
  C2paEvidence,
  C2paSigner,
  C2paTrustList,
} from '../evidence/types.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';

/**
 * Plain-word descriptions of C2PA vocabulary, for readers who have never heard of IPTC or manifests.
 * Source terms: IPTC Digital Source Type vocabulary (https://cv.iptc.org/newscodes/digitalsourcetype/) and
 * the C2PA standard actions (C2PA 2.2, section 18.12.4).
 */

const SOURCE_TYPES: Record<string, MessageKey> = {
  trainedAlgorithmicMedia: 'words.sourceType.trainedAlgorithmicMedia',
  compositeWithTrainedAlgorithmicMedia: 'words.sourceType.compositeWithTrainedAlgorithmicMedia',
  algorithmicMedia: 'words.sourceType.algorithmicMedia',
  compositeSynthetic: 'words.sourceType.compositeSynthetic',
  algorithmicallyEnhanced: 'words.sourceType.algorithmicallyEnhanced',
  dataDrivenMedia: 'words.sourceType.dataDrivenMedia',
  digitalCapture: 'words.sourceType.digitalCapture',
  computationalCapture: 'words.sourceType.computationalCapture',
  negativeFilm: 'words.sourceType.negativeFilm',
  positiveFilm: 'words.sourceType.positiveFilm',
  print: 'words.sourceType.print',
  minorHumanEdits: 'words.sourceType.minorHumanEdits',
  humanEdits: 'words.sourceType.humanEdits',
  compositeCapture: 'words.sourceType.compositeCapture',
  composite: 'words.sourceType.composite',
  digitalArt: 'words.sourceType.digitalArt',
  virtualRecording: 'words.sourceType.virtualRecording',
  screenCapture: 'words.sourceType.screenCapture',
};

/** The last segment of a URI or label: "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture" → "digitalCapture". */
export function lastSegment(value: string): string {
  const trimmed = value.replace(/[/#]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/** True for the two IPTC terms docs/architecture.md "Evidence and verdict" treats as AI declared. */
export function isAiSourceType(value: string): boolean {
  const term = lastSegment(value);
  return term === 'trainedAlgorithmicMedia' || term === 'compositeWithTrainedAlgorithmicMedia';
}

/** digitalSourceType URI → words. Unknown terms are shown as their term so nothing is hidden. */
export function digitalSourceTypeWords(value: string, translate: Translate): string {
  const term = lastSegment(value);
  const key = SOURCE_TYPES[term];
  return key ? translate(key) : term;
}

const ACTIONS: Record<string, MessageKey> = {
  'c2pa.created': 'words.action.created',
  'c2pa.opened': 'words.action.opened',
  'c2pa.placed': 'words.action.placed',
  'c2pa.edited': 'words.action.edited',
  'c2pa.edited.metadata': 'words.action.editedMetadata',
  'c2pa.color_adjustments': 'words.action.colorAdjustments',
  'c2pa.cropped': 'words.action.cropped',
  'c2pa.resized': 'words.action.resized',
  'c2pa.orientation': 'words.action.orientation',
  'c2pa.filtered': 'words.action.filtered',
  'c2pa.drawing': 'words.action.drawing',
  'c2pa.converted': 'words.action.converted',
  'c2pa.transcoded': 'words.action.transcoded',
  'c2pa.repackaged': 'words.action.repackaged',
  'c2pa.published': 'words.action.published',
  'c2pa.removed': 'words.action.removed',
  'c2pa.redacted': 'words.action.redacted',
  'c2pa.watermarked': 'words.action.watermarked',
  'c2pa.watermarked.bound': 'words.action.watermarkedBound',
  'c2pa.unknown': 'words.action.unknown',
  'c2pa.deleted': 'words.action.deleted',
  'c2pa.produced': 'words.action.produced',
  'c2pa.translated': 'words.action.translated',
};

/** "c2pa.color_adjustments" → "Adjusted colours"; a vendor action "com.acme.magic_erase" → "Magic erase (com.acme)". */
export function actionWords(action: string, translate: Translate): string {
  const known = ACTIONS[action];
  if (known) return translate(known);
  const dot = action.lastIndexOf('.');
  const name = (dot >= 0 ? action.slice(dot + 1) : action).replace(/[_-]+/g, ' ').trim();
  const words = name ? name.charAt(0).toUpperCase() + name.slice(1) : action;
  return dot > 0 ? `${words} (${action.slice(0, dot)})` : words;
}

/** Who signed, in the form the verdict uses (organisation first). */
export function signerName(signer: C2paSigner | undefined): string | undefined {
  return signer?.issuer ?? signer?.commonName;
}

/** "Signed by …, on <list>", one sentence per list so that each language can word its list as it must. */
const ON_LIST: Record<C2paTrustList, MessageKey> = {
  official: 'words.trust.onOfficial',
  'cai-legacy': 'words.trust.onCaiLegacy',
  user: 'words.trust.onUser',
};

/**
 * One sentence on the manifest's integrity and trust, e.g.
 * "Signed by Adobe Inc., on the CAI known-certificate list".
 */
export function trustSentence(c2pa: C2paEvidence, translate: Translate): string {
  const who = signerName(c2pa.signer) ?? translate('words.trust.unnamedSigner');
  switch (c2pa.state) {
    case 'none':
      return translate('words.trust.none');
    case 'error':
      return c2pa.error ? translate('words.trust.errorWith', [c2pa.error]) : translate('words.trust.error');
    case 'invalid':
      return translate('words.trust.invalid', [who]);
    case 'valid': {
      const list = trustListOf(c2pa);
      if (!list) return translate('words.trust.notOnLists', [who]);
      return translate(ON_LIST[list], [who]);
    }
  }
}

/**
 * The signing list a result chained to. Results cached before `trustList` existed only have the tier:
 * `known` then meant the CAI list (or the user's anchors, which defaulted to the same tier).
 */
export function trustListOf(c2pa: Pick<C2paEvidence, 'trust' | 'trustList'>): C2paTrustList | null {
  if (c2pa.trustList !== undefined) return c2pa.trustList;
  if (c2pa.trust === 'trusted') return 'official';
  if (c2pa.trust === 'known') return 'cai-legacy';
  return null;
}

/**
 * A signing list's name. The CAI list is frozen since 2026-01-01 and shown apart from the official one
 * everywhere a tier is named (issue 12, "Engine and lists").
 */
export function trustListWords(list: C2paTrustList, translate: Translate): string {
  switch (list) {
    case 'official':
      return translate('words.trustList.official');
    case 'cai-legacy':
      return translate('words.trustList.caiLegacy');
    case 'user':
      return translate('words.trustList.user');
  }
}

/** The trust tier in a few words, for a label beside the sentence. */
export function trustTierWords(
  c2pa: Pick<C2paEvidence, 'trust' | 'trustList'>,
  translate: Translate,
): string {
  const list = trustListOf(c2pa);
  if (list) return list === 'official' ? translate('words.tier.official') : trustListWords(list, translate);
  return translate(c2pa.trust === 'untrusted' ? 'words.tier.untrusted' : 'words.tier.notEvaluated');
}

export function integrityWords(state: C2paEvidence['state'], translate: Translate): string {
  switch (state) {
    case 'valid':
      return translate('words.integrity.valid');
    case 'invalid':
      return translate('words.integrity.invalid');
    case 'error':
      return translate('words.integrity.error');
    case 'none':
      return translate('words.integrity.none');
  }
}

/** Where an AI declaration was found, in words. */
export function aiWhereWords(where: C2paAiDeclaration['where'], translate: Translate): string {
  switch (where) {
    case 'active':
      return translate('words.aiWhere.active');
    case 'ingredient':
      return translate('words.aiWhere.ingredient');
    case 'vendor-assertion':
      return translate('words.aiWhere.vendorAssertion');
  }
}

/** One AI declaration as a sentence: "created by generative AI, declared in an ingredient (…)". */
export function aiDeclarationWords(declaration: C2paAiDeclaration, translate: Translate): string {
  const where = aiWhereWords(declaration.where, translate);
  if (declaration.how === 'inferred') {
    return translate('words.ai.inferred', [declaration.value, where]);
  }
  const what =
    declaration.where === 'vendor-assertion'
      ? translate('words.ai.vendorUse', [declaration.value])
      : digitalSourceTypeWords(declaration.value, translate);
  const capitalised = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  return translate(declaration.how === 'parameter' ? 'words.ai.declaredInParameters' : 'words.ai.declared', [
    capitalised,
    where,
  ]);
}

export interface TimelineRow {
  /** The raw action label, kept for the title/tooltip and the export. */
  action: string;
  title: string;
  when?: string;
  softwareAgent?: string;
  sourceType?: string;
  sourceWords?: string;
  description?: string;
  ai: boolean;
}

/** Actions → display rows, in manifest order (the order the tool recorded them in is the history). */
export function timelineRows(actions: readonly C2paAction[], translate: Translate): TimelineRow[] {
  return actions.map((a) => ({
    action: a.action,
    title: actionWords(a.action, translate),
    when: a.when,
    softwareAgent: a.softwareAgent,
    sourceType: a.digitalSourceType,
    sourceWords: a.digitalSourceType ? digitalSourceTypeWords(a.digitalSourceType, translate) : undefined,
    description: a.description,
    ai: a.digitalSourceType ? isAiSourceType(a.digitalSourceType) : false,
  }));
}

/** "Adobe_Photoshop/26.9.0 adobe_c2pa/0.14.2 c2pa-rs/0.43.0" → "Adobe Photoshop 26.9.0": the tool people recognise. */
export function toolName(claimGenerator: string | undefined): string | undefined {
  if (!claimGenerator) return undefined;
  const first = claimGenerator.trim().split(/\s+/)[0] ?? '';
  const [name, version] = first.split('/');
  if (!name) return claimGenerator;
  const readable = name.replace(/_/g, ' ');
  return version ? `${readable} ${version}` : readable;
}

/** An ingredient's relationship to the file that used it, in words. */
export function relationshipWords(
  relationship: string | undefined,
  translate: Translate,
): string | undefined {
  switch (relationship) {
    case undefined:
      return undefined;
    case 'parentOf':
      return translate('words.relationship.parentOf');
    case 'componentOf':
      return translate('words.relationship.componentOf');
    case 'inputTo':
      return translate('words.relationship.inputTo');
    default:
      return relationship;
  }
}
