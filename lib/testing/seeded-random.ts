/**
 * A small seeded PRNG (mulberry32) for tests, fuzz corpora and benchmark pages: the same seed gives the same
 * sequence on every machine, so a failing fuzz input can be rebuilt from its name and bench pages come out
 * byte-identical on every run. Not for anything that needs real randomness.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
