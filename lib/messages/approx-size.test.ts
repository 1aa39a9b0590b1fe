import { describe, expect, it } from 'vitest';
import { approxSize } from './approx-size.ts';

describe('approxSize', () => {
  it('is at least the JSON length of our messages, and not far above it', () => {
    const messages = [
      { id: 1, request: { type: 'check-text', text: 'A paragraph. '.repeat(40) } },
      { id: 2, request: { type: 'check-image', url: 'https://cdn.example/img/a.jpg?w=1600' } },
      {
        id: 3,
        value: {
          key: 'ab'.repeat(32),
          kind: 'image',
          verdict: 'verified',
          reason: 'Signed by X',
          reasonParams: { signer: 'X' },
        },
      },
      { id: 4, error: 'The background closed the connection' },
      { id: 5 },
    ];
    for (const m of messages) {
      const json = JSON.stringify(m).length;
      expect(approxSize(m)).toBeGreaterThanOrEqual(json);
      expect(approxSize(m)).toBeLessThan(json * 1.5 + 40);
    }
  });

  it('counts a long text by its length', () => {
    expect(approxSize({ text: 'x'.repeat(100_000) })).toBeGreaterThan(100_000);
  });

  it('stops at its depth, and at values that are not data', () => {
    let deep: unknown = 'x'.repeat(1000);
    for (let i = 0; i < 10; i++) deep = { d: deep };
    expect(approxSize(deep)).toBeLessThan(100);
    expect(approxSize(undefined)).toBe(8);
    expect(approxSize([1, 2, 3])).toBe(2 + 3 * 9);
  });
});
