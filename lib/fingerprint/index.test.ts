import { describe, expect, it } from 'vitest';
import * as fingerprint from './index.ts';

describe('lib/fingerprint public API', () => {
  it('exports the contract other modules code against', () => {
    const exported: Record<string, unknown> = { ...fingerprint };
    for (const fn of [
      'sha256Hex',
      'pdqFromRgb',
      'pdqFrom64',
      'hammingDistance',
      'pdqMatch',
      'textCollapse',
      'xxh32',
      'isccTextCode',
      'fingerprintText',
      'fingerprintImage',
      'createWebDecoder',
      'preflightImage',
    ] as const) {
      expect(typeof exported[fn], fn).toBe('function');
    }
    expect(fingerprint.PDQ_MATCH_DISTANCE).toBe(31);
    expect(fingerprint.PDQ_MIN_QUALITY).toBe(50);
    expect(fingerprint.MAX_PIXELS).toBeGreaterThan(0);
    expect(fingerprint.MAX_IMAGE_BYTES).toBeGreaterThan(0);
  });

  it('does not need DOM globals to load (it runs in workers and Node)', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });
});
