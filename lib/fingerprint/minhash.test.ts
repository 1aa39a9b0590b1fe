import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesToHex } from './hex.ts';
import { minhash, minhash64, minhash256, minhashCompress, minhashJs } from './minhash.ts';
import { loadWasmMinhash, minhashModuleBytes } from './minhash-wasm.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/iscc/vectors.json', import.meta.url), 'utf8'),
);

/** Straight BigInt transcription of the definition, to check the 32-bit-halves arithmetic against. */
function minhashBigInt(features: number[]): number[] {
  const src = readFileSync(new URL('./minhash.ts', import.meta.url), 'utf8');
  const constants = [...src.matchAll(/(\d{15,})n/g)].map((m) => BigInt(m[1] as string));
  const mpa = constants.slice(0, 64);
  const mpb = constants.slice(64, 128);
  const mask64 = (1n << 64n) - 1n;
  const prime = (1n << 61n) - 1n;
  return mpa.map((a, i) => {
    let min = 1n << 32n;
    for (const f of features) {
      const h = (((a * BigInt(f) + (mpb[i] as bigint)) & mask64) % prime) & 0xffffffffn;
      if (h < min) min = h;
    }
    return Number(min);
  });
}

describe('minhash', () => {
  it('reproduces iscc-core test_minhash_single_feature (first, last and the full derived vector)', () => {
    const [c] = vectors.alg_minhash;
    const mh = Array.from(minhash(c.input_features));
    expect(mh).toHaveLength(c.expected_len);
    expect(mh[0]).toBe(c.expected_first);
    expect(mh[63]).toBe(c.expected_last);
    expect(mh).toEqual(c.expected_full__derived);
  });

  it('reproduces iscc-core test_minhash_64', () => {
    for (const c of vectors.alg_minhash_64)
      expect(bytesToHex(minhash64(c.input_features))).toBe(c.expected_hex);
  });

  it('agrees with exact BigInt arithmetic on random and edge features', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const features = [
      0,
      1,
      0xffffffff,
      0x80000000,
      0x7fffffff,
      0xffff,
      0x10000,
      ...Array.from({ length: 300 }, rnd),
    ];
    // Both loops: the WebAssembly one (what minhash runs here) and the JavaScript fallback.
    for (const run of [minhash, minhashJs]) {
      expect(Array.from(run(features))).toEqual(minhashBigInt(features));
      // One feature at a time checks every (permutation, feature) pair, not only the minima.
      for (const f of features.slice(0, 60)) expect(Array.from(run([f]))).toEqual(minhashBigInt([f]));
    }
  });

  it('reproduces the iscc-core vectors with the JavaScript fallback too', () => {
    for (const c of vectors.alg_minhash_64)
      expect(bytesToHex(minhashCompress(minhashJs(c.input_features), 1))).toBe(c.expected_hex);
  });

  it('refuses an empty feature list (Python min() of nothing raises too)', () => {
    expect(() => minhash([])).toThrow(/no features/);
  });
});

describe('the WebAssembly minhash', () => {
  afterEach(() => vi.unstubAllGlobals());
  const constants = () => {
    const src = readFileSync(new URL('./minhash.ts', import.meta.url), 'utf8');
    const all = [...src.matchAll(/(\d{15,})n/g)].map((m) => BigInt(m[1] as string));
    return [all.slice(0, 64), all.slice(64, 128)] as const;
  };

  it('is a valid module, and is what minhash runs where WebAssembly compiles', () => {
    expect(WebAssembly.validate(minhashModuleBytes())).toBe(true);
    expect(loadWasmMinhash(...constants())).toBeTypeOf('function');
  });

  it('grows its memory for long texts and gives the same minima as the JavaScript loop', () => {
    const wasm = loadWasmMinhash(...constants());
    if (!wasm) throw new Error('no WebAssembly');
    let seed = 99;
    const rnd = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed;
    };
    // 200 000 features need 13 pages past the first; a short call after a long one reads only its own.
    const long = Uint32Array.from({ length: 200_000 }, rnd);
    expect(Array.from(wasm(long))).toEqual(Array.from(minhashJs(long)));
    const short = [rnd(), rnd(), rnd()];
    expect(Array.from(wasm(short))).toEqual(Array.from(minhashJs(short)));
    expect(Array.from(wasm(short))).toEqual(minhashBigInt(short));
  });

  it('is null where WebAssembly is refused (a CSP without wasm-unsafe-eval), so the caller falls back', () => {
    vi.stubGlobal('WebAssembly', {
      ...WebAssembly,
      Module: function refused() {
        throw new Error('Refused to compile or instantiate WebAssembly module');
      },
    });
    expect(loadWasmMinhash(...constants())).toBeNull();
  });
});

describe('minhashCompress', () => {
  it('takes bit planes first: bit 0 of all 64 values, then bit 1, ...', () => {
    const mh = new Array(64).fill(0);
    mh[0] = 0b10; // bit 1 of value 0 -> overall bit 64 -> byte 8, MSB
    mh[63] = 0b1; // bit 0 of value 63 -> overall bit 63 -> byte 7, LSB
    const out = minhashCompress(mh, 2);
    expect(bytesToHex(out)).toBe('0000000000000001' + '8000000000000000');
  });

  it('gives 32 bytes with lsb=4 and 8 with lsb=1', () => {
    expect(minhash256([1, 2, 3])).toHaveLength(32);
    expect(minhash64([1, 2, 3])).toHaveLength(8);
  });
});
