import type { InceptionSignal, TransformationSignal } from './asset-signals.ts';

/**
 * Words for each asset signal, for the details page. `rubric` is the rubric's own report text (C2PA Asset Rubrics
 * 1.0, CC BY 4.0, C2PA Conformance Task Force: the `reportText.true.en` of each rule in
 * docs/reference/c2pa-asset-rubrics/asset-rubric-signals-local.yml); `plain` says it for a reader who has never
 * heard of C2PA, after the rubric's "Detailed Signals Criteria".
 */
export const SIGNAL_WORDS: Record<InceptionSignal | TransformationSignal, { rubric: string; plain: string }> =
  {
    fullyGenAI: {
      rubric: 'Contains Fully GenAI Media',
      plain: 'Generated entirely by a generative AI model',
    },
    partlyGenAI: { rubric: 'Contains Partly GenAI Creation', plain: 'Created partly with generative AI' },
    compositionMayContainGenAI: {
      rubric: 'Contains Composition which may contain GenAI content',
      plain: 'A composition of several elements, which may include AI-generated content',
    },
    capturedMedia: {
      rubric: 'Contains Captured Media',
      plain: 'Captured by a device such as a camera or a microphone',
    },
    capturedMediaStitched: {
      rubric: 'Contains Stitched Captured Media',
      plain: 'Stitched from several captures (e.g. a panorama)',
    },
    screenCaptureMayContainGenAI: {
      rubric: 'Contains Screen Capture Which May Contain GenAI Content',
      plain: 'A screenshot or screen recording, which may show AI-generated content',
    },
    nonGenAIDigitalCreation: {
      rubric: 'Contains Non-GenAI digital creation',
      plain: 'Made with digital tools, without generative AI',
    },
    blankCanvas: { rubric: 'Contains Blank Canvas', plain: 'Started from an empty canvas' },
    mediaUnknownProvenance: {
      rubric: 'Contains Media of Unknown Provenance',
      plain: 'Includes media that has no Content Credentials of its own',
    },
    perceptibleGenAI: {
      rubric: 'Contains Perceptible GenAI Transformations',
      plain: 'Visibly or audibly changed with generative AI',
    },
    perceptiblePossiblyGenAI: {
      rubric: 'Contains Perceptible Transformations Possibly Using GenAI',
      plain: 'Visibly or audibly changed in a way that may have used generative AI',
    },
    perceptibleNonGenAI: {
      rubric: 'Contains Perceptible Non-GenAI Transformations',
      plain: 'Visibly or audibly changed without generative AI',
    },
    nonEditorial: {
      rubric: 'Contains Non-editorial Transformations',
      plain: 'Technical changes only (conversion, resizing, metadata, watermark)',
    },
    ambiguousActions: {
      rubric: 'Contains ambiguous actions',
      plain: 'The history of changes is incomplete or not fully described',
    },
  };
