import { generatorOfCreation } from './ai-generators.ts';
import { C2PA_DST, canonicalSourceType, IPTC_DST, sourceTypeTerm } from './digital-source-type.ts';
import { type ManifestAction, manifestActions } from './manifest-actions.ts';
import {
  ingredientManifestLabel,
  ingredientsOf,
  type ManifestNode,
  type ManifestRelation,
  manifestGraph,
} from './manifest-graph.ts';
import { assertionsOf, baseLabel, isObject, type JsonObject, text } from './store-json.ts';

/**
 * Inception and transformation signals of the C2PA Asset Rubrics 1.0 (CC BY 4.0, C2PA Conformance Task Force),
 * implemented over the engine's manifest-store JSON. Specification and rule ids:
 * docs/reference/c2pa-asset-rubrics/asset-rubric-signals-local.yml and "C2PA Asset Rubrics.md", section
 * "Detailed Signals Criteria". Each manifest of the store is evaluated locally, as the rubric says; the label for
 * the UI then weighs each manifest by how it relates to the asset (see manifest-graph.ts).
 *
 * Where the rubric's expressions (json-formula over crJSON) and the engine's JSON differ, this reads them the
 * way the rubric means them: every actions assertion (v1, v2, `__N`), not only the first `c2pa.actions.v2`;
 * digitalSourceType spelled `https://`, as a bare term, or in an action parameter; every ingredient version.
 * Signals the rubric has no rule for, inferred from words or metadata, carry an `origin-lens:` rule id.
 */

export type InceptionSignal =
  | 'fullyGenAI'
  | 'partlyGenAI'
  | 'compositionMayContainGenAI'
  | 'capturedMedia'
  | 'capturedMediaStitched'
  | 'screenCaptureMayContainGenAI'
  | 'nonGenAIDigitalCreation'
  | 'blankCanvas'
  | 'mediaUnknownProvenance';

export type TransformationSignal =
  | 'perceptibleGenAI'
  | 'perceptiblePossiblyGenAI'
  | 'perceptibleNonGenAI'
  | 'nonEditorial'
  | 'ambiguousActions';

export interface AssetSignal {
  kind: 'inception' | 'transformation';
  signal: InceptionSignal | TransformationSignal;
  /** The rubric's rule id (e.g. `inception:signal_fullyGenAIMedia`), or `origin-lens:…` for an inference. */
  ruleId: string;
  manifestLabel?: string;
  where: 'active' | 'ingredient';
  /** Short plain English: what in the manifest triggered the rule. */
  evidence: string;
}

export interface AssetSignals {
  inception: AssetSignal[];
  transformations: AssetSignal[];
  /**
   * A short label for the UI, from the strongest signal: "Fully AI-generated" | "Contains AI-generated parts" |
   * "Edited with AI" | "Camera capture" | "Screen capture" | "Digital creation" | undefined.
   */
  label?: string;
}

/** Rule ids this module adds where the rubric has none; each says "inferred" in its evidence. */
export const INFERRED_RULES = {
  generator: 'origin-lens:inferred_generator',
  capture: 'origin-lens:inferred_capture_exif',
  undeclaredEdit: 'origin-lens:perceptible_without_dst',
} as const;

/** True when a signal comes from an Origin Lens inference rather than a rule of the rubric. */
export function isInferredSignal(signal: Pick<AssetSignal, 'ruleId'>): boolean {
  return signal.ruleId.startsWith('origin-lens:');
}

export const SIGNAL_LIMITS = { perList: 100 } as const;

/** `$inception_actions` (composables/globals-actions.yml). */
const INCEPTION_ACTIONS = new Set(['c2pa.created', 'c2pa.opened']);

/** `$non_editorial_actions` (composables/globals-actions.yml). */
const NON_EDITORIAL_ACTIONS = new Set([
  'c2pa.converted',
  'c2pa.published',
  'c2pa.repackaged',
  'c2pa.transcoded',
  'c2pa.resized.proportional',
  'c2pa.enhanced',
  'c2pa.edited.metadata',
  'c2pa.watermarked',
  'c2pa.watermarked.bound',
  'c2pa.watermarked.unbound',
  'c2pa.redacted',
]);

/**
 * `$dst_exempt_perceptible_actions` (composables/globals-actions.yml): perceptible, but conformant without a
 * digitalSourceType (what was placed is described by the placed ingredient's own manifest).
 */
const DST_EXEMPT_ACTIONS = new Set(['c2pa.placed']);

