import { describe, expect, it } from 'vitest';
import { benchC2pa } from './bench-c2pa.ts';

describe('benchC2pa', () => {
  it('returns the c2pa.* figures the lead merges into the combined bench', async () => {
    const results = await benchC2pa({ rounds: 1 });
    for (const key of [
      'c2pa.coldStartMs',
      'c2pa.firstReadMs',
      'c2pa.firstPassCpuMs',
      'c2pa.warmMedianMs',
      'c2pa.warmP95Ms',
      'c2pa.noTrustMedianMs',
      'c2pa.twoReadTierMedianMs',
    ]) {
      expect(results[key], key).toBeGreaterThan(0);
    }
    expect(results['c2pa.images']).toBe(20);
    expect(results['c2pa.warmP95Ms']).toBeGreaterThanOrEqual(results['c2pa.warmMedianMs'] ?? 0);
  });
});
