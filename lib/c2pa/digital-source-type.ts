import { lastSegment } from '../format/c2pa-words.ts';

/**
 * Canonical digitalSourceType URIs, so the rubric's exact comparisons hold for every way writers spell them.
 * The C2PA Asset Rubrics 1.0 compare against `http://cv.iptc.org/newscodes/digitalsourcetype/<term>` and the two
 * C2PA-namespace values `http://c2pa.org/digitalsourcetype/empty` and `.../trainedAlgorithmicData`
 * (docs/reference/c2pa-asset-rubrics/composables/globals-signals.yml). Real files also write `https://`
 * (Adobe Firefly 2024), a bare term, or other casing; the term is what carries the meaning, as in
 * lib/c2pa/to-evidence.ts, which reads AI from the last segment whatever the namespace.
 */

export const IPTC_DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
export const C2PA_DST = 'http://c2pa.org/digitalsourcetype/';

/** IPTC Digital Source Type terms (https://cv.iptc.org/newscodes/digitalsourcetype/), in their canonical case. */
const IPTC_TERMS = [
  'digitalCapture',
  'computationalCapture',
  'negativeFilm',
  'positiveFilm',
  'print',
  'humanEdits',
  'minorHumanEdits',
  'algorithmicallyEnhanced',
  'dataDrivenMedia',
  'digitalArt',
  'digitalCreation',
  'virtualRecording',
  'compositeCapture',
  'composite',
  'compositeSynthetic',
  'trainedAlgorithmicMedia',
  'compositeWithTrainedAlgorithmicMedia',
  'algorithmicMedia',
  'screenCapture',
  'softwareImage',
];

/** Terms the C2PA defines in its own namespace (C2PA 2.2 §18.14.4.2; listed by the rubric's globals). */
const C2PA_TERMS = ['empty', 'trainedAlgorithmicData'];

const CANONICAL = new Map<string, string>([
  ...IPTC_TERMS.map((t): [string, string] => [t.toLowerCase(), `${IPTC_DST}${t}`]),
  ...C2PA_TERMS.map((t): [string, string] => [t.toLowerCase(), `${C2PA_DST}${t}`]),
]);

/**
 * The canonical URI for a digitalSourceType value, or the trimmed value itself when its term is not a known
 * one (it is still a declared source type, which the rubric's "non-GenAI" rule counts). Undefined for non-strings.
 */
export function canonicalSourceType(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, 300);
  if (!trimmed) return undefined;
  return CANONICAL.get(lastSegment(trimmed).toLowerCase()) ?? trimmed;
}

/** The term of a source type for short evidence text: `…/trainedAlgorithmicMedia` → `trainedAlgorithmicMedia`. */
export function sourceTypeTerm(value: string): string {
  return lastSegment(value);
}
