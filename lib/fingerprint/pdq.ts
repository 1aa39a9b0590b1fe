/**
 * PDQ: Meta's 256-bit perceptual image hash (facebook/ThreatExchange `pdq/`), written from the algorithm
 * description and checked bit-exactly against the reference vectors in fixtures/pdq (the `fullres` pipeline).
 *
 * Bit-exactness: the reference core computes in C++ `float` (IEEE single, one rounding per operation, no FMA).
 * JavaScript computes in double, so every intermediate is rounded back to single with Math.fround or by
 * storing it into a Float32Array. For +, -, *, / on single-precision inputs, rounding the exact double result
 * to single gives the same value as the single-precision operation (double has more than 2*24+2 bits).
 */
import type { HexString } from '../evidence/types.ts';

export interface PdqHash {
  /** 64 lower-case hex chars: 16-bit words w[15]..w[0], bit 16*i+j = DCT[i][j] > median. */
  hash: HexString;
  /** 0..100, gradient metric on the 64x64 image; upstream discards hashes of quality <= 49. */
  quality: number;
}

/** The reference core refuses images smaller than this on a side (hash all zero, quality 0). */
export const PDQ_MIN_HASHABLE_DIM = 5;

const fround = Math.fround;

// Luma coefficients as C++ `const float` (Rec. 601, as in the reference).
const LUMA_R = fround(0.299);
const LUMA_G = fround(0.587);
const LUMA_B = fround(0.114);

// coeff * byte rounded to single: 256-entry tables avoid two multiplies per pixel.
const LUMA_R_TABLE = new Float32Array(256);
const LUMA_G_TABLE = new Float32Array(256);
const LUMA_B_TABLE = new Float32Array(256);
for (let v = 0; v < 256; v++) {
  LUMA_R_TABLE[v] = LUMA_R * v;
  LUMA_G_TABLE[v] = LUMA_G * v;
  LUMA_B_TABLE[v] = LUMA_B * v;
}

/**
 * 16x64 DCT-II basis (rows 1..16 of the 64-point DCT), stored as single: scale (a single) times a
 * double cosine, rounded to single, as the reference's table initialiser does.
 */
const DCT_MATRIX = (() => {
  const m = new Float32Array(16 * 64);
  const scale = fround(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      m[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
    }
  }
  return m;
})();

/**
 * Rec. 601 luma of an RGB(A) buffer, row-major, alpha ignored (the reference does not composite).
 * `out` may be passed to reuse a buffer of at least width*height floats.
 */
export function lumaFromRgb(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
  out?: Float32Array,
): Float32Array {
  checkPixels(pixels, width, height, channels);
  const n = width * height;
  const luma = out && out.length >= n ? out : new Float32Array(n);
  fillLuma(pixels, channels, 0, n, luma, 0);
  return luma;
}

/** Luma of pixels [from, from + count) into out[at...]. */
function fillLuma(
  pixels: Uint8Array | Uint8ClampedArray,
  channels: number,
  from: number,
  count: number,
  out: Float32Array,
  at: number,
): void {
  for (let p = 0, q = from * channels; p < count; p++, q += channels) {
    // (R + G) is rounded to single before adding B, as in the reference's left-to-right float sum.
    out[at + p] =
      fround(
        (LUMA_R_TABLE[pixels[q] as number] as number) + (LUMA_G_TABLE[pixels[q + 1] as number] as number),
      ) + (LUMA_B_TABLE[pixels[q + 2] as number] as number);
  }
}

/** The full-resolution PDQ pipeline on decoded 8-bit RGB(A) pixels (the fixtures' `fullres` vectors). */
export function pdqFromRgb(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
): PdqHash {
  checkPixels(pixels, width, height, channels);
  if (width < PDQ_MIN_HASHABLE_DIM || height < PDQ_MIN_HASHABLE_DIM) return { hash: ZERO_HASH, quality: 0 };
  return pdqFrom64(luma64FromRgb(pixels, width, height, channels));
}

/**
 * The 64x64 luma that PDQ hashes (blurred and decimated, or the image itself when it is 64x64), for
 * callers that want the intermediate (tests, dihedral variants).
 */
