import { describe, expect, it } from 'vitest';
import { retryingMemo } from './retrying-memo.ts';

describe('retryingMemo', () => {
  it('makes the promise once and shares it', async () => {
    let made = 0;
    const memo = retryingMemo(async () => ++made);
    const [a, b] = await Promise.all([memo.get(), memo.get()]);
    expect([a, b, made]).toEqual([1, 1, 1]);
    expect(await memo.get()).toBe(1);
  });

  it('makes it again after a failure, and after a reset', async () => {
    let made = 0;
    const memo = retryingMemo(async () => {
      made++;
      if (made === 1) throw new Error('first start fails');
      return made;
    });
    await expect(memo.get()).rejects.toThrow('first start fails');
    expect(await memo.get()).toBe(2);
    memo.reset();
    expect(await memo.get()).toBe(3);
  });

  it('a failure of a promise made before a reset does not forget the one made after it', async () => {
    let fail: (e: Error) => void = () => {};
    let made = 0;
    const memo = retryingMemo(() => {
      made++;
      return made === 1 ? new Promise<number>((_, reject) => (fail = reject)) : Promise.resolve(made);
    });
    const old = memo.get();
    memo.reset();
    const fresh = memo.get();
    fail(new Error('late failure'));
    await expect(old).rejects.toThrow('late failure');
    expect(memo.get()).toBe(fresh);
    expect(await fresh).toBe(2);
  });
});
