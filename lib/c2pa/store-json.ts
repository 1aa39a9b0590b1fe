/**
 * Defensive readers for the engine's manifest-store JSON (c2pa-rs `Reader::json()`).
 * Everything in a manifest is written by whoever made the file, so every field is type-checked and capped here
 * and callers never see a value of the wrong type. Shape: https://github.com/contentauth/c2pa-rs/blob/main/docs/usage.md
 */

export type JsonObject = Record<string, unknown>;

/** Caps that bound the work done on one hostile store. */
export const STORE_LIMITS = {
  /** Characters kept of any text field. */
  text: 200,
  manifests: 200,
  assertionsPerManifest: 200,
  actionsPerManifest: 100,
  ingredientsPerManifest: 100,
} as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function array(value: unknown, max = Number.POSITIVE_INFINITY): unknown[] {
  return Array.isArray(value) ? value.slice(0, max) : [];
}

/** A trimmed, non-empty, capped string, or undefined for anything else. */
export function text(value: unknown, max: number = STORE_LIMITS.text): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}

/** `c2pa.actions__2` → `c2pa.actions`: the `__N` suffix only numbers repeated instances (C2PA 2.2 §6.3). */
export function baseLabel(label: string): string {
  return label.replace(/__\d+$/, '');
}

/** `c2pa.actions`, `c2pa.actions.v2`, and their `__N` instances. */
export function isActionsLabel(label: string): boolean {
  return /^c2pa\.actions(?:\.v\d+)?$/.test(baseLabel(label));
}

export interface StoreAssertion {
  label: string;
  data: JsonObject;
}

/** The manifest's assertions as `{label, data}`; entries without a string label are dropped. */
export function assertionsOf(manifest: JsonObject): StoreAssertion[] {
  const out: StoreAssertion[] = [];
  for (const a of array(manifest.assertions, STORE_LIMITS.assertionsPerManifest)) {
    if (isObject(a) && typeof a.label === 'string')
      out.push({ label: a.label, data: isObject(a.data) ? a.data : {} });
  }
  return out;
}

/** The store's manifests by label, at most STORE_LIMITS.manifests, non-objects dropped. */
export function manifestsOf(store: unknown): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  if (!isObject(store) || !isObject(store.manifests)) return out;
  for (const [label, manifest] of Object.entries(store.manifests)) {
    if (out.size >= STORE_LIMITS.manifests) break;
    if (isObject(manifest)) out.set(label, manifest);
  }
  return out;
}

/** A software agent given as a string (claims v1) or as a generator-info map with a name (claims v2). */
export function agentName(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (isObject(value)) return text(value.name);
  return undefined;
}

/** Every name the manifest gives its claim generator: `claim_generator` and each `claim_generator_info` name. */
export function claimGeneratorNames(manifest: JsonObject): string[] {
  const names: string[] = [];
  const plain = text(manifest.claim_generator);
  if (plain) names.push(plain);
  const info = manifest.claim_generator_info;
  for (const entry of Array.isArray(info) ? array(info, 10) : [info]) {
    const name = agentName(entry);
    if (name) names.push(name);
  }
  return names;
}
