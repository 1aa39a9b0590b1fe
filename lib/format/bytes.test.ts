import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes.ts';

describe('formatBytes', () => {
  it('uses bytes below 1 KB', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
  });

  it('uses 1024-based units with one decimal below 10', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(285_562)).toBe('279 KB');
    expect(formatBytes(1_384_288)).toBe('1.3 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
  });

  it('says ? for nonsense', () => {
    expect(formatBytes(-1)).toBe('?');
    expect(formatBytes(Number.NaN)).toBe('?');
  });
});

describe('formatBytes in another language', () => {
  it('writes the number and the unit the French way', () => {
    // French puts a no-break space between the number and its unit.
    expect(formatBytes(512, 'fr')).toMatch(/^512\soctets$/u);
    expect(formatBytes(1_384_288, 'fr')).toMatch(/^1,3\sMo$/u);
    expect(formatBytes(285_562, 'fr')).toMatch(/^279\sko$/u);
  });
});
