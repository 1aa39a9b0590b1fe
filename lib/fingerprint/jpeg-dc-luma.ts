/**
 * The luma of a JPEG at 1/8 scale, read from the DC coefficients alone: one value per 8 x 8 block of the luma
 * component, the block's mean (DC x quantiser / 8 + 128). It entropy-decodes the scans but does no inverse DCT,
 * no chroma and no colour conversion, so a 1600 x 1000 photo costs a few milliseconds instead of a full decode.
 *
 * Used only to SCREEN images against the PDQ index (screen-pdq.ts): the hash of this image is close to the
 * exact `cpp_nn512` hash but not equal to it, so it decides only whether an exact decode is worth doing.
 *
 * Reads baseline and extended sequential (SOF0/SOF1) and progressive (SOF2) Huffman JPEGs of 8-bit samples,
 * greyscale or YCbCr. Anything else (arithmetic coding, lossless, 12-bit, CMYK, Adobe RGB) returns undefined,
 * and so does a file this reader finds corrupt or truncated: the caller then decodes the image exactly, which
 * gives the file's real error. The orientation in EXIF is applied, as the exact decoders do.
 * Format: ITU-T T.81 (https://www.w3.org/Graphics/JPEG/itu-t81.pdf), sections B (syntax), F.2.2 (decoding of
 * DC and AC coefficients) and G.2 (progressive scans); EXIF 2.32, tag 0x0112.
 */
import { readAscii } from '../bytes/read-ascii.ts';
import { readExifOrientation } from './exif-orientation.ts';

export interface DcLuma {
  /** Row-major block means, 0..255, `width * height` values. */
  luma: Float32Array;
  width: number;
  height: number;
}

interface Huffman {
  /**
   * Indexed by the next LOOKUP_BITS bits; 0 where the code is longer. For DC tables: (length << 8) | symbol.
   * For AC tables, what skipping the coefficient needs: bits to skip (code and value) | positions advanced
   * << 5 | (end of block) << 10; the value bits are skipped, never read, since only DC is kept.
   */
  lookup: Uint16Array;
  /** Canonical decoding of the longer codes, per length 1..16 (F.2.2.3). */
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  symbols: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
  tq: number;
  /** Blocks per line and per column that carry image data (A.2.3). */
  blocksWide: number;
  blocksHigh: number;
}

interface Frame {
  progressive: boolean;
  components: Component[];
  mcusWide: number;
  mcusHigh: number;
  /** DC coefficients of the first (luma) component, on its padded MCU grid (mcusWide*h x mcusHigh*v). */
  dc: Int32Array;
  dcStride: number;
}

const LOOKUP_BITS = 10;
const AC_EOB = 1 << 10;

/** Thrown inside the reader; never escapes jpegDcLuma. */
class Unreadable extends Error {}

function acEntry(len: number, rs: number): number {
  const s = rs & 15;
  const r = rs >> 4;
  if (s === 0) return r === 15 ? len | (16 << 5) : len | AC_EOB;
  return (len + s) | ((r + 1) << 5);
}

function buildHuffman(counts: Uint8Array, symbols: Uint8Array, ac: boolean): Huffman {
  const lookup = new Uint16Array(1 << LOOKUP_BITS);
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1] as number;
    valPtr[len] = k;
    minCode[len] = code;
    for (let i = 0; i < n; i++, k++, code++) {
      if (len <= LOOKUP_BITS) {
        const shift = LOOKUP_BITS - len;
        const sym = symbols[k] as number;
        const entry = ac ? acEntry(len, sym) : (len << 8) | sym;
        for (let j = code << shift, end = (code + 1) << shift; j < end; j++) lookup[j] = entry;
      }
    }
    // A code space overflow means a corrupt table.
    if (code > 1 << len) throw new Unreadable('bad Huffman table');
    maxCode[len] = n > 0 ? code - 1 : -1;
    code <<= 1;
  }
  return { lookup, maxCode, valPtr, minCode, symbols };
}

