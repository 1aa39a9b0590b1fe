import { locateManifestStore } from './extract-manifest-store.ts';

/** A data-hash exclusion as the signed `c2pa.hash.data` assertion records it. */
export interface HashExclusion {
  start: number;
  length: number;
}

/**
 * When c2pa-rs finds that a data-hash exclusion does not cover the manifest store where it now sits, and the
 * hash fails too, there are two explanations, and they deserve different verdicts:
 * - the signing tool measured its own store wrongly (Truepic Lens iOS 1.5 starts the exclusion at the APP11
 *   segment's length field, 2 bytes in): malformed credentials, "could not check";
 * - the file was changed after signing: bytes were added or removed before the store (a segment, a chunk,
 *   fill bytes), so the store moved and everything after the change is hashed at other offsets: tampered.
 * A tool that pointed at its own store is off by less than the container's framing before the box (the
 * segment's marker, length and JPEG XT header; a chunk's length and type). An exclusion of the store's
 * extent at any other offset means that the store moved.
 *
 * Returns how far the store moved (positive: it sits later than where it was signed, so bytes were added
 * before it), or undefined when it did not move, or when its place cannot be found in these bytes.
 */
export function manifestMoved(bytes: Uint8Array, exclusions: readonly HashExclusion[]): number | undefined {
  const place = locateManifestStore(bytes);
  if (!place) return undefined;
  const valid = exclusions.filter(
    (e) => Number.isSafeInteger(e.start) && Number.isSafeInteger(e.length) && e.start >= 0 && e.length >= 0,
  );
  if (valid.length === 0) return undefined;
  // The exclusion meant for the store: the one that starts nearest to it.
  const meant = valid.reduce((best, e) =>
    Math.abs(e.start - place.start) < Math.abs(best.start - place.start) ? e : best,
  );
  const by = place.start - meant.start;
  // An exclusion of another extent (the 2023 Truepic SDK excluded everything from the file's first byte to
  // the store's end) measures something else than this store: nothing says whether the store moved.
  const sameExtent = Math.abs(meant.length - (place.end - place.start)) <= place.header + 4;
  const ownMistake = by < 0 && -by <= place.header;
  return !sameExtent || by === 0 || ownMistake ? undefined : by;
}

/** The exclusions of the active manifest's data-hash assertion, from c2pa-rs's crJSON; [] when absent. */
export function activeExclusions(crJson: string, activeLabel: string): HashExclusion[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(crJson);
  } catch {
    return [];
  }
  const manifests = (parsed as { manifests?: unknown })?.manifests;
  if (!Array.isArray(manifests)) return [];
  const active = manifests.find((m) => (m as { label?: unknown })?.label === activeLabel) as
    | { assertions?: Record<string, unknown> }
    | undefined;
  const assertions = active?.assertions;
  if (!assertions || typeof assertions !== 'object') return [];
  const out: HashExclusion[] = [];
  for (const [label, value] of Object.entries(assertions)) {
    if (!label.startsWith('c2pa.hash.data')) continue;
    const list = (value as { exclusions?: unknown })?.exclusions;
    if (!Array.isArray(list)) continue;
    for (const e of list.slice(0, 64)) {
      const { start, length } = (e ?? {}) as { start?: unknown; length?: unknown };
      if (typeof start === 'number' && typeof length === 'number') out.push({ start, length });
    }
  }
  return out;
}
