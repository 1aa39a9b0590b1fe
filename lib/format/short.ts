/**
 * Shortening helpers for long identifiers. Lists and headings show a short form; the full value is always
 * one click away (copy button or title), because a fact-checker must be able to compare every character.
 */

/** "0x1234567890abcdef…" → "0x1234…cdef". Values already short enough are returned as they are. */
export function shortHex(value: string, head = 6, tail = 4): string {
  const prefix = value.startsWith('0x') ? '0x' : '';
  const body = value.slice(prefix.length);
  if (body.length <= head + tail + 1) return value;
  return `${prefix}${body.slice(0, head)}…${body.slice(-tail)}`;
}

/** An EVM address as people usually quote it: 0x + 4 … 4. */
export function shortAddress(address: string): string {
  return shortHex(address, 4, 4);
}

/** The first 12 hex characters of a cache key: enough to tell items apart in a file name or a title. */
export function shortKey(key: string): string {
  return key
    .replace(/^0x/, '')
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 12)
    .toLowerCase();
}