export function luma64FromRgb(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
): Float32Array {
  checkPixels(pixels, width, height, channels);
  if (width === 64 && height === 64) return lumaFromRgb(pixels, 64, 64, channels);
  // Luma is computed block by block straight into the first blur pass (no separate full-size pass).
  return blurAndDecimate(new Float32Array(width * height), width, height, (block, y0, nb) =>
    fillLuma(pixels, channels, y0 * width, nb * width, block, 0),
  );
}

/**
 * PDQ on a full-size luma buffer (row-major, width*height). The buffer is blurred IN PLACE and is scratch
 * afterwards: one full-size float buffer where the reference uses two, which matters on big photos.
 */
export function pdqFromLuma(luma: Float32Array, width: number, height: number): PdqHash {
  checkDims(width, height);
  if (luma.length < width * height) throw new Error('PDQ: luma buffer smaller than width*height');
  if (width < PDQ_MIN_HASHABLE_DIM || height < PDQ_MIN_HASHABLE_DIM) return { hash: ZERO_HASH, quality: 0 };
  return pdqFrom64(luma64FromLuma(luma, width, height));
}

/** The 64x64 luma of a full-size luma buffer (which is blurred in place, see pdqFromLuma). */
export function luma64FromLuma(luma: Float32Array, width: number, height: number): Float32Array {
  checkDims(width, height);
  if (luma.length < width * height) throw new Error('PDQ: luma buffer smaller than width*height');
  // The reference hashes a 64x64 input as it is, without blurring.
  if (width === 64 && height === 64) return luma.slice(0, 4096);
  return blurAndDecimate(luma, width, height, (block, y0, nb) =>
    block.set(luma.subarray(y0 * width, (y0 + nb) * width)),
  );
}

/**
 * PDQ from an already downsampled 64x64 luma (row-major). This is the reference's own 64x64 entry (no
 * blur); it does not modify its input.
 */
export function pdqFrom64(luma64: Float32Array): PdqHash {
  if (luma64.length < 4096) throw new Error('PDQ: a 64x64 luma buffer needs 4096 values');
  const quality = qualityMetric(luma64);
  const dct = dct64To16(luma64);
  return { hash: bitsToHex(dct), quality };
}

const ZERO_HASH = '0'.repeat(64);

/** Fills `block` (nb rows of the image from row y0, row-major) with the input of the first blur pass. */
type RowSource = (block: Float32Array, y0: number, nb: number) => void;

/** Rows processed side by side: independent running sums hide the latency of each one's add chain. */
const BLOCK_ROWS = 8;

/**
 * Two-pass tent filter (Jarosz: a box filter run twice along rows then columns), then sampling at the
 * centres of a 64x64 grid. Only the samples are needed, so the second pass computes its running sums over
 * every pixel (their rounding history must match) but divides and stores only at the sampled columns, and
 * its column sums run over those columns alone.
 */
function blurAndDecimate(buf: Float32Array, width: number, height: number, source: RowSource): Float32Array {
  const wr = jaroszWindow(width);
  const wc = jaroszWindow(height);
  const xs = gridCentres(width);
  const ys = gridCentres(height);
  // Distinct sampled columns (images narrower than 64 sample some columns twice).
  const cols = Array.from(new Set(xs));
  const colOut = new Int32Array(width).fill(-1);
  cols.forEach((x, j) => {
    colOut[x] = j;
  });
  const identity = new Int32Array(width).map((_, x) => x);
  const block = new Float32Array(BLOCK_ROWS * width);
  const sums = new Float32Array(Math.max(width, BLOCK_ROWS));
  const ring = new Float32Array(wc * width);

  // Pass 1, every pixel.
  boxRows(source, width, height, wr, block, sums, buf, width, identity);
  boxColsInPlace(buf, width, height, wc, ring, sums);
  // Pass 2, sampled columns only.
  const cw = cols.length;
  const compact = new Float32Array(height * cw);
  boxRows(
    (b, y0, nb) => b.set(buf.subarray(y0 * width, (y0 + nb) * width)),
    width,
    height,
    wr,
    block,
    sums,
    compact,
    cw,
    colOut,
  );
  boxColsInPlace(compact, cw, height, wc, ring, sums);

  const out = new Float32Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    const row = (ys[i] as number) * cw;
    for (let j = 0; j < 64; j++)
      out[i * 64 + j] = compact[row + (colOut[xs[j] as number] as number)] as number;
  }
  return out;
}

