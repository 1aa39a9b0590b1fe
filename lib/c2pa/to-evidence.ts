import type {
  C2paAction,
  C2paAiDeclaration,
  C2paChainStep,
  C2paEvidence,
  C2paIngredient,
  C2paSigner,
  C2paTrust,
  C2paTrustList,
} from '../evidence/types.ts';
import { inferredGenerator } from './ai-generators.ts';
import { assetSignals } from './asset-signals.ts';
import { classifyFailures, type FailureEntry } from './classify-failures.ts';
import { resigningService } from './resigning-services.ts';
import {
  agentName,
  array,
  assertionsOf,
  baseLabel,
  isActionsLabel,
  isObject,
  type JsonObject,
  STORE_LIMITS,
  text,
} from './store-json.ts';

/**
 * Pure mapping from the engine's manifest-store JSON (c2pa-rs `Reader::json()`) to `C2paEvidence`.
 * Manifest content is written by whoever made the file, so everything is type-checked, trimmed and
 * capped before it reaches the cache and the UI.
 * JSON shape: https://github.com/contentauth/c2pa-rs/blob/main/docs/usage.md (manifest store) and the
 * C2PA validation results: https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_validation_results
 */

export const LIMITS = {
  /** Characters kept of any text field (titles, generators, descriptions). */
  text: STORE_LIMITS.text,
  actionsPerManifest: 100,
  ingredientDepth: 6,
  ingredientNodes: 100,
  aiDeclarations: 20,
  codes: 100,
  /** The raw store JSON is kept for the details page only up to this size. */
  rawChars: 256 * 1024,
} as const;