/** `$genai_dst_types` (composables/globals-signals.yml). */
const GENAI_DST = new Set([
  `${IPTC_DST}trainedAlgorithmicMedia`,
  `${IPTC_DST}compositeWithTrainedAlgorithmicMedia`,
  `${IPTC_DST}compositeSynthetic`,
  `${C2PA_DST}trainedAlgorithmicData`,
]);

/** `$possibly_genai_dst_types` (composables/globals-signals.yml). */
const POSSIBLY_GENAI_DST = new Set([`${IPTC_DST}digitalArt`, `${IPTC_DST}composite`]);

/** The inception rules: each is `_createdWithDst(@, <uri>)`, a created or opened action with that source type. */
const INCEPTION_RULES: ReadonlyArray<{ signal: InceptionSignal; ruleId: string; sourceTypes: string[] }> = [
  {
    signal: 'fullyGenAI',
    ruleId: 'inception:signal_fullyGenAIMedia',
    sourceTypes: [`${IPTC_DST}trainedAlgorithmicMedia`],
  },
  {
    signal: 'partlyGenAI',
    ruleId: 'inception:signal_partlyGenAICreation',
    sourceTypes: [`${IPTC_DST}compositeWithTrainedAlgorithmicMedia`],
  },
  {
    signal: 'compositionMayContainGenAI',
    ruleId: 'inception:signal_compositionMayContainGenAI',
    sourceTypes: [`${IPTC_DST}composite`],
  },
  {
    signal: 'capturedMedia',
    ruleId: 'inception:signal_capturedMedia',
    sourceTypes: [`${IPTC_DST}digitalCapture`, `${IPTC_DST}computationalCapture`],
  },
  {
    signal: 'capturedMediaStitched',
    ruleId: 'inception:signal_capturedMediaStitched',
    sourceTypes: [`${IPTC_DST}compositeCapture`],
  },
  {
    signal: 'screenCaptureMayContainGenAI',
    ruleId: 'inception:signal_screenCaptureMayContainGenAI',
    sourceTypes: [`${IPTC_DST}screenCapture`],
  },
  {
    signal: 'nonGenAIDigitalCreation',
    ruleId: 'inception:signal_nonGenAIDigitalCreation',
    sourceTypes: [`${IPTC_DST}digitalCreation`],
  },
  { signal: 'blankCanvas', ruleId: 'inception:signal_blankCanvas', sourceTypes: [`${C2PA_DST}empty`] },
];

const EVIDENCE_CHARS = 240;

function cap(value: string): string {
  return value.length > EVIDENCE_CHARS ? `${value.slice(0, EVIDENCE_CHARS - 1)}…` : value;
}

/** "c2pa.created with digitalSourceType trainedAlgorithmicMedia (in its parameters) by DALL·E". */
function describe(action: ManifestAction): string {
  let out = action.action;
  if (action.digitalSourceType) {
    out += ` with digitalSourceType ${sourceTypeTerm(action.digitalSourceType)}`;
    if (action.sourceTypeFrom === 'parameter') out += ' (in its parameters)';
  }
  if (action.softwareAgent) out += ` by ${action.softwareAgent}`;
  return out;
}

function list(items: string[], max = 4): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}

interface Found extends AssetSignal {
  relation: ManifestRelation;
}

type Emit = (signal: Omit<Found, 'manifestLabel' | 'where' | 'relation'>) => void;

function inceptionRules(actions: ManifestAction[], emit: Emit): void {
  for (const rule of INCEPTION_RULES) {
    const hit = actions.find(
      (a) =>
        INCEPTION_ACTIONS.has(a.action) &&
        a.digitalSourceType !== undefined &&
        rule.sourceTypes.includes(a.digitalSourceType),
    );
    if (hit) emit({ kind: 'inception', signal: rule.signal, ruleId: rule.ruleId, evidence: describe(hit) });
  }
}

/**
 * `inception:signal_mediaUnknownProvenance`: an ingredient with no manifest of its own. C2PA 2.4 lets such an
 * ingredient state its digitalSourceType instead (rule `validation:ingredient_v3_choice`); it is named in the
 * evidence, the rubric gives it no signal of its own.
 */
function unknownProvenanceRule(manifest: JsonObject, emit: Emit): void {
  const orphans = ingredientsOf(manifest).filter((i) => !ingredientManifestLabel(i));
  if (orphans.length === 0) return;
  const names = orphans.map((i) => {
    const title = text(i.title, 60) ?? 'untitled';
    const source = canonicalSourceType(i.digitalSourceType ?? i.digital_source_type);
    const about = [text(i.relationship, 30), source && sourceTypeTerm(source)].filter(Boolean).join(', ');
    return about ? `"${title}" (${about})` : `"${title}"`;
  });
  emit({
    kind: 'inception',
    signal: 'mediaUnknownProvenance',
    ruleId: 'inception:signal_mediaUnknownProvenance',
    evidence: `ingredient without Content Credentials: ${list(names, 3)}`,
  });
}