/** Cell centres of a 64-cell grid over `dim` pixels: floor((i + 0.5) * dim / 64), as the reference samples. */
function gridCentres(dim: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 64; i++) out.push(Math.floor(((i + 0.5) * dim) / 64));
  return out;
}

/** Window of one box pass: (dim + 2*64 - 1) / (2*64), integer division, as in the reference. */
export function jaroszWindow(dim: number): number {
  return Math.floor((dim + 127) / 128);
}

function checkDims(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`PDQ: invalid image size ${width}x${height}`);
  }
}

function checkPixels(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: number,
): void {
  checkDims(width, height);
  if (channels !== 3 && channels !== 4) throw new Error(`PDQ: ${channels} channels, RGB or RGBA expected`);
  if (pixels.length < width * height * channels) {
    throw new Error(
      `PDQ: pixel buffer holds ${pixels.length} bytes, ${width * height * channels} needed for ${width}x${height}x${channels}`,
    );
  }
}

/**
 * One box pass along every row, BLOCK_ROWS rows at a time. The window has `half` samples up to and
 * including the centre and shrinks at both ends (the sum is divided by the number of samples actually in
 * it). The four phases replay the reference's sequence of additions and subtractions so that the
 * single-precision running sum rounds identically. Output x goes to column colOut[x] of `dst` (row width
 * dstWidth), or nowhere when colOut[x] < 0.
 */
function boxRows(
  source: RowSource,
  width: number,
  height: number,
  w: number,
  block: Float32Array,
  sums: Float32Array,
  dst: Float32Array,
  dstWidth: number,
  colOut: Int32Array,
): void {
  const half = (w + 2) >> 1;
  const p1 = half - 1;
  const p2 = w - half + 1;
  const p3 = width - w;
  const p4 = half - 1;
  for (let y0 = 0; y0 < height; y0 += BLOCK_ROWS) {
    const nb = Math.min(BLOCK_ROWS, height - y0);
    source(block, y0, nb);
    sums.fill(0, 0, nb);
    const base = y0 * dstWidth;
    let count = 0;
    let ri = 0;
    let li = 0;
    let oi = 0;
    // Phase 1: fill the left half of the first window, no output.
    for (let i = 0; i < p1; i++, ri++) {
      count++;
      for (let k = 0, r = ri; k < nb; k++, r += width) sums[k] = (sums[k] as number) + (block[r] as number);
    }
    // Phase 2: growing window.
    for (let i = 0; i < p2; i++, ri++, oi++) {
      count++;
      const c = colOut[oi] as number;
      for (let k = 0, r = ri; k < nb; k++, r += width) sums[k] = (sums[k] as number) + (block[r] as number);
      if (c >= 0) for (let k = 0; k < nb; k++) dst[base + k * dstWidth + c] = (sums[k] as number) / count;
    }
    // Phase 3: full window sliding.
    for (let i = 0; i < p3; i++, ri++, li++, oi++) {
      for (let k = 0, r = ri, l = li; k < nb; k++, r += width, l += width) {
        sums[k] = fround(fround((sums[k] as number) + (block[r] as number)) - (block[l] as number));
      }
      const c = colOut[oi] as number;
      if (c >= 0) for (let k = 0; k < nb; k++) dst[base + k * dstWidth + c] = (sums[k] as number) / count;
    }
    // Phase 4: shrinking window at the right edge.
    for (let i = 0; i < p4; i++, li++, oi++) {
      count--;
      for (let k = 0, l = li; k < nb; k++, l += width) sums[k] = (sums[k] as number) - (block[l] as number);
      const c = colOut[oi] as number;
      if (c >= 0) for (let k = 0; k < nb; k++) dst[base + k * dstWidth + c] = (sums[k] as number) / count;
    }
  }
}

/**
 * The same box pass down every column, for all columns at once row by row (cache-friendly, and each
 * column's sum still sees exactly the reference's sequence of operations). Output row `oi` overwrites input
 * row `oi`, whose original is kept in a ring of `w` rows for its later subtraction.
 */
