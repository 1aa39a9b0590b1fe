import { describe, expect, it } from 'vitest';
import { concatBytes } from './concat-bytes.ts';

describe('concatBytes', () => {
  it('joins the parts in order, and nothing into an empty buffer', () => {
    expect([...concatBytes([new Uint8Array([1, 2]), new Uint8Array(0), new Uint8Array([3])])]).toEqual([
      1, 2, 3,
    ]);
    expect(concatBytes([]).length).toBe(0);
  });
});
