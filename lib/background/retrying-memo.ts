/**
 * A promise made once and shared by every caller, and made again on the next call after it failed (a start that
 * failed once, say an unreadable file, must not stick for the worker's life) or after `reset` (settings changed).
 */
export function retryingMemo<T>(make: () => Promise<T>): { get: () => Promise<T>; reset: () => void } {
  let current: Promise<T> | undefined;
  return {
    get() {
      if (!current) {
        const made = make();
        current = made;
        // Only this promise is forgotten: one made after a reset stays.
        made.catch(() => {
          if (current === made) current = undefined;
        });
      }
      return current;
    },
    reset() {
      current = undefined;
    },
  };
}
