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
  fillLuma(pixels, channels, 0, n, luma, 0, 1);
  return luma;
}

/** Luma of pixels [from, from + count) into out[at], out[at + stride], ... */
function fillLuma(
  pixels: Uint8Array | Uint8ClampedArray,
  channels: number,
  from: number,
  count: number,
  out: Float32Array,
  at: number,
  stride: number,
): void {
  for (let p = 0, q = from * channels, o = at; p < count; p++, q += channels, o += stride) {
    // (R + G) is rounded to single before adding B, as in the reference's left-to-right float sum.
    out[o] =
      fround(
        (LUMA_R_TABLE[pixels[q] as number] as number) + (LUMA_G_TABLE[pixels[q + 1] as number] as number),
      ) + (LUMA_B_TABLE[pixels[q + 2] as number] as number);
  }
}

/** Rows y0..y0+nb of a row-major buffer into the interleaved lane layout. */
function copyLanes(buf: Float32Array, width: number, y0: number, nb: number, lanes: Float32Array): void {
  for (let k = 0; k < nb; k++) {
    for (let x = 0, i = (y0 + k) * width, o = k; x < width; x++, i++, o += LANES) lanes[o] = buf[i] as number;
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
  return blurAndDecimate(new Float32Array(width * height), width, height, (lanes, y0, nb) => {
    for (let k = 0; k < nb; k++) fillLuma(pixels, channels, (y0 + k) * width, width, lanes, k, LANES);
  });
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
  return blurAndDecimate(luma, width, height, (lanes, y0, nb) => copyLanes(luma, width, y0, nb, lanes));
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

/**
 * Fills `lanes` with rows y0..y0+nb-1 of a box pass's input, interleaved: lanes[x * LANES + k] is row y0+k,
 * column x (nb <= LANES).
 */
type RowSource = (lanes: Float32Array, y0: number, nb: number) => void;

/**
 * Rows filtered side by side. Eight independent running sums hide the latency of each one's chain of
 * dependent additions, and the interleaved layout keeps them in registers and their inputs contiguous.
 */
const LANES = 8;

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
  const lanes = new Float32Array(LANES * width);
  const out = new Float32Array(LANES * width);
  const sums = new Float32Array(width);
  const ring = new Float32Array(wc * width);

  // Pass 1, every pixel.
  boxRows(source, width, height, wr, lanes, out, buf, width, identity);
  boxColsInPlace(buf, width, height, wc, ring, sums);
  // Pass 2, sampled columns only.
  const cw = cols.length;
  const compact = new Float32Array(height * cw);
  boxRows(
    (l, y0, nb) => copyLanes(buf, width, y0, nb, l),
    width,
    height,
    wr,
    lanes,
    out,
    compact,
    cw,
    colOut,
  );
  boxColsInPlace(compact, cw, height, wc, ring, sums);

  const out64 = new Float32Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    const row = (ys[i] as number) * cw;
    for (let j = 0; j < 64; j++)
      out64[i * 64 + j] = compact[row + (colOut[xs[j] as number] as number)] as number;
  }
  return out64;
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
 * One box pass along every row, LANES rows at a time. The window has `half` samples up to and including the
 * centre and shrinks at both ends (the sum is divided by the number of samples actually in it). The four
 * phases replay the reference's sequence of additions and subtractions so that each row's single-precision
 * running sum rounds identically. Output x goes to column colOut[x] of `dst` (row width dstWidth), or
 * nowhere when colOut[x] < 0 (then it is not even divided).
 */
function boxRows(
  source: RowSource,
  width: number,
  height: number,
  w: number,
  lanes: Float32Array,
  out: Float32Array,
  dst: Float32Array,
  dstWidth: number,
  colOut: Int32Array,
): void {
  const half = (w + 2) >> 1;
  const p1 = half - 1; // phase 1: fill the left half of the first window, no output
  const subStart = w; // phases 1-2 (p1 + (w - half + 1) steps) only add; phase 3 slides the full window
  const addEnd = width; // phase 4 (the last half - 1 steps) only subtracts
  const steps = width + half - 1;
  for (let y0 = 0; y0 < height; y0 += LANES) {
    const nb = Math.min(LANES, height - y0);
    // Unused lanes of the last block hold zeros (never written out).
    if (nb < LANES) lanes.fill(0);
    source(lanes, y0, nb);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    let count = 0;
    let r = 0; // lane offset of the sample entering the window
    let l = 0; // lane offset of the sample leaving it
    let oi = 0;
    // Step i adds a sample in phases 1-3, subtracts one in phases 3-4 and writes output i - p1 from phase 2 on.
    // One loop with the four phases as conditions keeps the eight sums in registers.
    for (let i = 0; i < steps; i++) {
      if (i < addEnd) {
        s0 = fround(s0 + (lanes[r] as number));
        s1 = fround(s1 + (lanes[r + 1] as number));
        s2 = fround(s2 + (lanes[r + 2] as number));
        s3 = fround(s3 + (lanes[r + 3] as number));
        s4 = fround(s4 + (lanes[r + 4] as number));
        s5 = fround(s5 + (lanes[r + 5] as number));
        s6 = fround(s6 + (lanes[r + 6] as number));
        s7 = fround(s7 + (lanes[r + 7] as number));
        r += LANES;
        if (i < subStart) count++;
      }
      if (i >= subStart) {
        s0 = fround(s0 - (lanes[l] as number));
        s1 = fround(s1 - (lanes[l + 1] as number));
        s2 = fround(s2 - (lanes[l + 2] as number));
        s3 = fround(s3 - (lanes[l + 3] as number));
        s4 = fround(s4 - (lanes[l + 4] as number));
        s5 = fround(s5 - (lanes[l + 5] as number));
        s6 = fround(s6 - (lanes[l + 6] as number));
        s7 = fround(s7 - (lanes[l + 7] as number));
        l += LANES;
        if (i >= addEnd) count--;
      }
      if (i >= p1) {
        const c = colOut[oi++] as number;
        if (c >= 0) {
          const o = c * LANES;
          out[o] = s0 / count;
          out[o + 1] = s1 / count;
          out[o + 2] = s2 / count;
          out[o + 3] = s3 / count;
          out[o + 4] = s4 / count;
          out[o + 5] = s5 / count;
          out[o + 6] = s6 / count;
          out[o + 7] = s7 / count;
        }
      }
    }
    // Lanes back to rows.
    for (let k = 0; k < nb; k++) {
      const row = (y0 + k) * dstWidth;
      for (let j = 0, o = k; j < dstWidth; j++, o += LANES) dst[row + j] = out[o] as number;
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
  const median = pdqMedian(dct);
  return pdqBitsHex((i) => (dct[i] as number) > median);
}

/** The median PDQ thresholds at: the lower median (the 128th smallest of the 256 coefficients). */
export function pdqMedian(dct: Float32Array): number {
  SORT_SCRATCH.set(dct);
  SORT_SCRATCH.sort();
  return SORT_SCRATCH[127] as number;
}

/** The 16 x 16 coefficients PDQ thresholds (a copy), for callers that need how near each bit is to flipping. */
export function pdqCoefficients(luma64: Float32Array): Float32Array {
  if (luma64.length < 4096) throw new Error('PDQ: a 64x64 luma buffer needs 4096 values');
  return dct64To16(luma64).slice();
}

/** 64 hex chars with bit i (row i >> 4, column i & 15) set where `set(i)` holds, in PDQ's word order. */
export function pdqBitsHex(set: (index: number) => boolean): HexString {
  let hex = '';
  // Word i holds row i (bit j = column j); words are printed from 15 down to 0.
  for (let i = 15; i >= 0; i--) {
    let word = 0;
    for (let j = 0; j < 16; j++) if (set(i * 16 + j)) word |= 1 << j;
    hex += word.toString(16).padStart(4, '0');
  }
  return hex;
}
