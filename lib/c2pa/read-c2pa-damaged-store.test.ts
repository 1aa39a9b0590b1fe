import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import type { C2paEngine } from './engine.ts';
import { readC2pa } from './read-c2pa.ts';

/**
 * A damaged manifest store is not the same as no manifest store. docs/architecture.md "Badge precedence": "could not
 * check" is never shown as "no provenance"; a grey "no provenance" badge is even hidden by default, so a
 * one-bit corruption must not make Content Credentials that are visibly there disappear from the page.
 * Stripping the store entirely is another matter: that file really has no C2PA data, and reading "none"
 * is right (C2PA cannot tell a stripped file from one never signed; the registry can).
 */

const DIR = new URL('../../fixtures/c2pa/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));

let engine: C2paEngine;
beforeAll(async () => {
  engine = await loadC2paEngineNode();
});

function indexOfAscii(bytes: Uint8Array, text: string, from = 0): number {
  outer: for (let i = from; i + text.length <= bytes.length; i++) {
    for (let j = 0; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** The JPEG without its APP11 segments (where C2PA keeps its JUMBF), everything else byte for byte. */
function stripApp11(bytes: Uint8Array): Uint8Array {
  const out: number[] = [0xff, 0xd8];
  let i = 2;
  while (i + 4 <= bytes.length) {
    const marker = bytes[i + 1] as number;
    const length = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
    if (marker === 0xda) break; // start of scan: the rest is entropy-coded data
    if (marker !== 0xeb) out.push(...bytes.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return Uint8Array.from([...out, ...bytes.subarray(i)]);
}

describe('a damaged manifest store', () => {
  it('with a flipped bit in its type UUID reads as an error, not as "no manifest"', async () => {
    const bytes = fixture('valid_C_c2pars.jpg');
    // The store's description box: `jumd`, the 16-byte type UUID (63327061-0011-0010-8000-00AA00389B71,
    // whose first bytes read "c2pa"), toggles, then the label "c2pa".
    const jumd = indexOfAscii(bytes, 'jumd', indexOfAscii(bytes, 'jumb'));
    expect(new TextDecoder().decode(bytes.subarray(jumd + 4, jumd + 8))).toBe('c2pa');
    expect(new TextDecoder().decode(bytes.subarray(jumd + 21, jumd + 25))).toBe('c2pa');
    // 'c2pa' → 'c"pa' in the UUID: the superbox is all there (APP11, 45 KB, labelled "c2pa").
    bytes[jumd + 5] = (bytes[jumd + 5] as number) ^ 0x10;
    const e = await readC2pa(engine, bytes, 'image/jpeg', { trust: {} });
    // Today the engine reports JumbfNotFound and this comes back as state 'none' (→ "no provenance").
    expect(e.state).toBe('error');
    expect(e.error).toBeTruthy();
  });

  it('with a flipped bit in its label still validates (the engine finds the store by its UUID)', async () => {
    const bytes = fixture('valid_C_c2pars.jpg');
    const jumd = indexOfAscii(bytes, 'jumd', indexOfAscii(bytes, 'jumb'));
    bytes[jumd + 22] = (bytes[jumd + 22] as number) ^ 0x10;
    const e = await readC2pa(engine, bytes, 'image/jpeg', { trust: {} });
    // The label is structure no signature covers; what is signed is intact, so 'valid' is honest.
    expect(e.state).toBe('valid');
  });

  it('with a flipped bit in its `jumb` box type already reads as an error (the contrast case)', async () => {
    const bytes = fixture('valid_C_c2pars.jpg');
    const jumb = indexOfAscii(bytes, 'jumb');
    bytes[jumb + 1] = (bytes[jumb + 1] as number) ^ 0x01;
    const e = await readC2pa(engine, bytes, 'image/jpeg', { trust: {} });
    expect(e.state).toBe('error');
  });

  it('removed entirely reads as "none": stripping leaves no trace to report', async () => {
    const stripped = stripApp11(fixture('valid_C_c2pars.jpg'));
    expect(indexOfAscii(stripped, 'jumb')).toBe(-1);
    const e = await readC2pa(engine, stripped, 'image/jpeg', { trust: {} });
    expect(e.state).toBe('none');
  });
});
