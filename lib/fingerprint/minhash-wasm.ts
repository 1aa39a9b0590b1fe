/**
 * The ISCC minhash inner loop as a small WebAssembly function, written here byte by byte. WebAssembly has
 * 64-bit integers, so h(f) = ((a·f + b) mod 2^64) mod (2^61 − 1) is a multiply, an add and a fold, where
 * JavaScript needs some thirty operations on 32-bit halves (minhash.ts): about 4 times faster in Node, and it
 * is most of a long page's text check when a text index is on (issue 14). minhash.ts falls back to its own
 * loop where WebAssembly cannot be compiled (a page's CSP without 'wasm-unsafe-eval').
 *
 * Memory layout: the 64 multipliers a (u64) at 0, the 64 offsets b at 512, the 64 minima (u32) written at
 * 1024, the features (u32) from 2048. `minhash(n)` reads n features.
 * Opcodes: https://webassembly.github.io/spec/core/binary/instructions.html
 */

const A_AT = 0;
const B_AT = 512;
const OUT_AT = 1024;
const FEATURES_AT = 2048;
const PAGE = 65536;

/** Unsigned LEB128 (sizes, counts, offsets). */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// Locals of the function: 0 n (the parameter), 1 i, 2 j, 3 min, 4 h, 5 p (i32); 6 a, 7 b, 8 x (i64).
const [N, I, J, MIN, H, P, A, B, X] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const get = (l: number) => [0x20, l];
const set = (l: number) => [0x21, l];
const tee = (l: number) => [0x22, l];
/** i32.const, signed LEB128 (only small non-negative values and −1 here). */
const i32 = (v: number) => (v === -1 ? [0x41, 0x7f] : [0x41, ...sleb(v)]);
/** i64.const 2^61 − 1: eight bytes of seven one-bits and a last byte of five. */
const PRIME = [0x42, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1f];

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = [0x0b];
const BR = (depth: number) => [0x0c, depth];
const BR_IF = (depth: number) => [0x0d, depth];
const [I32_GE_U, I32_LT_U, I32_ADD, I32_SHL] = [0x4f, 0x49, 0x6a, 0x74];
const [I64_GE_U, I64_ADD, I64_SUB, I64_MUL, I64_AND, I64_SHR_U] = [0x5a, 0x7c, 0x7d, 0x7e, 0x83, 0x88];
const [SELECT, I32_WRAP_I64] = [0x1b, 0xa7];
const i64Load = (offset: number) => [0x29, 3, ...uleb(offset)];
const i64Load32U = (offset: number) => [0x35, 2, ...uleb(offset)];
const i32Store = (offset: number) => [0x36, 2, ...uleb(offset)];

const BODY = [
  // Locals: five i32, three i64.
  2,
  5,
  0x7f,
  3,
  0x7e,
  ...i32(0),
  ...set(I),
  ...BLOCK,
  ...LOOP,
  // for (i = 0; i < 64; i++)
  ...get(I),
  ...i32(64),
  I32_GE_U,
  ...BR_IF(1),
  ...get(I),
  ...i32(3),
  I32_SHL,
  ...i64Load(A_AT),
  ...set(A),
  ...get(I),
  ...i32(3),
  I32_SHL,
  ...i64Load(B_AT),
  ...set(B),
  ...i32(-1),
  ...set(MIN),
  ...i32(FEATURES_AT),
  ...set(P),
  ...i32(0),
  ...set(J),
  ...BLOCK,
  ...LOOP,
  // for (j = 0; j < n; j++, p += 4)
  ...get(J),
  ...get(N),
  I32_GE_U,
  ...BR_IF(1),
  // x = a * f + b, wrapping at 2^64
  ...get(A),
  ...get(P),
  ...i64Load32U(0),
  I64_MUL,
  ...get(B),
  I64_ADD,
  ...tee(X),
  // x mod (2^61 − 1): 2^61 = 1 (mod p), so the top three bits fold onto the low 61 ...
  ...PRIME,
  I64_AND,
  ...get(X),
  ...[0x42, 61],
  I64_SHR_U,
  I64_ADD,
  ...set(X),
  // ... and one conditional subtraction of p finishes it: select(x − p, x, x ≥ p)
  ...get(X),
  ...PRIME,
  I64_SUB,
  ...get(X),
  ...get(X),
  ...PRIME,
  I64_GE_U,
  SELECT,
  // h = the low 32 bits; min = h < min ? h : min
  I32_WRAP_I64,
  ...tee(H),
  ...get(MIN),
  ...get(H),
  ...get(MIN),
  I32_LT_U,
  SELECT,
  ...set(MIN),
  ...get(P),
  ...i32(4),
  I32_ADD,
  ...set(P),
  ...get(J),
  ...i32(1),
  I32_ADD,
  ...set(J),
  ...BR(0),
  ...END,
  ...END,
  // out[i] = min
  ...get(I),
  ...i32(2),
  I32_SHL,
  ...get(MIN),
  ...i32Store(OUT_AT),
  ...get(I),
  ...i32(1),
  I32_ADD,
  ...set(I),
  ...BR(0),
  ...END,
  ...END,
  ...END,
];

/** The module's bytes: one function (i32) → (), one exported memory. */
export function minhashModuleBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name('memory'), 2, 0, ...name('minhash'), 0, 0]),
    ...section(10, [1, ...uleb(BODY.length), ...BODY]),
  ]);
}

export type MinhashFunction = (features: ArrayLike<number>) => Uint32Array;

/**
 * The WebAssembly minhash over the given 64 + 64 permutation constants, or null where WebAssembly is missing
 * or refused (the caller then uses its JavaScript loop).
 */
export function loadWasmMinhash(a: readonly bigint[], b: readonly bigint[]): MinhashFunction | null {
  let memory: WebAssembly.Memory;
  let run: (n: number) => void;
  try {
    // Synchronous compilation is allowed for a module this small, on any thread.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(minhashModuleBytes()));
    memory = instance.exports.memory as WebAssembly.Memory;
    run = instance.exports.minhash as (n: number) => void;
  } catch {
    return null;
  }
  const constants = new BigUint64Array(memory.buffer, 0, 128);
  constants.set(a, A_AT / 8);
  constants.set(b, B_AT / 8);
  return (features) => {
    const n = features.length;
    const needed = FEATURES_AT + n * 4;
    if (needed > memory.buffer.byteLength) {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    }
    // Views are made after any grow: growing detaches the old buffer.
    new Uint32Array(memory.buffer, FEATURES_AT, n).set(features);
    run(n);
    return new Uint32Array(memory.buffer.slice(OUT_AT, OUT_AT + 256));
  };
}
