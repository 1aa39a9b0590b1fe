import sharp, { type Sharp } from 'sharp';

/**
 * An RGB image whose pixels name their column and row (low and high byte of x, low byte of y): any pixel a
 * decoder or a sampler takes from the wrong place differs from its neighbours' names. For the PDQ decoder's
 * exactness checks in Chromium (e2e/pdq-decode.e2e.ts) and Firefox (e2e/firefox/firefox-smoke.ts).
 */
export function positionImage(width: number, height: number): Sharp {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([x & 255, (x >> 8) & 255, y & 255], (y * width + x) * 3);
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** A position-coded PNG as a decoder test case, named `name`. */
export async function positionCase(
  name: string,
  width: number,
  height: number,
): Promise<{ name: string; mime: string; bytes: Buffer }> {
  return { name, mime: 'image/png', bytes: await positionImage(width, height).png().toBuffer() };
}
