/**
 * `length` bytes from `at` as a string, one character per byte (Latin-1), cut short at the end of the bytes:
 * how magic numbers, box types and chunk names are compared.
 */
export function readAscii(bytes: Uint8Array, at: number, length: number): string {
  let out = '';
  for (let i = Math.max(0, at); i < at + length && i < bytes.length; i++)
    out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}
