/**
 * Waits for `work`, but no longer than `ms`: resolves with its value when it settles first (or rejects with its
 * error), and with undefined when the time runs out first; `work` itself goes on either way. The timer is
 * cleared once either side wins, so a worker is not kept busy by a timer nobody waits for.
 */
export async function waitAtMost<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
