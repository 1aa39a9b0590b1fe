/**
 * Gathers the single-key reads of one task and does them as one bulk read. Each Dexie `get` is a transaction
 * of its own, and a cold 200-image page asked for 400 of them (a URL entry and an item per image): 0.3 s of
 * the worker in issue 14's profile. Requests that arrive while a batch is gathering join it; a failed bulk
 * read fails every request in it, as the single reads would have.
 */
export function batchedGet<T>(
  readMany: (keys: string[]) => Promise<Array<T | undefined>>,
): (key: string) => Promise<T | undefined> {
  type Waiter = { resolve: (value: T | undefined) => void; reject: (error: unknown) => void };
  let gathering: Map<string, Waiter[]> | undefined;

  const run = async (batch: Map<string, Waiter[]>) => {
    const keys = [...batch.keys()];
    try {
      const rows = await readMany(keys);
      keys.forEach((key, i) => {
        for (const waiter of batch.get(key) ?? []) waiter.resolve(rows[i]);
      });
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };

  return (key) =>
    new Promise<T | undefined>((resolve, reject) => {
      if (!gathering) {
        const batch = new Map<string, Waiter[]>();
        gathering = batch;
        setTimeout(() => {
          gathering = undefined;
          void run(batch);
        }, 0);
      }
      const waiters = gathering.get(key) ?? [];
      waiters.push({ resolve, reject });
      gathering.set(key, waiters);
    });
}