/** digitalSourceType values that declare generative AI (IPTC NewsCodes), per docs/architecture.md "Evidence and verdict" (AI declared). */
const AI_SOURCE_TYPE = /(?:^|[/#:])(?:trainedAlgorithmicMedia|compositeWithTrainedAlgorithmicMedia)$/;

/** Vendor assertions that declare generative AI without a digitalSourceType (early Adobe Firefly). */
export const AI_VENDOR_ASSERTIONS: readonly string[] = ['com.adobe.generative-ai'];

interface StatusEntry {
  code: string;
  url?: string;
  explanation?: string;
}

interface StatusLists {
  success: StatusEntry[];
  informational: StatusEntry[];
  failure: StatusEntry[];
}

function statusEntries(value: unknown): StatusEntry[] {
  const out: StatusEntry[] = [];
  for (const item of array(value)) {
    if (!isObject(item) || typeof item.code !== 'string') continue;
    out.push({
      code: item.code,
      ...(typeof item.url === 'string' ? { url: item.url } : {}),
      ...(typeof item.explanation === 'string' ? { explanation: item.explanation } : {}),
    });
  }
  return out;
}

function statusLists(value: unknown): StatusLists {
  const v = isObject(value) ? value : {};
  return {
    success: statusEntries(v.success),
    informational: statusEntries(v.informational),
    failure: statusEntries(v.failure),
  };
}

/** The store's validation results: the active manifest's lists and each ingredient's deltas. */
function validation(store: JsonObject): {
  active: StatusLists;
  deltas: StatusLists[];
  status: StatusEntry[];
} {
  const results = isObject(store.validation_results) ? store.validation_results : {};
  return {
    active: statusLists(results.activeManifest),
    deltas: array(results.ingredientDeltas).map((d) =>
      statusLists(isObject(d) ? d.validationDeltas : undefined),
    ),
    status: statusEntries(store.validation_status),
  };
}

/** Failure and informational codes (not successes), failures first, each once. */
function collectCodes(v: ReturnType<typeof validation>): string[] {
  const ordered = [
    ...v.active.failure,
    ...v.status,
    ...v.deltas.flatMap((d) => d.failure),
    ...v.active.informational,
    ...v.deltas.flatMap((d) => d.informational),
  ].map((e) => e.code);
  return [...new Set(ordered)].slice(0, LIMITS.codes);
}

function manifestsOf(store: JsonObject): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  if (!isObject(store.manifests)) return out;
  for (const [label, manifest] of Object.entries(store.manifests))
    if (isObject(manifest)) out[label] = manifest;
  return out;
}

function claimGenerator(manifest: JsonObject): string | undefined {
  const plain = text(manifest.claim_generator);
  if (plain) return plain;
  // Claims v2 drop the string and keep only claim_generator_info: render it as "name/version".
  const info = array(manifest.claim_generator_info).find(isObject);
  const name = info && text(info.name);
  if (!name) return undefined;
  const version = info && text(info.version);
  return version ? `${name}/${version}` : name;
}

/** The time-stamp authority's name, from the engine's timeStamp.* explanation for this manifest. */
function timestampAuthority(label: string, entries: StatusEntry[]): string | undefined {
  const marker = `/c2pa/${label}/`;
  const ranked = ['timeStamp.trusted', 'timeStamp.validated', 'timeStamp.untrusted'];
  for (const code of ranked) {
    for (const entry of entries) {
      if (entry.code !== code || !entry.url?.includes(marker) || !entry.explanation) continue;
      // e.g. "timestamp cert trusted: DigiCert SHA256 RSA4096 Timestamp Responder 2025 1, trust list: x"
      const colon = entry.explanation.indexOf(': ');
      if (colon < 0) continue;
      const name = text(entry.explanation.slice(colon + 2).replace(/, trust list: .*$/, ''));
      if (name) return name;
    }
  }
  return undefined;
}

function signerOf(manifest: JsonObject, label: string, entries: StatusEntry[]): C2paSigner | undefined {
  const info = isObject(manifest.signature_info) ? manifest.signature_info : {};
  const signer: C2paSigner = {};
  const issuer = text(info.issuer);
  const commonName = text(info.common_name);
  const time = text(info.time, 64);
  const tsa = timestampAuthority(label, entries);
  if (issuer) signer.issuer = issuer;
  if (commonName) signer.commonName = commonName;
  if (time) signer.time = time;
  if (tsa) signer.timestampAuthority = tsa;
  return Object.keys(signer).length > 0 ? signer : undefined;
}

function actionsOf(manifest: JsonObject): C2paAction[] {
  const out: C2paAction[] = [];
  for (const { label, data } of assertionsOf(manifest)) {
    if (!isActionsLabel(label)) continue;
    const agents = array(data.softwareAgents);
    for (const raw of array(data.actions)) {
      if (out.length >= LIMITS.actionsPerManifest) return out;
      if (!isObject(raw)) continue;
      const name = text(raw.action);
      if (!name) continue;
      const action: C2paAction = { action: name };
      const when = text(raw.when, 64);
      // v2 actions may point into the assertion's softwareAgents list instead of naming the agent.
      const agent =
        agentName(raw.softwareAgent) ??
        (typeof raw.softwareAgentIndex === 'number' ? agentName(agents[raw.softwareAgentIndex]) : undefined);
      const source = text(raw.digitalSourceType);
      const parameters = isObject(raw.parameters) ? raw.parameters : {};
      const description = text(raw.description) ?? text(parameters.description);
      if (when) action.when = when;
      if (agent) action.softwareAgent = agent;
      if (source) action.digitalSourceType = source;
      if (description) action.description = description;
      out.push(action);
    }
  }
  return out;
}

/**
 * A digitalSourceType given in an action's `parameters` instead of on the action, e.g. Firefly with a
 * third-party model writes `com.adobe.digitalSourceType` on a `c2pa.opened` action (issue 12, rule 5).
 */
function parameterSourceType(entry: JsonObject): string | undefined {
  const parameters = isObject(entry.parameters) ? entry.parameters : undefined;
  if (!parameters) return undefined;
  for (const [key, value] of Object.entries(parameters)) {
    if (/(?:^|[.:_])digitalSourceType$/i.test(key)) {
      const v = text(value) ?? (isObject(value) ? text(value['@id']) : undefined);
      if (v) return v;
    }
  }
  return undefined;
}

interface SourceType {
  value: string;
  how?: 'parameter';
}

/** digitalSourceType values declared anywhere in a manifest: actions, their parameters, templates, IPTC metadata. */
function sourceTypesOf(manifest: JsonObject): SourceType[] {
  const found: SourceType[] = [];
  for (const { label, data } of assertionsOf(manifest)) {
    if (isActionsLabel(label)) {
      for (const entry of [...array(data.actions), ...array(data.templates)]) {
        if (!isObject(entry)) continue;
        const value = text(entry.digitalSourceType);
        if (value) found.push({ value });
        const inParameters = parameterSourceType(entry);
        if (inParameters) found.push({ value: inParameters, how: 'parameter' });
      }
    } else if (/^(stds\.iptc|c2pa\.metadata)/.test(label)) {
      for (const [key, value] of Object.entries(data)) {
        if (!/digitalsourcetype$/i.test(key)) continue;
        const v = text(value) ?? (isObject(value) ? text(value['@id']) : undefined);
        if (v) found.push({ value: v });
      }
    }
  }
  return found;
}

/** AI declarations in the whole store: the active manifest first, then every ingredient manifest. */
export function aiDeclarations(storeJson: unknown): C2paAiDeclaration[] {
  const store = isObject(storeJson) ? storeJson : {};
  const active = typeof store.active_manifest === 'string' ? store.active_manifest : undefined;
  const manifests = manifestsOf(store);
  const labels = Object.keys(manifests).sort((a, b) => Number(b === active) - Number(a === active));
  const out: C2paAiDeclaration[] = [];
  const seen = new Set<string>();
  const add = (decl: C2paAiDeclaration) => {
    const key = `${decl.where}|${decl.value}|${decl.manifestLabel ?? ''}`;
    if (seen.has(key) || out.length >= LIMITS.aiDeclarations) return;
    seen.add(key);
    out.push(decl);
  };
  for (const label of labels) {
    const manifest = manifests[label];
    if (!manifest) continue;
    const where = label === active ? 'active' : 'ingredient';
    for (const { value, how } of sourceTypesOf(manifest)) {
      if (AI_SOURCE_TYPE.test(value)) add({ where, value, manifestLabel: label, ...(how ? { how } : {}) });
    }
    for (const { label: assertion } of assertionsOf(manifest)) {
      const base = baseLabel(assertion);
      if (AI_VENDOR_ASSERTIONS.includes(base))
        add({ where: 'vendor-assertion', value: base, manifestLabel: label });
    }
  }
  return out;
}

/**
 * The label of the list that the active manifest's signer chained to, from the engine's
 * `signingCredential.trusted` entry ("signing certificate trusted, found in [<trust_uri>] trust anchors").
 * Undefined when the signer is not trusted; '' when trusted with no list named (an allow-listed
 * end-entity certificate). `validation_results.trustListUri` is not used alone: c2pa-rs 0.92 also sets it
 * when only a *timestamp* was trusted through a signing list ("legacy timestamp"), which would raise an
 * untrusted signer's tier.
 */
export function signerTrustUri(storeJson: unknown): string | undefined {
  const store = isObject(storeJson) ? storeJson : {};
  const v = validation(store);
  if (v.active.failure.some((e) => e.code === 'signingCredential.untrusted')) return undefined;
  for (const entry of v.active.success) {
    if (entry.code !== 'signingCredential.trusted') continue;
    const uri = /found in \[([^\]]*)\]/.exec(entry.explanation ?? '')?.[1];
    if (uri) return uri;
    const results = isObject(store.validation_results) ? store.validation_results : {};
    return typeof results.trustListUri === 'string' ? results.trustListUri : '';
  }
  return undefined;
}

