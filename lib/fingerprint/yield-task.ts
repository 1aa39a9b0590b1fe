/**
 * Ends the current task and continues in a new one (a macrotask: a resolved promise would continue in the
 * same task). Used between the steps of a long computation, so that one item never holds the thread for
 * the whole of its work and the messages of other items are answered in between.
 */
export function yieldTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
