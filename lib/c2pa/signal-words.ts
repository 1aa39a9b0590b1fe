import type { MessageKey } from '../i18n/translate.ts';
import type { InceptionSignal, TransformationSignal } from './asset-signals.ts';

/**
 * Words for each asset signal, for the details page. `rubric` is the rubric's own report text (C2PA Asset Rubrics
 * 1.0, CC BY 4.0, C2PA Conformance Task Force: the `reportText.true.en` of each rule in
 * docs/reference/c2pa-asset-rubrics/asset-rubric-signals-local.yml); `plain` is the locale key of the same said for a reader who has never
 * heard of C2PA, after the rubric's "Detailed Signals Criteria".
 */
export const SIGNAL_WORDS: Record<
  InceptionSignal | TransformationSignal,
  { rubric: string; plain: MessageKey }
> = {
  fullyGenAI: {
    rubric: 'Contains Fully GenAI Media',
    plain: 'words.signal.fullyGenAI',
  },
  partlyGenAI: { rubric: 'Contains Partly GenAI Creation', plain: 'words.signal.partlyGenAI' },
  compositionMayContainGenAI: {
    rubric: 'Contains Composition which may contain GenAI content',
    plain: 'words.signal.compositionMayContainGenAI',
  },
  capturedMedia: {
    rubric: 'Contains Captured Media',
    plain: 'words.signal.capturedMedia',
  },
  capturedMediaStitched: {
    rubric: 'Contains Stitched Captured Media',
    plain: 'words.signal.capturedMediaStitched',
  },
  screenCaptureMayContainGenAI: {
    rubric: 'Contains Screen Capture Which May Contain GenAI Content',
    plain: 'words.signal.screenCaptureMayContainGenAI',
  },
  nonGenAIDigitalCreation: {
    rubric: 'Contains Non-GenAI digital creation',
    plain: 'words.signal.nonGenAIDigitalCreation',
  },
  blankCanvas: { rubric: 'Contains Blank Canvas', plain: 'words.signal.blankCanvas' },
  mediaUnknownProvenance: {
    rubric: 'Contains Media of Unknown Provenance',
    plain: 'words.signal.mediaUnknownProvenance',
  },
  perceptibleGenAI: {
    rubric: 'Contains Perceptible GenAI Transformations',
    plain: 'words.signal.perceptibleGenAI',
  },
  perceptiblePossiblyGenAI: {
    rubric: 'Contains Perceptible Transformations Possibly Using GenAI',
    plain: 'words.signal.perceptiblePossiblyGenAI',
  },
  perceptibleNonGenAI: {
    rubric: 'Contains Perceptible Non-GenAI Transformations',
    plain: 'words.signal.perceptibleNonGenAI',
  },
  nonEditorial: {
    rubric: 'Contains Non-editorial Transformations',
    plain: 'words.signal.nonEditorial',
  },
  ambiguousActions: {
    rubric: 'Contains ambiguous actions',
    plain: 'words.signal.ambiguousActions',
  },
};
