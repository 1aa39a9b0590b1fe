/**
 * Runs tasks with the same key one after another (different keys run freely). The pipeline keys the
 * evidence stage by content hash: two URLs serving the same bytes (the same photo on two CDN paths, a
 * thumbnail repeated in a page) then run the C2PA engine and the registry lookup once; the second finds
 * the first's fresh result in the cache and only links its URL.
 */
export function serialByKey(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const before = tails.get(key);
    const mine = (async () => {
      // The previous task's failure is its caller's; this one runs anyway.
      if (before) await before.catch(() => {});
      return task();
    })();
    tails.set(key, mine);
    try {
      return await mine;
    } finally {
      if (tails.get(key) === mine) tails.delete(key);
    }
  };
}
