import { describe, expect, it } from 'vitest';
import { batchedGet } from './batched-get.ts';

describe('batchedGet', () => {
  it('answers the reads of one task with one bulk read, each with its own row, a repeated key included', async () => {
    const calls: string[][] = [];
    const get = batchedGet(async (keys: string[]) => {
      calls.push(keys);
      return keys.map((k) => (k === 'missing' ? undefined : `row:${k}`));
    });
    const answers = await Promise.all([get('a'), get('b'), get('a'), get('missing')]);
    expect(answers).toEqual(['row:a', 'row:b', 'row:a', undefined]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
    // A later task starts a new batch.
    expect(await get('c')).toBe('row:c');
    expect(calls).toHaveLength(2);
  });

  it('fails every read of a batch whose bulk read fails, and the next batch reads again', async () => {
    let fail = true;
    const get = batchedGet(async (keys: string[]) => {
      if (fail) throw new Error('database closed');
      return keys;
    });
    const both = [get('a'), get('b')];
    await expect(both[0]).rejects.toThrow('database closed');
    await expect(both[1]).rejects.toThrow('database closed');
    fail = false;
    expect(await get('a')).toBe('a');
  });
});
