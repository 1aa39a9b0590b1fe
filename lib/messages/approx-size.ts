/**
 * Roughly how many characters a message takes once serialised: its strings' lengths, its keys, and a few
 * characters for every other value. A bound for splitting batches (request-port.ts), not a byte count: no
 * serialisation is done to learn it. Below `maxDepth` a value counts as its strings' length only if it is a
 * string; deeper structure (which our messages do not have) is counted as a few characters.
 */
export function approxSize(value: unknown, maxDepth = 4): number {
  if (typeof value === 'string') return value.length + 2;
  if (value === null || typeof value !== 'object') return 8;
  if (maxDepth <= 0) return 8;
  let n = 2;
  if (Array.isArray(value)) {
    for (const item of value) n += approxSize(item, maxDepth - 1) + 1;
    return n;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    n += key.length + 4 + approxSize((value as Record<string, unknown>)[key], maxDepth - 1);
  }
  return n;
}
