/**
 * Resolves in a later task of the event loop, not in a microtask: the tasks already queued (a message from
 * a page, a finished fetch, an IndexedDB event) run first. Long synchronous work, such as a C2PA read,
 * waits for this between runs, so that it never holds the worker for several runs in one stretch.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
