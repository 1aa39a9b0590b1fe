import type {
  C2paAction,
  C2paAiDeclaration,
  C2paEvidence,
  C2paSigner,
  C2paTrustList,
} from '../evidence/types.ts';

/**
 * Plain-word descriptions of C2PA vocabulary, for readers who have never heard of IPTC or manifests.
 * Source terms: IPTC Digital Source Type vocabulary (https://cv.iptc.org/newscodes/digitalsourcetype/) and
 * the C2PA standard actions (C2PA 2.2, section 18.12.4).
 */

const SOURCE_TYPES: Record<string, string> = {
  trainedAlgorithmicMedia: 'created by generative AI',
  compositeWithTrainedAlgorithmicMedia: 'edited with generative AI (a mix of AI output and other content)',
  algorithmicMedia: 'created by an algorithm (not a trained AI model)',
  compositeSynthetic: 'a composite that includes synthetic elements',
  algorithmicallyEnhanced: 'enhanced by an algorithm',
  dataDrivenMedia: 'generated from data (e.g. a chart or a rendering)',
  digitalCapture: 'captured by a digital camera or recorder',
  computationalCapture: 'captured with computational photography',
  negativeFilm: 'scanned from a film negative',
  positiveFilm: 'scanned from slide film',
  print: 'scanned from a print',
  minorHumanEdits: 'a capture with minor human edits',
  humanEdits: 'edited by a person',
  compositeCapture: 'a composite of several captures',
  composite: 'a composite of several elements',
  digitalArt: 'made by a person with digital tools',
  virtualRecording: 'recorded from a virtual scene',
  screenCapture: 'a screenshot or screen recording',
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
export function digitalSourceTypeWords(value: string): string {
  const term = lastSegment(value);
  return SOURCE_TYPES[term] ?? term;
}

const ACTIONS: Record<string, string> = {
  'c2pa.created': 'Created',
  'c2pa.opened': 'Opened an existing file',
  'c2pa.placed': 'Placed another file into it',
  'c2pa.edited': 'Edited',
  'c2pa.edited.metadata': 'Edited the metadata',
  'c2pa.color_adjustments': 'Adjusted colours',
  'c2pa.cropped': 'Cropped',
  'c2pa.resized': 'Resized',
  'c2pa.orientation': 'Rotated or flipped',
  'c2pa.filtered': 'Applied a filter',
  'c2pa.drawing': 'Drew on it',
  'c2pa.converted': 'Converted to another format',
  'c2pa.transcoded': 'Re-encoded',
  'c2pa.repackaged': 'Repackaged (content unchanged)',
  'c2pa.published': 'Published',
  'c2pa.removed': 'Removed a part',
  'c2pa.redacted': 'Redacted',
  'c2pa.watermarked': 'Added a watermark',
  'c2pa.watermarked.bound': 'Added a bound watermark',
  'c2pa.unknown': 'Unspecified changes',
  'c2pa.deleted': 'Deleted',
  'c2pa.produced': 'Produced',
  'c2pa.translated': 'Translated',
};

/** "c2pa.color_adjustments" → "Adjusted colours"; a vendor action "com.acme.magic_erase" → "Magic erase (com.acme)". */
export function actionWords(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const dot = action.lastIndexOf('.');
  const name = (dot >= 0 ? action.slice(dot + 1) : action).replace(/[_-]+/g, ' ').trim();
  const words = name ? name.charAt(0).toUpperCase() + name.slice(1) : action;
  return dot > 0 ? `${words} (${action.slice(0, dot)})` : words;
}

/** Who signed, in the form the verdict uses (organisation first). */
export function signerName(signer: C2paSigner | undefined): string | undefined {
  return signer?.issuer ?? signer?.commonName;
}

/**
 * One sentence on the manifest's integrity and trust, e.g.
 * "Signed by Adobe Inc., on the CAI known-certificate list".
 */
export function trustSentence(c2pa: C2paEvidence): string {
  const who = signerName(c2pa.signer);
  const signed = who ? `Signed by ${who}` : 'Signed by an unnamed signer';
  switch (c2pa.state) {
    case 'none':
      return 'No Content Credentials were found for this file.';
    case 'error':
      return `The Content Credentials could not be read${c2pa.error ? `: ${c2pa.error}` : '.'}`;
    case 'invalid':
      return `${signed}, but the Content Credentials failed validation (see the codes below).`;
    case 'valid': {
      const list = trustListOf(c2pa);
      return list
        ? `${signed}, on the ${trustListWords(list)}.`
        : `${signed}: signer not on your trust lists.`;
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
export function trustListWords(list: C2paTrustList): string {
  switch (list) {
    case 'official':
      return 'C2PA trust list';
    case 'cai-legacy':
      return 'CAI legacy list (frozen January 2026)';
    case 'user':
      return 'your own trust anchors';
  }
}

/** The trust tier in a few words, for a label beside the sentence. */
export function trustTierWords(c2pa: Pick<C2paEvidence, 'trust' | 'trustList'>): string {
  const list = trustListOf(c2pa);
  if (list) return list === 'official' ? 'Official C2PA trust list' : trustListWords(list);
  return c2pa.trust === 'untrusted' ? 'Not on your trust lists' : 'Not evaluated';
}

export function integrityWords(state: C2paEvidence['state']): string {
  switch (state) {
    case 'valid':
      return 'Valid: the content matches its Content Credentials';
    case 'invalid':
      return 'Invalid: validation failed';
    case 'error':
      return 'Unreadable';
    case 'none':
      return 'None found';
  }
}

/** Where an AI declaration was found, in words. */
export function aiWhereWords(where: C2paAiDeclaration['where']): string {
  switch (where) {
    case 'active':
      return "in this file's own Content Credentials (active manifest)";
    case 'ingredient':
      return 'in an ingredient (a file this one was made from)';
    case 'vendor-assertion':
      return "in a tool vendor's own assertion";
  }
}

/** One AI declaration as a sentence: "created by generative AI, declared in an ingredient (…)". */
export function aiDeclarationWords(declaration: C2paAiDeclaration): string {
  if (declaration.how === 'inferred') {
    return `Made with ${declaration.value}, a known AI generator: inferred from the tool's name (no digitalSourceType declared), ${aiWhereWords(declaration.where)}`;
  }
  const how = declaration.how === 'parameter' ? " in an editing step's parameters" : '';
  const what =
    declaration.where === 'vendor-assertion'
      ? `AI use (${declaration.value})`
      : digitalSourceTypeWords(declaration.value);
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}, declared${how} ${aiWhereWords(declaration.where)}`;
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
export function timelineRows(actions: readonly C2paAction[]): TimelineRow[] {
  return actions.map((a) => ({
    action: a.action,
    title: actionWords(a.action),
    when: a.when,
    softwareAgent: a.softwareAgent,
    sourceType: a.digitalSourceType,
    sourceWords: a.digitalSourceType ? digitalSourceTypeWords(a.digitalSourceType) : undefined,
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
export function relationshipWords(relationship: string | undefined): string | undefined {
  switch (relationship) {
    case undefined:
      return undefined;
    case 'parentOf':
      return 'the file this one was edited from';
    case 'componentOf':
      return 'placed into this file as a part';
    case 'inputTo':
      return 'given to a tool (e.g. an AI model) as input';
    default:
      return relationship;
  }
}
