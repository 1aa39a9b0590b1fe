import { describe, expect, it } from 'vitest';
import {
  agentName,
  assertionsOf,
  baseLabel,
  claimGeneratorNames,
  isActionsLabel,
  manifestsOf,
  STORE_LIMITS,
  text,
} from './store-json.ts';

describe('store JSON readers', () => {
  it('keeps only trimmed, capped strings', () => {
    expect(text('  Adobe  ')).toBe('Adobe');
    expect(text('   ')).toBeUndefined();
    expect(text(42)).toBeUndefined();
    expect(text('x'.repeat(500))).toHaveLength(STORE_LIMITS.text + 1);
  });

  it('recognises every actions assertion label and only those', () => {
    expect(isActionsLabel('c2pa.actions')).toBe(true);
    expect(isActionsLabel('c2pa.actions.v2')).toBe(true);
    expect(isActionsLabel('c2pa.actions.v2__3')).toBe(true);
    expect(isActionsLabel('c2pa.actions.extra')).toBe(false);
    expect(isActionsLabel('com.example.c2pa.actions')).toBe(false);
    expect(baseLabel('stds.exif__2')).toBe('stds.exif');
  });

  it('drops assertions without a string label and replaces non-object data', () => {
    const manifest = {
      assertions: [null, { label: 7 }, { label: 'a', data: 'str' }, { label: 'b', data: { x: 1 } }],
    };
    expect(assertionsOf(manifest)).toEqual([
      { label: 'a', data: {} },
      { label: 'b', data: { x: 1 } },
    ]);
    expect(assertionsOf({ assertions: 'nope' })).toEqual([]);
  });

  it('reads manifests by label, ignoring non-objects, and caps their number', () => {
    expect([...manifestsOf({ manifests: { a: {}, b: 3, c: [] } }).keys()]).toEqual(['a']);
    expect(manifestsOf(null).size).toBe(0);
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`m${i}`, {}]));
    expect(manifestsOf({ manifests: many }).size).toBe(STORE_LIMITS.manifests);
  });

  it('names agents given as strings or maps, and every claim generator name', () => {
    expect(agentName('DALL·E')).toBe('DALL·E');
    expect(agentName({ name: 'Sora', version: '1' })).toBe('Sora');
    expect(agentName({ version: '1' })).toBeUndefined();
    expect(
      claimGeneratorNames({
        claim_generator: 'ChatGPT c2pa-rs/0.28.4',
        claim_generator_info: [{ name: 'ChatGPT' }, 5],
      }),
    ).toEqual(['ChatGPT c2pa-rs/0.28.4', 'ChatGPT']);
    // Some writers give claim_generator_info as a single map instead of a list.
    expect(claimGeneratorNames({ claim_generator_info: { name: 'Sora' } })).toEqual(['Sora']);
  });
});
