/**
 * The reference C++ hasher's pre-resize (ThreatExchange pdq/cpp/io/pdqio.cpp, DOWNSAMPLE_DIMS = 512): an
 * image larger than 512 on either side is resized to exactly 512 x 512, aspect not kept, by CImg's
 * nearest-neighbour rule out(x, y) = in(floor(x * W / 512), floor(y * H / 512)). The fixtures' `cpp_nn512`
 * vectors are hashes after this step. Integer arithmetic only, so Node and every browser pick the same
 * pixels from the same decoded image; PDQ then runs on 0.26 MP instead of the full image.
 */

/** Side of the square the reference shrinks to. */
export const PDQ_SHRINK_DIM = 512;

export interface Pixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** Whether an image of this size is shrunk to 512 x 512 before hashing (either side larger than 512). */
export function needsShrink(width: number, height: number): boolean {
  return width > PDQ_SHRINK_DIM || height > PDQ_SHRINK_DIM;
}

/**
 * The source index that output index `i` (0..511) picks along a side of `size` pixels: floor(i * size / 512),
 * exact in integers (size < 2^31 / 512 for any image within MAX_PIXELS on a side).
 */
export function nearestSource(i: number, size: number): number {
  return Math.floor((i * size) / PDQ_SHRINK_DIM);
}

/** The pixels the reference hashes: the input itself when both sides are ≤ 512, else a new 512 x 512 copy. */
export function shrinkNearest512(image: Pixels): Pixels {
  const { data, width, height, channels } = image;
  if (!needsShrink(width, height)) return image;
  const n = PDQ_SHRINK_DIM;
  const out = new Uint8Array(n * n * channels);
  const xs = new Int32Array(n);
  for (let x = 0; x < n; x++) xs[x] = nearestSource(x, width) * channels;
  for (let y = 0, o = 0; y < n; y++) {
    const row = nearestSource(y, height) * width * channels;
    if (channels === 4) {
      for (let x = 0; x < n; x++, o += 4) {
        const i = row + (xs[x] as number);
        out[o] = data[i] as number;
        out[o + 1] = data[i + 1] as number;
        out[o + 2] = data[i + 2] as number;
        out[o + 3] = data[i + 3] as number;
      }
    } else {
      for (let x = 0; x < n; x++, o += 3) {
        const i = row + (xs[x] as number);
        out[o] = data[i] as number;
        out[o + 1] = data[i + 1] as number;
        out[o + 2] = data[i + 2] as number;
      }
    }
  }
  return { data: out, width: n, height: n, channels };
}