/** The active manifest's thumbnail reference, for reading its bytes from the engine. */
export function activeThumbnail(storeJson: unknown): { identifier: string; format: string } | undefined {
  const store = isObject(storeJson) ? storeJson : {};
  const active =
    typeof store.active_manifest === 'string' ? manifestsOf(store)[store.active_manifest] : undefined;
  const thumb = active && isObject(active.thumbnail) ? active.thumbnail : undefined;
  if (!thumb || typeof thumb.identifier !== 'string' || typeof thumb.format !== 'string') return undefined;
  return { identifier: thumb.identifier, format: thumb.format };
}

interface TreeContext {
  manifests: Record<string, JsonObject>;
  entries: StatusEntry[];
  nodes: number;
}

/**
 * One ingredient and, through the manifest it carries, its own ingredients. The path set makes a cycle
 * (a manifest listing itself, directly or not) stop as `truncated` instead of recursing; the depth and
 * node caps bound a wide or deep tree built to exhaust memory.
 */
function ingredientNode(
  raw: JsonObject,
  ctx: TreeContext,
  depth: number,
  path: ReadonlySet<string>,
): C2paIngredient {
  ctx.nodes++;
  const node: C2paIngredient = { actions: [], ingredients: [] };
  const title = text(raw.title);
  const format = text(raw.format, 100);
  const relationship = text(raw.relationship, 50);
  const label = text(raw.active_manifest, 500) ?? text(raw.manifest, 500);
  if (title) node.title = title;
  if (format) node.format = format;
  if (relationship) node.relationship = relationship;
  if (label) node.manifestLabel = label;
  const manifest = label ? ctx.manifests[label] : undefined;
  if (!label || !manifest) return node;
  const generator = claimGenerator(manifest);
  const signer = signerOf(manifest, label, ctx.entries);
  if (generator) node.claimGenerator = generator;
  if (signer) node.signer = signer;
  node.actions = actionsOf(manifest);
  const children = array(manifest.ingredients).filter(isObject);
  if (children.length === 0) return node;
  if (depth >= LIMITS.ingredientDepth || path.has(label)) {
    node.truncated = true;
    return node;
  }
  const next = new Set(path).add(label);
  for (const child of children) {
    if (ctx.nodes >= LIMITS.ingredientNodes) {
      node.truncated = true;
      break;
    }
    node.ingredients.push(ingredientNode(child, ctx, depth + 1, next));
  }
  return node;
}

