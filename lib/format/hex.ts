/**
 * Groups a hex string in blocks ("ab12 cd34 …") so that people comparing hashes by eye do not lose their
 * place. A leading 0x stays attached to the first group. Display only: copy buttons copy the raw value.
 */
export function groupHex(value: string, size = 4, separator = ' '): string {
  const prefix = value.startsWith('0x') ? '0x' : '';
  const body = value.slice(prefix.length);
  if (size <= 0 || body.length <= size) return value;
  const groups: string[] = [];
  for (let i = 0; i < body.length; i += size) groups.push(body.slice(i, i + size));
  return prefix + groups.join(separator);
}
