/**
 * Validates a standalone C2PA manifest store (a `.c2pa` file: the JUMBF superbox alone, MIME
 * `application/c2pa`) with the engine: signatures, certificate trust, assertions, ingredients.
 *
 * What cannot hold for a store read on its own: its hard binding. `c2pa.hash.data` / `.boxes` / `.bmff` hash
 * the asset the manifest was made for, and a recovered store is paired with a copy (re-encoded, resized,
 * stripped) whose bytes differ by nature. The engine then reports `assertion.*Hash.mismatch`; those codes are
 * moved out of the evidence into `unbound` and the state is recomputed without them, so a recovered manifest
 * is never called "tampered" for the one check that cannot apply. Every other failure stays.
 * Spec, hard bindings: https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_hard_bindings
 */
import type { C2paEvidence } from '../evidence/types.ts';
import type { C2paEngine } from './engine.ts';
import { classifyEngineError } from './engine-error.ts';
import { mapper, type ReadC2paOptions } from './read-c2pa.ts';
import { looksLikeManifestStore } from './remote-manifest.ts';
import { errorEvidence } from './to-evidence.ts';
import { buildEngineSettings } from './trust-settings.ts';

/** The MIME type c2pa-rs reads a bare manifest store as. */
export const MANIFEST_STORE_MIME = 'application/c2pa';

/** Hard-binding checks: they compare the manifest with the exact bytes of the asset it was signed for. */
export const HARD_BINDING_MISMATCH = /^assertion\.(dataHash|boxesHash|bmffHash|collectionHash)\.mismatch$/;

export interface StandaloneC2paEvidence extends C2paEvidence {
  /** Hard-binding codes the engine reported, which a copy cannot satisfy (not counted as failures). */
  unbound: string[];
}

interface StatusEntry {
  code?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function codeOf(e: unknown): string {
  return isObject(e) && typeof (e as StatusEntry).code === 'string'
    ? ((e as StatusEntry).code as string)
    : '';
}

/**
 * The store JSON with the active manifest's hard-binding mismatches removed and `validation_state`
 * recomputed the way c2pa-rs does: Invalid while any failure other than an untrusted signer remains,
 * otherwise Trusted when the signer chained to a list, else Valid.
 */
export function withoutHardBinding(json: string): { json: string; unbound: string[] } {
  const store = JSON.parse(json) as Record<string, unknown>;
  const unbound = new Set<string>();
  const drop = (list: unknown): unknown =>
    Array.isArray(list)
      ? list.filter((e) => {
          const hard = HARD_BINDING_MISMATCH.test(codeOf(e));
          if (hard) unbound.add(codeOf(e));
          return !hard;
        })
      : list;
  const results = store.validation_results;
  const active = isObject(results) && isObject(results.activeManifest) ? results.activeManifest : undefined;
  if (active) active.failure = drop(active.failure);
  if (Array.isArray(store.validation_status)) store.validation_status = drop(store.validation_status);
  if (unbound.size > 0 && store.validation_state === 'Invalid' && active) {
    const failures = (Array.isArray(active.failure) ? active.failure : []).map(codeOf);
    const success = (Array.isArray(active.success) ? active.success : []).map(codeOf);
    if (failures.every((c) => c === 'signingCredential.untrusted')) {
      store.validation_state = success.includes('signingCredential.trusted') ? 'Trusted' : 'Valid';
    }
  }
  return { json: JSON.stringify(store), unbound: [...unbound] };
}

/** Reads a standalone manifest store. Never throws: unusable input gives an 'error' evidence. */
export async function readManifestStore(
  engine: C2paEngine,
  store: Uint8Array,
  options: ReadC2paOptions,
): Promise<StandaloneC2paEvidence> {
  if (!looksLikeManifestStore(store))
    return { ...errorEvidence('This is not a C2PA manifest store.'), unbound: [] };
  const toEvidence = mapper(options);
  try {
    let unbound: string[] = [];
    const evidence = await engine.read(
      MANIFEST_STORE_MIME,
      store,
      buildEngineSettings(options.trust),
      (reader) =>
        toEvidence({
          json: () => {
            const adjusted = withoutHardBinding(reader.json());
            unbound = adjusted.unbound;
            return adjusted.json;
          },
          resourceToBytes: (uri) => reader.resourceToBytes(uri),
          crJson: () => reader.crJson(),
        }),
    );
    return { ...evidence, unbound };
  } catch (error) {
    return { ...errorEvidence(classifyEngineError(error).reason), unbound: [] };
  }
}