/**
 * The active manifest and its parents (`parentOf` ingredients), newest first: who signed each step of
 * this file's own history. A CDN that re-signs a resized image is the first step; the origin is below it.
 */
export function signingChain(manifests: Record<string, JsonObject>, activeLabel: string): C2paChainStep[] {
  const steps: C2paChainStep[] = [];
  const seen = new Set<string>();
  let label: string | undefined = activeLabel;
  while (label && !seen.has(label) && steps.length < LIMITS.ingredientDepth * 2) {
    seen.add(label);
    const manifest: JsonObject | undefined = manifests[label];
    if (!manifest) break;
    const signer = signerOf(manifest, label, []);
    const generator = claimGenerator(manifest);
    const resigner = resigningService(signer?.commonName, signer?.issuer, generator);
    steps.push({
      manifestLabel: label.slice(0, 500),
      ...(signer ? { signer } : {}),
      ...(generator ? { claimGenerator: generator } : {}),
      ...(resigner ? { resigner } : {}),
    });
    const parent: JsonObject | undefined = array(manifest.ingredients)
      .filter(isObject)
      .find((i) => i.relationship === 'parentOf');
    label = parent ? (text(parent.active_manifest, 500) ?? text(parent.manifest, 500)) : undefined;
  }
  return steps;
}

/** Evidence for "no Content Credentials". */
export function noneEvidence(): C2paEvidence {
  return { state: 'none', trust: null, codes: [], aiGenerated: false, actions: [], ingredients: [] };
}

/** Evidence for "could not check", with the reason shown to the user. */
export function errorEvidence(reason: string, extra: Partial<C2paEvidence> = {}): C2paEvidence {
  return {
    state: 'error',
    trust: null,
    codes: [],
    aiGenerated: false,
    actions: [],
    ingredients: [],
    ...extra,
    error: reason,
  };
}

export interface ToEvidenceOptions {
  /**
   * Maps the matched list's URI (or undefined: no list named) to the signing list and its tier; see
   * trust-settings.ts. `engineTrusted`: the engine trusted the signer (e.g. through an allow list).
   */
  trust: (
    trustUri: string | undefined,
    engineTrusted: boolean,
  ) => { list: C2paTrustList | null; tier: C2paTrust };
  /** A data: URL of the thumbnail, already size-checked by the caller. */
  thumbnail?: string;
  /** Cap for `raw` (characters of JSON); default LIMITS.rawChars. */
  maxRawChars?: number;
  /** The store moved since signing, by this many bytes (lib/c2pa/manifest-moved.ts). */
  movedBy?: number;
}

/**
 * Bumped when the evidence mapped from the same engine output changes meaning (part of the cache version, so
 * cached results are read again): 2 = a manifest that moved since signing is tampering (manifest-moved.ts).
 */
export const EVIDENCE_MAPPING = 2;

