/**
 * The ISCC minhash (iscc-core `iscc_core/minhash.py`, ISO 24138): 64 universal hash permutations
 * h_i(f) = (((a_i * f + b_i) mod 2^64) mod (2^61 - 1)) mod 2^32, each keeping its minimum over all features.
 *
 * The 64-bit product must wrap exactly. WebAssembly's i64 does it natively (minhash-wasm.ts, used wherever it
 * compiles); the JavaScript fallback below works on 32-bit halves held in doubles (every intermediate stays
 * below 2^53), since BigInt is ~50x slower.
 */

import { loadWasmMinhash, type MinhashFunction } from './minhash-wasm.ts';

// The 64 + 64 permutation constants, copied from iscc-core iscc_core/minhash.py (MPA, MPB), Apache-2.0.
const MPA = [
  853146490016488653n,
  1849332765672628665n,
  1131688930666554379n,
  1936485333668353377n,
  890837126813020267n,
  1988249303247129861n,
  1408894512544874755n,
  2140251716176616185n,
  1755124413189049421n,
  1355916793659431597n,
  546586563822844083n,
  497603761441203021n,
  2000709902557454173n,
  1057597903350092207n,
  1576204252850880253n,
  2078784234495706739n,
  1022616668454863635n,
  2150082342606334489n,
  712341150087765807n,
  1511757510246096559n,
  1525853819909660573n,
  1263771796138990131n,
  1215963627200985263n,
  590069150281426443n,
  130824646248385081n,
  962725325544728503n,
  1702561325943522847n,
  296074222435072629n,
  490211158716051523n,
  1255327197241792767n,
  699458998727907367n,
  32930168991409845n,
  1985097843455124585n,
  362027841570125531n,
  1903252144040897835n,
  900391845076405289n,
  547470123601853551n,
  1689373724032359119n,
  845594231933442371n,
  400331968021206285n,
  174967108345233429n,
  876513700861085019n,
  505848386844809885n,
  1920468508342256199n,
  1292611725303815789n,
  963317239501343903n,
  1730880032297268007n,
  284614929850059717n,
  1185026248283273081n,
  2167288823816985197n,
  1214905315086686483n,
  1555253098157439857n,
  1048013650291539723n,
  1238618594841147605n,
  1213502582686547311n,
  286300733803129311n,
  1250358511639043529n,
  407534797452854371n,
  960869149538623787n,
  1722699901467253087n,
  1325704236119824319n,
  196979859428570839n,
  1669408735473259699n,
  781336617016068757n,
];
const MPB = [
  1089606993368836715n,
  726972438868274737n,
  66204585613901025n,
  1078410179646709132n,
  1343470117098523467n,
  698653121981343911n,
  1248486536592473639n,
  1447963007834012793n,
  1034598851883537815n,
  1474008409379745934n,
  793773480906057541n,
  980501101461882479n,
  963941556313537655n,
  233651787311327325n,
  243905121737149907n,
  570269452476776142n,
  297633284648631084n,
  1516796967247398557n,
  1494795672066692649n,
  1728741177365151059n,
  1029197538967983408n,
  1660732464170610344n,
  1399769594446678069n,
  506465470557005705n,
  1279720146829545181n,
  860096419955634036n,
  411519685280832908n,
  69539191273403207n,
  1960489729088056217n,
  605092075716397684n,
  1017496016211653149n,
  1304834535101321372n,
  949013511180032347n,
  1142776242221098779n,
  576980004709031232n,
  1071272177143100544n,
  1494527341093835499n,
  1073290814142727850n,
  1285904200674942617n,
  1277176606329477335n,
  343788427301735585n,
  2100915269685487331n,
  1227711252031557450n,
  18593166391963377n,
  2101884148332688233n,
  191808277534686888n,
  2170124912729392024n,
  918430470748151293n,
  1831024560113812361n,
  1951365515851067694n,
  744352348473654499n,
  1921518311887826722n,
  2020165648600700886n,
  1764930142256726985n,
  1903893374912839788n,
  1449378957774802122n,
  1435825328374066345n,
  833197549717762813n,
  2238991044337210799n,
  748955638857938366n,
  1834583747494146901n,
  222012292803592982n,
  901238460725547841n,
  1501611130776083278n,
];