/** The perceptible transformation rules and `transformation:signal_nonEditorial`. */
function transformationRules(actions: ManifestAction[], emit: Emit): void {
  const perceptible = actions.filter(
    (a) => !INCEPTION_ACTIONS.has(a.action) && !NON_EDITORIAL_ACTIONS.has(a.action),
  );
  const genAI = perceptible.filter((a) => a.digitalSourceType && GENAI_DST.has(a.digitalSourceType));
  const possibly = perceptible.filter(
    (a) => a.digitalSourceType && POSSIBLY_GENAI_DST.has(a.digitalSourceType),
  );
  // As written in the rubric: any declared source type that is not GenAI, so digitalArt and composite count
  // both here and as "possibly GenAI".
  const nonGenAI = perceptible.filter((a) => a.digitalSourceType && !GENAI_DST.has(a.digitalSourceType));
  const nonEditorial = actions.filter((a) => NON_EDITORIAL_ACTIONS.has(a.action));
  const rules: Array<[TransformationSignal, string, ManifestAction[]]> = [
    ['perceptibleGenAI', 'transformation:signal_perceptibleGenAI', genAI],
    ['perceptiblePossiblyGenAI', 'transformation:signal_perceptiblePossiblyGenAI', possibly],
    ['perceptibleNonGenAI', 'transformation:signal_perceptibleNonGenAI', nonGenAI],
  ];
  for (const [signal, ruleId, hits] of rules) {
    if (hits.length > 0)
      emit({ kind: 'transformation', signal, ruleId, evidence: list(hits.map(describe), 3) });
  }
  if (nonEditorial.length > 0)
    emit({
      kind: 'transformation',
      signal: 'nonEditorial',
      ruleId: 'transformation:signal_nonEditorial',
      evidence: list(nonEditorial.map((a) => a.action)),
    });
}

/**
 * `transformation:signal_ambiguousActions`: no actions, `allActionsIncluded` not true, a custom (non-`c2pa.`)
 * action or `c2pa.unknown`. (The rubric's fifth test, actions among gathered assertions, needs the claim's
 * assertion lists, which the engine's JSON does not give.) Perceptible actions without a digitalSourceType are
 * named in the evidence: the rubric cannot tell whether AI was used for them.
 */
function ambiguityRule(read: ReturnType<typeof manifestActions>, emit: Emit): void {
  const reasons: string[] = [];
  if (read.actions.length === 0)
    reasons.push(read.assertions === 0 ? 'no actions assertion' : 'empty actions list');
  else if (!read.allActionsIncluded) reasons.push('allActionsIncluded is not true');
  const custom = read.actions.filter((a) => !a.action.startsWith('c2pa.')).map((a) => a.action);
  if (custom.length > 0) reasons.push(`custom action ${list(custom, 3)}`);
  if (read.actions.some((a) => a.action === 'c2pa.unknown')) reasons.push('a c2pa.unknown action');
  const undeclared = read.actions
    .filter(
      (a) =>
        a.action.startsWith('c2pa.') &&
        !INCEPTION_ACTIONS.has(a.action) &&
        !NON_EDITORIAL_ACTIONS.has(a.action) &&
        !DST_EXEMPT_ACTIONS.has(a.action) &&
        a.action !== 'c2pa.unknown' &&
        !a.digitalSourceType,
    )
    .map((a) => a.action);
  const note = undeclared.length > 0 ? `edits without digitalSourceType: ${list(undeclared)}` : undefined;
  if (reasons.length > 0) {
    const evidence = note ? `${reasons.join('; ')}; ${note}` : reasons.join('; ');
    emit({
      kind: 'transformation',
      signal: 'ambiguousActions',
      ruleId: 'transformation:signal_ambiguousActions',
      evidence,
    });
  } else if (note) {
    emit({
      kind: 'transformation',
      signal: 'ambiguousActions',
      ruleId: INFERRED_RULES.undeclaredEdit,
      evidence: `Inferred: ${note}, so whether AI was used is not said`,
    });
  }
}

/** Camera make or model recorded in an EXIF-style assertion (`stds.exif`, `c2pa.metadata`, …). */
function cameraOf(manifest: JsonObject): string | undefined {
  let make: string | undefined;
  let model: string | undefined;
  for (const { label, data } of assertionsOf(manifest)) {
    if (!/^(?:stds\.exif|stds\.metadata|c2pa\.metadata)$/.test(baseLabel(label))) continue;
    for (const [key, value] of Object.entries(data).slice(0, 100)) {
      if (/(?:^|:)Make$/.test(key)) make ??= text(value, 60);
      else if (/(?:^|:)Model$/.test(key)) model ??= text(value, 60);
    }
  }
  if (make && model) return model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  return make ?? model;
}