/** Maps the store JSON text to evidence. Unusable JSON gives an 'error' evidence, never an exception. */
export function toEvidence(storeJson: string, options: ToEvidenceOptions): C2paEvidence {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storeJson);
  } catch {
    return errorEvidence('The C2PA checker returned unreadable results.');
  }
  if (!isObject(parsed)) return errorEvidence('The C2PA checker returned unreadable results.');
  const store = parsed;
  const manifests = manifestsOf(store);
  const activeLabel = typeof store.active_manifest === 'string' ? store.active_manifest : undefined;
  const active = activeLabel ? manifests[activeLabel] : undefined;
  if (!activeLabel || !active) return errorEvidence('The Content Credentials have no active manifest.');

  const v = validation(store);
  const codes = collectCodes(v);
  const entries = [
    ...v.active.success,
    ...v.active.informational,
    ...v.active.failure,
    ...v.deltas.flatMap((d) => [...d.success, ...d.informational, ...d.failure]),
  ];
  // Only failure lists decide; informational codes (additionalExclusionsPresent, unknownProvenance…) never
  // count against an item (issue 12, rule 1). validation_status is the older flat list of failures.
  const failureEntries: FailureEntry[] = [
    ...v.active.failure,
    ...v.status,
    ...v.deltas.flatMap((d) => d.failure),
  ].slice(0, LIMITS.codes);
  const failures = classifyFailures(failureEntries, activeLabel, options.movedBy);

  // validation_state is c2pa-rs's verdict over the whole store (an ingredient's expired certificate makes
  // it Invalid); our state speaks of the active manifest only, and keeps the engine's beside it.
  const validationState = store.validation_state;
  // Credential findings the engine itself does not count (an unconfirmed CAWG identity on a Valid store)
  // leave the state valid; an expired certificate makes the engine say Invalid, and so do we.
  const activeFailed =
    failures.tamper.length + failures.malformed.length + failures.conformance.length > 0 ||
    (failures.credential.length > 0 && validationState === 'Invalid');
  const state: C2paEvidence['state'] = activeFailed ? 'invalid' : 'valid';
  const trustUri = signerTrustUri(store);
  const trust = options.trust(trustUri, trustUri !== undefined);

  const ai = aiDeclarations(store);
  // AI declared only in words: a c2pa.created by a known generator with no digitalSourceType (rule 5).
  const inferred = ai.length === 0 ? inferredGenerator(store) : undefined;
  if (inferred) {
    ai.push({
      where: inferred.where,
      value: inferred.name,
      manifestLabel: inferred.manifestLabel,
      how: 'inferred',
    });
  }
  const evidence: C2paEvidence = {
    state,
    trust: trust.tier,
    trustList: trust.list,
    ...(typeof validationState === 'string' ? { validationState: validationState.slice(0, 20) } : {}),
    failures,
    codes,
    aiGenerated: ai.length > 0,
    actions: actionsOf(active),
    ingredients: [],
    activeManifest: text(activeLabel, 500) ?? activeLabel.slice(0, 500),
  };
  if (ai.length > 0) evidence.ai = ai;
  const signer = signerOf(active, activeLabel, entries);
  if (signer) evidence.signer = signer;
  const generator = claimGenerator(active);
  if (generator) evidence.claimGenerator = generator;
  const title = text(active.title);
  if (title) evidence.title = title;
  const format = text(active.format, 100);
  if (format) evidence.format = format;

  const ctx: TreeContext = { manifests, entries, nodes: 0 };
  const root = new Set([activeLabel]);
  for (const raw of array(active.ingredients).filter(isObject)) {
    if (ctx.nodes >= LIMITS.ingredientNodes) break;
    evidence.ingredients.push(ingredientNode(raw, ctx, 1, root));
  }

  const signals = assetSignals(store);
  if (signals.label || signals.inception.length > 0 || signals.transformations.length > 0) {
    evidence.signals = signals;
  }

  const chain = signingChain(manifests, activeLabel);
  if (chain.length > 1 || chain[0]?.resigner) evidence.signingChain = chain;

  if (options.thumbnail) evidence.thumbnail = options.thumbnail;
  const maxRaw = options.maxRawChars ?? LIMITS.rawChars;
  evidence.raw =
    storeJson.length <= maxRaw
      ? store
      : {
          truncated: true,
          jsonChars: storeJson.length,
          active_manifest: activeLabel,
          validation_state: validationState,
          validation_status: store.validation_status,
        };
  return evidence;
}