const TWO32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO32;
// Per permutation: high 32 bits of a and b, and the low 32 bits of a split into 16-bit halves.
const A_HI = new Uint32Array(64);
const A_LO0 = new Uint32Array(64);
const A_LO1 = new Uint32Array(64);
const B_HI = new Uint32Array(64);
const B_LO = new Uint32Array(64);
for (let i = 0; i < 64; i++) {
  const a = MPA[i] as bigint;
  const b = MPB[i] as bigint;
  A_HI[i] = Number(a >> 32n);
  A_LO0[i] = Number(a & 0xffffn);
  A_LO1[i] = Number((a >> 16n) & 0xffffn);
  B_HI[i] = Number(b >> 32n);
  B_LO[i] = Number(b & 0xffffffffn);
}

/** The WebAssembly loop (minhash-wasm.ts), made on first use; null where WebAssembly is refused. */
let wasm: MinhashFunction | null | undefined;

/** 64 minimum hash values (uint32) over the features (uint32 each, at least one). */
export function minhash(features: ArrayLike<number>): Uint32Array {
  if (features.length === 0) throw new Error('minhash: no features');
  if (wasm === undefined) wasm = loadWasmMinhash(MPA, MPB);
  return wasm ? wasm(features) : minhashJs(features);
}

/** The same in JavaScript, where WebAssembly cannot run. */
export function minhashJs(features: ArrayLike<number>): Uint32Array {
  const n = features.length;
  if (n === 0) throw new Error('minhash: no features');
  const fs = Uint32Array.from(features);
  const out = new Uint32Array(64);
  // Permutation-major: the constants stay in registers and the running minimum in a local.
  for (let i = 0; i < 64; i++) {
    const a0 = A_LO0[i] as number;
    const a1 = A_LO1[i] as number;
    const aHi = A_HI[i] as number;
    const bLo = B_LO[i] as number;
    const bHi = B_HI[i] as number;
    let min = TWO32;
    for (let j = 0; j < n; j++) {
      const f = fs[j] as number;
      const f0 = f & 0xffff;
      const f1 = f >>> 16;
      // aLo * f as (prodHi, prodLo) from four 16x16-bit products (each below 2^32, so exact).
      const ll = a0 * f0;
      const lh = a0 * f1;
      const hl = a1 * f0;
      const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
      const prodLo = ((mid << 16) | (ll & 0xffff)) >>> 0;
      const prodHi = a1 * f1 + (lh >>> 16) + (hl >>> 16) + (mid >>> 16);
      // + aHi * f (only its low 32 bits survive the 2^64 wrap) + b.
      const xLo = prodLo + bLo;
      const xLo32 = xLo >>> 0;
      // Branch-free carry (exact: the difference is 0 or 2^32); a data-dependent branch mispredicts often.
      const carry = (xLo - xLo32) * TWO_POW_MINUS_32;
      const xHi = (prodHi + Math.imul(aHi, f) + bHi + carry) >>> 0;
      // x mod (2^61 - 1): since 2^61 = 1 (mod p), fold the top 3 bits onto the low 61 bits.
      let rLo = xLo32 + (xHi >>> 29);
      let rHi = xHi & 0x1fffffff;
      if (rLo > 0xffffffff) {
        rLo -= TWO32;
        rHi += 1;
      }
      // One conditional subtraction of p; only the low 32 bits are kept (r - p = r + 1 - 2^61).
      const h = rHi > 0x1fffffff || (rHi === 0x1fffffff && rLo === 0xffffffff) ? (rLo + 1) >>> 0 : rLo;
      if (h < min) min = h;
    }
    out[i] = min;
  }
  return out;
}

/**
 * Concatenate the `lsb` lowest bits of the 64 values, bit plane first (bit 0 of every value, then bit 1, ...),
 * read as a big-endian bit string: 64 values and lsb=4 give the 256-bit soft hash.
 */
export function minhashCompress(mh: ArrayLike<number>, lsb: number): Uint8Array {
  const total = mh.length * lsb;
  // iscc-core packs the bits into whole bytes; other counts would be right-aligned, which no caller needs.
  if (total % 8 !== 0) throw new Error('minhashCompress: bit count must be a multiple of 8');
  const out = new Uint8Array(Math.ceil(total / 8));
  let k = 0;
  for (let bit = 0; bit < lsb; bit++) {
    for (let i = 0; i < mh.length; i++, k++) {
      if ((((mh[i] as number) >>> bit) & 1) === 1) out[k >> 3] = (out[k >> 3] as number) | (0x80 >> (k & 7));
    }
  }
  return out;
}

/** 64-bit minhash digest (lsb = 1). */
export const minhash64 = (features: ArrayLike<number>): Uint8Array => minhashCompress(minhash(features), 1);

/** 256-bit minhash digest (lsb = 4), the ISCC Text-Code soft hash. */
export const minhash256 = (features: ArrayLike<number>): Uint8Array => minhashCompress(minhash(features), 4);
