import { describe, expect, it } from 'vitest';
import { serialByKey } from './serial-by-key.ts';

const later = () => new Promise((r) => setTimeout(r, 5));

describe('serialByKey', () => {
  it('runs tasks of one key one after another, and other keys alongside', async () => {
    const serial = serialByKey();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await later();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      serial('a', task('a1')),
      serial('a', task('a2')),
      serial('b', task('b1')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('runs the next task of a key after a failure, and the failure stays with its caller', async () => {
    const serial = serialByKey();
    const failed = serial('a', async () => {
      await later();
      throw new Error('boom');
    });
    const next = serial('a', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
