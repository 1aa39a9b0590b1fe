import { describe, expect, it } from 'vitest';
import { waitAtMost } from './wait-at-most.ts';

describe('waitAtMost', () => {
  it('gives the value of work that settles in time', async () => {
    await expect(waitAtMost(Promise.resolve(7), 1_000)).resolves.toBe(7);
    await expect(waitAtMost(Promise.reject(new Error('failed')), 1_000)).rejects.toThrow('failed');
  });

  it('gives up after the time, leaving the work running', async () => {
    let finished = false;
    const work = new Promise<string>((resolve) =>
      setTimeout(() => {
        finished = true;
        resolve('late');
      }, 60),
    );
    const started = Date.now();
    await expect(waitAtMost(work, 20)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(finished).toBe(false);
    await expect(work).resolves.toBe('late');
  });
});