/**
 * One scan's entropy-coded data with the stuffed zero bytes removed, four zero bytes of padding (decoders feed
 * zeros past the end), where each restart interval starts, and where the scan ends in the file.
 */
interface ScanData {
  bytes: Uint8Array;
  /** Byte offsets in `bytes` at which an RSTn marker stood. */
  restarts: number[];
  end: number;
}

function unstuff(b: Uint8Array, from: number): ScanData {
  const out = new Uint8Array(b.length - from + 4);
  const restarts: number[] = [];
  let n = 0;
  let i = from;
  for (;;) {
    const ff = b.indexOf(0xff, i);
    const stop = ff === -1 || ff + 1 >= b.length ? b.length : ff;
    out.set(b.subarray(i, stop), n);
    n += stop - i;
    if (stop === b.length) return { bytes: out.subarray(0, n + 4), restarts, end: b.length };
    const m = b[ff + 1] as number;
    if (m === 0) {
      out[n++] = 0xff;
    } else if (m >= 0xd0 && m <= 0xd7) {
      restarts.push(n);
    } else if (m === 0xff) {
      // Fill bytes before a marker.
      i = ff + 1;
      continue;
    } else {
      return { bytes: out.subarray(0, n + 4), restarts, end: ff };
    }
    i = ff + 2;
  }
}

/** Position of the next marker (not a stuffed 0xFF00 or a restart marker) at or after `from`. */
function nextMarker(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(0xff, from); i !== -1 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    const m = b[i + 1] as number;
    if (m !== 0 && m !== 0xff && (m < 0xd0 || m > 0xd7)) return i;
  }
  return b.length;
}

const u16 = (b: Uint8Array, i: number): number => ((b[i] as number) << 8) | (b[i + 1] as number);

function readFrame(b: Uint8Array, at: number, progressive: boolean): Frame {
  if (b[at] !== 8) throw new Unreadable('not 8-bit');
  const height = u16(b, at + 1);
  const width = u16(b, at + 3);
  const n = b[at + 5] as number;
  if (width === 0 || height === 0 || (n !== 1 && n !== 3)) throw new Unreadable('unsupported frame');
  const raw: { id: number; h: number; v: number; tq: number }[] = [];
  for (let i = 0; i < n; i++) {
    const p = at + 6 + i * 3;
    const hv = b[p + 1] as number;
    raw.push({ id: b[p] as number, h: hv >> 4, v: hv & 15, tq: b[p + 2] as number });
  }
  if (raw.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3))
    throw new Unreadable('bad frame');
  const hMax = Math.max(...raw.map((c) => c.h));
  const vMax = Math.max(...raw.map((c) => c.v));
  const components = raw.map((c) => ({
    ...c,
    blocksWide: Math.ceil(Math.ceil((width * c.h) / hMax) / 8),
    blocksHigh: Math.ceil(Math.ceil((height * c.v) / vMax) / 8),
  }));
  const mcusWide = Math.ceil(width / (8 * hMax));
  const mcusHigh = Math.ceil(height / (8 * vMax));
  const y = components[0] as Component;
  const dcStride = mcusWide * y.h;
  return {
    progressive,
    components,
    mcusWide,
    mcusHigh,
    dc: new Int32Array(dcStride * mcusHigh * y.v),
    dcStride,
  };
}

interface Scan {
  comps: { index: number; dc: Huffman; ac: Huffman | undefined }[];
  ss: number;
  ah: number;
  al: number;
}

/** The next 16 bits at bit position `pos` (the data is padded, so this never reads past its end). */
const peek16 = (d: Uint8Array, pos: number): number => {
  const p = pos >>> 3;
  return (
    ((((d[p] as number) << 16) | ((d[p + 1] as number) << 8) | (d[p + 2] as number)) >>> (8 - (pos & 7))) &
    0xffff
  );
};

