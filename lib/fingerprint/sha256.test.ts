import { sha256 } from '@noble/hashes/sha2.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesToHex } from './hex.ts';
import { sha256Hex } from './sha256.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // FIPS 180-2 / NIST examples.
  it('hashes the standard test vectors', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256Hex(utf8('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes only the view, not the whole underlying buffer', async () => {
    const big = utf8('xxabcxx');
    expect(await sha256Hex(big.subarray(2, 5))).toBe(await sha256Hex(utf8('abc')));
  });

  it('accepts a SharedArrayBuffer-backed view', async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(3));
    shared.set(utf8('abc'));
    expect(await sha256Hex(shared)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with @noble/hashes on 1 MB', async () => {
    const data = new Uint8Array(1 << 20).map((_, i) => (i * 7919) & 0xff);
    expect(await sha256Hex(data)).toBe(bytesToHex(sha256(data)));
  });

  it('falls back to @noble/hashes where crypto.subtle is missing (insecure contexts)', async () => {
    vi.stubGlobal('crypto', {});
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await sha256Hex(utf8('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
