import { describe, expect, it } from 'vitest';
import { randomHash256 } from './random-hash.ts';
import { seededRandom } from './seeded-random.ts';

describe('randomHash256', () => {
  it('gives 64 hex digits, the same for the same seed, different for another', () => {
    const a = randomHash256(seededRandom(1));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(randomHash256(seededRandom(1))).toBe(a);
    expect(randomHash256(seededRandom(2))).not.toBe(a);
  });
});