/**
 * Inferences where the rubric gives nothing: a `c2pa.created` with no source type by a known AI generator
 * (issue 12, "only in words"), and a first-generation claim with no actions and no ingredients that records the
 * camera that made it (C2PA 1.x did not require actions; Truepic Lens writes such claims at capture time).
 */
function inferenceRules(manifest: JsonObject, read: ReturnType<typeof manifestActions>, emit: Emit): void {
  const generator = generatorOfCreation(manifest, read.actions);
  if (generator)
    emit({
      kind: 'inception',
      signal: 'fullyGenAI',
      ruleId: INFERRED_RULES.generator,
      evidence: `Inferred from the tool that made it: c2pa.created by ${generator}, no digitalSourceType`,
    });
  if (read.assertions > 0 || ingredientsOf(manifest).length > 0) return;
  const camera = cameraOf(manifest);
  if (camera)
    emit({
      kind: 'inception',
      signal: 'capturedMedia',
      ruleId: INFERRED_RULES.capture,
      evidence: `Inferred: no actions or ingredients; the signer recorded the device (${camera}) in its metadata`,
    });
}

function signalsOfNode(node: ManifestNode): Found[] {
  const found: Found[] = [];
  const emit: Emit = (s) =>
    found.push({
      ...s,
      evidence: cap(s.evidence),
      manifestLabel: node.label,
      where: node.where,
      relation: node.relation,
    });
  const read = manifestActions(node.manifest);
  inceptionRules(read.actions, emit);
  unknownProvenanceRule(node.manifest, emit);
  inferenceRules(node.manifest, read, emit);
  transformationRules(read.actions, emit);
  ambiguityRule(read, emit);
  return found;
}

const LINEAGE = new Set<ManifestRelation>(['self', 'parent']);
/** Parts of the asset: components, and manifests we could not place (they are in the asset's store). */
const PARTS = new Set<ManifestRelation>(['component', 'unlinked']);

/** The UI label from the strongest signal; `inputTo` ingredients informed the asset and never label it. */
function labelOf(found: Found[]): string | undefined {
  const has = (signals: Array<InceptionSignal | TransformationSignal>, where: Set<ManifestRelation>) =>
    found.some((f) => signals.includes(f.signal) && where.has(f.relation));
  if (has(['fullyGenAI'], LINEAGE)) return 'Fully AI-generated';
  if (has(['partlyGenAI'], LINEAGE) || has(['fullyGenAI', 'partlyGenAI', 'perceptibleGenAI'], PARTS))
    return 'Contains AI-generated parts';
  if (has(['perceptibleGenAI'], LINEAGE)) return 'Edited with AI';
  // A capture later composited with what the rubric says may be GenAI is no longer simply a capture.
  const mayContainGenAI = has(['compositionMayContainGenAI', 'perceptiblePossiblyGenAI'], LINEAGE);
  if (has(['capturedMedia', 'capturedMediaStitched'], LINEAGE) && !mayContainGenAI) return 'Camera capture';
  if (has(['screenCaptureMayContainGenAI'], LINEAGE)) return 'Screen capture';
  if (has(['nonGenAIDigitalCreation'], LINEAGE)) return 'Digital creation';
  return undefined;
}

function publicSignal({ relation: _relation, ...signal }: Found): AssetSignal {
  return signal;
}

/** The rubric's signals for every manifest of a store, active manifest first. Never throws. */
export function assetSignals(store: unknown): AssetSignals {
  try {
    if (!isObject(store)) return { inception: [], transformations: [] };
    const found = manifestGraph(store).flatMap(signalsOfNode);
    const declared = found.filter((f) => !isInferredSignal(f));
    const label = labelOf(declared) ?? labelOf(found);
    const result: AssetSignals = {
      inception: found
        .filter((f) => f.kind === 'inception')
        .slice(0, SIGNAL_LIMITS.perList)
        .map(publicSignal),
      transformations: found
        .filter((f) => f.kind === 'transformation')
        .slice(0, SIGNAL_LIMITS.perList)
        .map(publicSignal),
    };
    if (label) result.label = label;
    return result;
  } catch {
    // Defensive: a store shaped in a way no check above foresaw yields no signals rather than a broken page.
    return { inception: [], transformations: [] };
  }
}