/** A Huffman code too long for the lookup: returns (length << 8) | symbol. */
function slowDecode(t: Huffman, bits16: number): number {
  for (let len = LOOKUP_BITS + 1; len <= 16; len++) {
    const code = bits16 >>> (16 - len);
    if (code <= (t.maxCode[len] as number)) {
      const sym = t.symbols[(t.valPtr[len] as number) + code - (t.minCode[len] as number)];
      if (sym === undefined) break;
      return (len << 8) | sym;
    }
  }
  throw new Unreadable('bad Huffman code');
}

/**
 * Decodes one scan, keeping the luma DC values; returns where its data ends in the file. The blocks of an MCU
 * are listed once (unit*), so the loop over the image does no per-block lookups.
 */
function decodeScan(b: Uint8Array, from: number, f: Frame, scan: Scan, restartInterval: number): number {
  const { bytes: d, restarts, end } = unstuff(b, from);
  const limit = (d.length - 4) * 8;
  const { dc, dcStride } = f;
  const refine = scan.ah > 0;
  const withAc = !f.progressive;
  const shift = scan.al;
  // The MCU's blocks: which scan component, and where in the MCU (rows and columns of blocks).
  const unitComp: number[] = [];
  const unitRow: number[] = [];
  const unitCol: number[] = [];
  const single = scan.comps.length === 1;
  for (let ci = 0; ci < scan.comps.length; ci++) {
    const c = f.components[(scan.comps[ci] as Scan['comps'][number]).index] as Component;
    const hs = single ? 1 : c.h;
    const vs = single ? 1 : c.v;
    for (let v = 0; v < vs; v++) {
      for (let h = 0; h < hs; h++) {
        unitComp.push(ci);
        unitRow.push(v);
        unitCol.push(h);
      }
    }
  }
  const first = f.components[(scan.comps[0] as Scan['comps'][number]).index] as Component;
  const mcusWide = single ? first.blocksWide : f.mcusWide;
  const mcusHigh = single ? first.blocksHigh : f.mcusHigh;
  const dcTables = scan.comps.map((c) => c.dc);
  const acTables = scan.comps.map((c) => c.ac);
  const isLuma = scan.comps.map((c) => c.index === 0);
  const vOf = scan.comps.map((c) => (single ? 1 : (f.components[c.index] as Component).v));
  const hOf = scan.comps.map((c) => (single ? 1 : (f.components[c.index] as Component).h));
  const preds = new Int32Array(scan.comps.length);
  const total = mcusWide * mcusHigh;
  let pos = 0;
  let mcu = 0;
  let nextRestart = 0;
  for (let my = 0; my < mcusHigh; my++) {
    for (let mx = 0; mx < mcusWide; mx++, mcu++) {
      if (restartInterval > 0 && mcu > 0 && mcu % restartInterval === 0) {
        // Byte-aligned at the next interval's start; predictions start again from 0.
        const at = restarts[nextRestart++];
        if (at === undefined) throw new Unreadable('restart marker missing');
        pos = at * 8;
        preds.fill(0);
      }
      for (let u = 0; u < unitComp.length; u++) {
        const ci = unitComp[u] as number;
        const row = my * (vOf[ci] as number) + (unitRow[u] as number);
        const col = mx * (hOf[ci] as number) + (unitCol[u] as number);
        if (refine) {
          const bit = (peek16(d, pos) >>> 15) & 1;
          pos += 1;
          const at = row * dcStride + col;
          if (bit && isLuma[ci]) dc[at] = (dc[at] as number) | (1 << shift);
          continue;
        }
        const t = dcTables[ci] as Huffman;
        let bits = peek16(d, pos);
        let e = t.lookup[bits >>> (16 - LOOKUP_BITS)] as number;
        if (e === 0) e = slowDecode(t, bits);
        pos += e >> 8;
        const s = e & 0xff;
        let diff = 0;
        if (s !== 0) {
          if (s > 11) throw new Unreadable('bad DC size');
          const v = peek16(d, pos) >>> (16 - s);
          pos += s;
          diff = v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
        }
        const value = (preds[ci] as number) + diff;
        preds[ci] = value;
        if (isLuma[ci]) dc[row * dcStride + col] = value * (1 << shift);
        if (!withAc) continue;
        const ac = acTables[ci] as Huffman;
        const lookup = ac.lookup;
        for (let k = 1; k < 64; ) {
          bits = peek16(d, pos);
          e = lookup[bits >>> (16 - LOOKUP_BITS)] as number;
          if (e === 0) {
            const slow = slowDecode(ac, bits);
            e = acEntry(slow >> 8, slow & 0xff);
          }
          pos += e & 31;
          if (e & AC_EOB) break;
          k += (e >> 5) & 31;
        }
      }
      if (pos > limit) throw new Unreadable('scan data ends early');
    }
  }
  if (mcu !== total) throw new Unreadable('scan incomplete');
  return end;
}

