import { readAscii } from '../bytes/read-ascii.ts';

/**
 * The EXIF orientation (tag 0x0112 in IFD0, values 1..8) from the payload of a JPEG APP1 segment, or undefined
 * when the segment is not EXIF or holds no valid orientation. EXIF 2.32 section 4.6.4; TIFF 6.0 for the layout.
 */
export function readExifOrientation(app1: Uint8Array): number | undefined {
  // "Exif\0\0", then a TIFF header: byte order, 42, offset of IFD0.
  if (app1.length < 14 || readAscii(app1, 0, 6) !== 'Exif\0\0') return undefined;
  const t = app1.subarray(6);
  const order = readAscii(t, 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const view = new DataView(t.buffer, t.byteOffset, t.byteLength);
  if (view.getUint16(2, little) !== 42) return undefined;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > t.length) return undefined;
  const entries = view.getUint16(ifd, little);
  for (let k = 0; k < entries; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return undefined;
    if (view.getUint16(e, little) !== 0x0112) continue;
    // SHORT, one value, stored in the first two bytes of the value field.
    if (view.getUint16(e + 2, little) !== 3) return undefined;
    const value = view.getUint16(e + 8, little);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}
