/**
 * Composite RGBA onto opaque white, in place: c' = round(c * a / 255) + (255 - a), a' = 255.
 *
 * Why: a browser canvas keeps premultiplied colour, round(c * a / 255), so getImageData cannot return the
 * original colour of translucent pixels (fully transparent ones come back black). The premultiplied value
 * is all that survives on every platform, and the formula above depends on nothing else, so the browser
 * and Node get the same bytes. White, as iscc-sdk does for its Image-Code; opaque pixels are untouched.
 */

// round(c * a / 255) for every (a, c); c * a / 255 never ends in exactly .5 because 255 is odd.
const PREMUL = new Uint8Array(256 * 256);
for (let a = 0; a < 256; a++) for (let c = 0; c < 256; c++) PREMUL[(a << 8) | c] = Math.round((c * a) / 255);

/** Flatten `width * height` RGBA pixels onto white; returns true if any pixel was not opaque. */
export function flattenAlphaOnWhite(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): boolean {
  const end = width * height * 4;
  if (data.length < end) throw new Error('flattenAlphaOnWhite: buffer smaller than width*height*4');
  let translucent = false;
  for (let i = 3; i < end; i += 4) {
    const a = data[i] as number;
    if (a === 255) continue;
    translucent = true;
    const row = a << 8;
    const white = 255 - a;
    data[i - 3] = (PREMUL[row | (data[i - 3] as number)] as number) + white;
    data[i - 2] = (PREMUL[row | (data[i - 2] as number)] as number) + white;
    data[i - 1] = (PREMUL[row | (data[i - 1] as number)] as number) + white;
    data[i] = 255;
  }
  return translucent;
}
