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

/** The pixels the reference hashes: the input itself when both sides are ≤ 512, else a new 512 x 512 copy. */
export function shrinkNearest512(image: Pixels): Pixels {
  const { data, width, height, channels } = image;
  if (width <= PDQ_SHRINK_DIM && height <= PDQ_SHRINK_DIM) return image;
  const n = PDQ_SHRINK_DIM;
  const out = new Uint8Array(n * n * channels);
  const xs = new Int32Array(n);
  // floor(x * W / 512) in exact integers (W < 2^31 / 512 for any image within MAX_PIXELS on a side).
  for (let x = 0; x < n; x++) xs[x] = Math.floor((x * width) / n) * channels;
  for (let y = 0, o = 0; y < n; y++) {
    const row = Math.floor((y * height) / n) * width * channels;
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