/**
 * The block-mean luma of a JPEG at 1/8 scale with its EXIF orientation applied, or undefined when the file is
 * not a JPEG this reader handles (see the module comment). Never throws.
 */
export function jpegDcLuma(b: Uint8Array): DcLuma | undefined {
  try {
    return read(b);
  } catch (e) {
    if (e instanceof Unreadable || e instanceof RangeError) return undefined;
    throw e;
  }
}

function read(b: Uint8Array): DcLuma | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  const quant: (number | undefined)[] = [];
  const dcTables: (Huffman | undefined)[] = [];
  const acTables: (Huffman | undefined)[] = [];
  let frame: Frame | undefined;
  let restartInterval = 0;
  let orientation = 1;
  let colourTransform: number | undefined;
  let lumaDone = false;
  let i = 2;
  while (i + 4 <= b.length && !lumaDone) {
    if (b[i] !== 0xff) throw new Unreadable('marker expected');
    const marker = b[i + 1] as number;
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker === 0xd9) break;
    const len = u16(b, i + 2);
    const at = i + 4;
    const end = i + 2 + len;
    if (len < 2 || end > b.length) throw new Unreadable('segment overruns the file');
    switch (marker) {
      case 0xdb: // DQT: only each table's first value (the DC quantiser) is needed.
        for (let p = at; p < end; ) {
          const pq = (b[p] as number) >> 4;
          const tq = (b[p] as number) & 15;
          if (tq > 3 || pq > 1) throw new Unreadable('bad DQT');
          quant[tq] = pq ? u16(b, p + 1) : (b[p + 1] as number);
          p += 1 + (pq ? 128 : 64);
        }
        break;
      case 0xc4: // DHT
        for (let p = at; p < end; ) {
          const tc = (b[p] as number) >> 4;
          const th = (b[p] as number) & 15;
          if (tc > 1 || th > 3) throw new Unreadable('bad DHT');
          const counts = b.subarray(p + 1, p + 17);
          let total = 0;
          for (const c of counts) total += c;
          const symbols = b.subarray(p + 17, p + 17 + total);
          if (symbols.length !== total) throw new Unreadable('bad DHT');
          (tc === 0 ? dcTables : acTables)[th] = buildHuffman(counts, symbols, tc === 1);
          p += 17 + total;
        }
        break;
      case 0xdd: // DRI
        restartInterval = u16(b, at);
        break;
      case 0xe1:
        orientation = readExifOrientation(b.subarray(at, end)) ?? orientation;
        break;
      case 0xee: // Adobe APP14: its transform flag says whether three components are YCbCr (1) or RGB (0).
        if (len >= 14 && readAscii(b, at, 5) === 'Adobe') {
          colourTransform = b[at + 11] as number;
        }
        break;
      case 0xc0:
      case 0xc1:
      case 0xc2:
        if (frame) throw new Unreadable('two frames');
        frame = readFrame(b, at, marker === 0xc2);
        break;
      case 0xda: {
        if (!frame) throw new Unreadable('scan before frame');
        const scan = readScanHeader(b, at, frame, dcTables, acTables);
        const touchesLuma = scan.comps.some((c) => c.index === 0);
        // Progressive AC scans carry nothing this reader needs, nor does a sequential scan without luma.
        const wanted = touchesLuma && (!frame.progressive || scan.ss === 0);
        i = wanted ? decodeScan(b, end, frame, scan, restartInterval) : nextMarker(b, end);
        // A sequential scan that held luma has given every luma DC value.
        if (wanted && !frame.progressive) lumaDone = true;
        continue;
      }
      default:
        // Other frame types (lossless, hierarchical, arithmetic coding) are not read here.
        if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
          return undefined;
    }
    i = end;
  }
  if (!frame) return undefined;
  // RGB-coded JPEGs (Adobe transform 0, or components named R, G, B) have no luma component to read.
  const ids = frame.components.map((c) => c.id).join(',');
  if (frame.components.length === 3 && (colourTransform === 0 || ids === '82,71,66')) return undefined;
  const y = frame.components[0] as Component;
  const q = quant[y.tq];
  if (q === undefined) throw new Unreadable('no quantisation table');
  if (!lumaDone && !frame.progressive) throw new Unreadable('no luma scan');
  const w = y.blocksWide;
  const h = y.blocksHigh;
  const luma = new Float32Array(w * h);
  for (let row = 0; row < h; row++) {
    for (let col = 0; col < w; col++) {
      const v = ((frame.dc[row * frame.dcStride + col] as number) * q) / 8 + 128;
      luma[row * w + col] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return orient({ luma, width: w, height: h }, orientation);
}

function readScanHeader(
  b: Uint8Array,
  at: number,
  f: Frame,
  dcTables: (Huffman | undefined)[],
  acTables: (Huffman | undefined)[],
): Scan {
  const n = b[at] as number;
  if (n < 1 || n > 4) throw new Unreadable('bad scan header');
  const comps: Scan['comps'] = [];
  for (let k = 0; k < n; k++) {
    const id = b[at + 1 + k * 2] as number;
    const tables = b[at + 2 + k * 2] as number;
    const index = f.components.findIndex((c) => c.id === id);
    if (index < 0) throw new Unreadable('scan names an unknown component');
    const dc = dcTables[tables >> 4];
    const ac = acTables[tables & 15];
    comps.push({ index, dc: dc as Huffman, ac });
  }
  const p = at + 1 + n * 2;
  const scan: Scan = {
    comps,
    ss: b[p] as number,
    ah: (b[p + 2] as number) >> 4,
    al: (b[p + 2] as number) & 15,
  };
  const dcScan = !f.progressive || scan.ss === 0;
  if (dcScan && scan.ah === 0 && comps.some((c) => !c.dc)) throw new Unreadable('missing DC table');
  if (!f.progressive && comps.some((c) => !c.ac)) throw new Unreadable('missing AC table');
  if (scan.al > 13) throw new Unreadable('bad successive approximation');
  return scan;
}

/** Applies an EXIF orientation (1..8) to the block image, as the exact decoders do to the pixels. */
export function orient(img: DcLuma, orientation: number): DcLuma {
  if (orientation < 2 || orientation > 8) return img;
  const { luma, width: w, height: h } = img;
  const swap = orientation >= 5;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Float32Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          [sx, sy] = [w - 1 - x, y];
          break;
        case 3:
          [sx, sy] = [w - 1 - x, h - 1 - y];
          break;
        case 4:
          [sx, sy] = [x, h - 1 - y];
          break;
        case 5:
          [sx, sy] = [y, x];
          break;
        case 6:
          [sx, sy] = [y, h - 1 - x];
          break;
        case 7:
          [sx, sy] = [w - 1 - y, h - 1 - x];
          break;
        default:
          [sx, sy] = [w - 1 - y, x];
      }
      out[y * ow + x] = luma[sy * w + sx] as number;
    }
  }
  return { luma: out, width: ow, height: oh };
}
