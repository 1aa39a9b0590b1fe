import { shortKey } from './short.ts';

/** `origin-lens-<short key>.json`: short enough to read, unique enough not to clash in a Downloads folder. */
export function exportFileName(key: string): string {
  const short = shortKey(key);
  return `origin-lens-${short || 'item'}.json`;
}

/** The exported JSON: pretty-printed so it can be read and diffed without tools. */
export function toExportJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
