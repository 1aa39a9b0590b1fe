import { seededRandom } from '../../lib/testing/seeded-random.ts';

/** The bench pages must come out byte-identical on every machine and run. */
export const createRng = seededRandom;

export function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function between(rng: () => number, min: number, max: number): number {
  return Math.round(min + rng() * (max - min));
}

/** Fisher–Yates with the seeded generator. */
export function shuffled<T>(rng: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