function boxColsInPlace(
  buf: Float32Array,
  width: number,
  height: number,
  w: number,
  ring: Float32Array,
  sums: Float32Array,
): void {
  const half = (w + 2) >> 1;
  const p1 = half - 1;
  const p2 = w - half + 1;
  sums.fill(0, 0, width);
  let count = 0;
  let li = 0;
  let oi = 0;
  // Step `step` adds row `step` (phases 1-3), subtracts row li (phases 3-4) and writes row oi (phases 2-4).
  for (let step = 0, steps = height + half - 1; step < steps; step++) {
    const adds = step < height;
    const subs = step >= p1 + p2;
    const off = step * width;
    if (adds && subs) {
      // Phase 3 in one sweep: add, round, subtract, round, as two separate float operations.
      const roff = (li++ % w) * width;
      for (let x = 0; x < width; x++) {
        sums[x] = fround(fround((sums[x] as number) + (buf[off + x] as number)) - (ring[roff + x] as number));
      }
    } else if (adds) {
      count++;
      for (let x = 0; x < width; x++) sums[x] = (sums[x] as number) + (buf[off + x] as number);
    } else {
      count--;
      const roff = (li++ % w) * width;
      for (let x = 0; x < width; x++) sums[x] = (sums[x] as number) - (ring[roff + x] as number);
    }
    if (step >= p1) {
      const o = oi * width;
      ring.set(buf.subarray(o, o + width), (oi++ % w) * width);
      for (let x = 0; x < width; x++) buf[o + x] = (sums[x] as number) / count;
    }
  }
}

/**
 * Count significant vertical and horizontal gradients (each quantised to an integer percent of full
 * scale); the reference's heuristic scale of 1/90 turns the sum into 0..100.
 */
function qualityMetric(a: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      sum += Math.abs(gradientPercent(a[i * 64 + j] as number, a[(i + 1) * 64 + j] as number));
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      sum += Math.abs(gradientPercent(a[i * 64 + j] as number, a[i * 64 + j + 1] as number));
    }
  }
  return Math.min(100, Math.floor(sum / 90));
}

function gradientPercent(u: number, v: number): number {
  return Math.trunc(fround(fround(fround(u - v) * 100) / 255));
}

// Scratch for the DCT (module-level: pdqFrom64 is synchronous and not re-entrant).
const DCT_T = new Float32Array(16 * 64);
const DCT_B = new Float32Array(16 * 16);

/**
 * B = D A D^T, keeping only frequencies 1..16 on each axis. Each output is a single-precision sum over k
 * in increasing order, as in the reference; the loops run k outermost so that 64 (then 16) independent
 * sums advance together instead of one long chain of dependent additions.
 */
function dct64To16(a: Float32Array): Float32Array {
  const d = DCT_MATRIX;
  const t = DCT_T;
  t.fill(0);
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    for (let k = 0; k < 64; k++) {
      const dik = d[ti + k] as number;
      const ak = k * 64;
      for (let j = 0; j < 64; j++) t[ti + j] = (t[ti + j] as number) + fround(dik * (a[ak + j] as number));
    }
  }
  const b = DCT_B;
  b.fill(0);
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    const bi = i * 16;
    for (let k = 0; k < 64; k++) {
      const tik = t[ti + k] as number;
      for (let j = 0; j < 16; j++)
        b[bi + j] = (b[bi + j] as number) + fround(tik * (d[j * 64 + k] as number));
    }
  }
  return b;
}

const SORT_SCRATCH = new Float32Array(256);

/**
 * Threshold at the median. The reference (Torben's selection) returns the lower median, the 128th
 * smallest of 256 values; a bit is set when its coefficient is strictly greater.
 */
function bitsToHex(dct: Float32Array): HexString {
  SORT_SCRATCH.set(dct);
  SORT_SCRATCH.sort();
  const median = SORT_SCRATCH[127] as number;
  let hex = '';
  // Word i holds row i (bit j = column j); words are printed from 15 down to 0.
  for (let i = 15; i >= 0; i--) {
    let word = 0;
    for (let j = 0; j < 16; j++) if ((dct[i * 16 + j] as number) > median) word |= 1 << j;
    hex += word.toString(16).padStart(4, '0');
  }
  return hex;
}
