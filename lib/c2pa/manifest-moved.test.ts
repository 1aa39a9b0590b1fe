import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '../bytes/concat-bytes.ts';
import type { C2paEvidence } from '../evidence/types.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import { verdictFor } from '../verdict/verdict.ts';
import type { C2paEngine } from './engine.ts';
import { locateManifestStore } from './extract-manifest-store.ts';
import { activeExclusions, type HashExclusion, manifestMoved } from './manifest-moved.ts';
import { readC2pa } from './read-c2pa.ts';
import type { TrustLists } from './trust-settings.ts';

const file = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

const en = await localeTranslate('en');

/** A JPEG comment segment (FF FE), 4 + text bytes: what an editor or a CMS adds without re-encoding. */
const comment = (text: string) => {
  const body = new TextEncoder().encode(text);
  const n = body.length + 2;
  return concatBytes([new Uint8Array([0xff, 0xfe, n >> 8, n & 0xff]), body]);
};

const insertAt = (bytes: Uint8Array, at: number, extra: Uint8Array) =>
  concatBytes([bytes.subarray(0, at), extra, bytes.subarray(at)]);

/** A PNG tEXt chunk; the CRC is not checked by the engine's hash, so any 4 bytes do. */
const pngChunk = (text: string) => {
  const body = new TextEncoder().encode(text);
  const n = body.length;
  return concatBytes([
    new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]),
    new TextEncoder().encode('tEXt'),
    body,
    new Uint8Array(4),
  ]);
};

/** Where each fixture's signed data-hash exclusion says the store was, read with the engine. */
let engine: C2paEngine;
let trust: TrustLists;
beforeAll(async () => {
  engine = await loadC2paEngineNode();
  trust = await loadBundledTrustListsNode({ official: true, interim: true });
});

async function signedExclusions(bytes: Uint8Array, mime: string): Promise<HashExclusion[]> {
  return engine.read(mime, bytes, '{}', (reader) => {
    const active = JSON.parse(reader.json()).active_manifest as string;
    return activeExclusions(reader.crJson(), active);
  });
}

describe('manifestMoved', () => {
  it('says nothing for a file as it was signed', async () => {
    const bytes = file('c2pa/valid_C_c2pars.jpg');
    const exclusions = await signedExclusions(bytes, 'image/jpeg');
    const place = locateManifestStore(bytes);
    // The signed exclusion is exactly the store's segments: the place found here is the one c2pa-rs checks.
    expect(exclusions).toEqual([{ start: place?.start, length: (place?.end ?? 0) - (place?.start ?? 0) }]);
    expect(manifestMoved(bytes, exclusions)).toBeUndefined();
  });

  it('measures a segment added before the store, fill bytes, and a segment removed', async () => {
    const bytes = file('c2pa/valid_C_c2pars.jpg');
    const exclusions = await signedExclusions(bytes, 'image/jpeg');
    expect(manifestMoved(insertAt(bytes, 2, comment('resized by a CMS')), exclusions)).toBe(20);
    const store = locateManifestStore(bytes)?.start ?? 0;
    // Fill bytes before a marker are legal JPEG and change no pixel, but the signed bytes did change.
    expect(manifestMoved(insertAt(bytes, store, new Uint8Array([0xff, 0xff])), exclusions)).toBe(2);
    const withComment = insertAt(bytes, 2, comment('x'.repeat(40)));
    const signedThere = [{ start: store + 44, length: exclusions[0]?.length ?? 0 }];
    expect(manifestMoved(bytes, signedThere)).toBe(-44);
    expect(manifestMoved(withComment, signedThere)).toBeUndefined();
  });

  it('forgives a tool that pointed inside its own framing (Truepic Lens iOS 1.5: 2 bytes in)', async () => {
    const bytes = file('c2pa-realworld/truepic_lens-ios_capture.jpg');
    const exclusions = await signedExclusions(bytes, 'image/jpeg');
    expect(exclusions[0]?.start).toBe((locateManifestStore(bytes)?.start ?? 0) + 2);
    expect(manifestMoved(bytes, exclusions)).toBeUndefined();
    // The same file with a segment added before the store has moved all the same.
    expect(manifestMoved(insertAt(bytes, 2, comment('added')), exclusions)).toBe(7);
  });

  it('says nothing about an exclusion of another extent (the 2023 Truepic SDK: from byte 0)', async () => {
    const bytes = file('c2pa/valid_truepic_camera.jpg');
    const exclusions = await signedExclusions(bytes, 'image/jpeg');
    expect(exclusions).toEqual([{ start: 0, length: locateManifestStore(bytes)?.end }]);
    expect(manifestMoved(insertAt(bytes, 2, comment('added')), exclusions)).toBeUndefined();
  });

  it('measures PNG chunks and WebP chunks', async () => {
    const png = file('c2pa/valid_photoshop.png');
    const pngExclusions = await signedExclusions(png, 'image/png');
    // After the IHDR chunk (8 + 25 bytes), before the caBX chunk.
    expect(manifestMoved(insertAt(png, 33, pngChunk('Comment\0edited')), pngExclusions)).toBe(26);
    const webp = file('c2pa-realworld/openai_dalle3-chatgpt_puppy.webp');
    const webpExclusions = await signedExclusions(webp, 'image/webp');
    const store = locateManifestStore(webp)?.start ?? 0;
    const chunk = concatBytes([
      new TextEncoder().encode('XTRA'),
      new Uint8Array([6, 0, 0, 0]),
      new Uint8Array(6),
    ]);
    expect(manifestMoved(insertAt(webp, store, chunk), webpExclusions)).toBe(14);
  });

  it('says nothing without a store, or without usable exclusions', () => {
    expect(manifestMoved(file('c2pa/none_A.jpg'), [{ start: 20, length: 100 }])).toBeUndefined();
    const bytes = file('c2pa/valid_C_c2pars.jpg');
    expect(manifestMoved(bytes, [])).toBeUndefined();
    expect(manifestMoved(bytes, [{ start: -1, length: Number.NaN }])).toBeUndefined();
  });
});

describe('activeExclusions', () => {
  it('reads the active manifest’s data-hash exclusions, and nothing from a broken crJSON', () => {
    const cr = JSON.stringify({
      manifests: [
        { label: 'old', assertions: { 'c2pa.hash.data': { exclusions: [{ start: 1, length: 2 }] } } },
        {
          label: 'active',
          assertions: {
            'c2pa.hash.data': { exclusions: [{ start: 20, length: 900 }, { start: 'x' }] },
            'c2pa.actions': {},
          },
        },
      ],
    });
    expect(activeExclusions(cr, 'active')).toEqual([{ start: 20, length: 900 }]);
    expect(activeExclusions(cr, 'absent')).toEqual([]);
    expect(activeExclusions('{not json', 'active')).toEqual([]);
    expect(activeExclusions('{"manifests":{}}', 'active')).toEqual([]);
  });
});

describe('a store that moved reads as a change to the file, not as the tool’s mistake', () => {
  const verdict = (c2pa: C2paEvidence) => verdictFor({ c2pa }, en);

  it('is tampered, and says what moved, for a segment added before the store', async () => {
    const bytes = insertAt(file('c2pa/valid_C_c2pars.jpg'), 2, comment('resized by a CMS'));
    const evidence = await readC2pa(engine, bytes, 'image/jpeg', { trust });
    expect(verdict(evidence).verdict).toBe('tampered');
    expect(evidence.failures?.malformed).toEqual([]);
    expect(evidence.failures?.tamper.map((f) => f.explanation).join(' ')).toContain(
      'sit 20 bytes later than where they were signed: bytes were added before them',
    );
  });

  it('is tampered, and says so, for a segment removed before the store (the JFIF APP0 an optimiser drops)', async () => {
    const original = file('c2pa/valid_C_c2pars.jpg');
    // The file starts SOI, APP0 (18 bytes, at 2), then the APP11 store at 20.
    expect([original[2], original[3], locateManifestStore(original)?.start]).toEqual([0xff, 0xe0, 20]);
    const bytes = concatBytes([original.subarray(0, 2), original.subarray(20)]);
    const evidence = await readC2pa(engine, bytes, 'image/jpeg', { trust });
    expect(verdict(evidence).verdict).toBe('tampered');
    expect(evidence.failures?.tamper.map((f) => f.explanation).join(' ')).toContain(
      'sit 18 bytes earlier than where they were signed: bytes were removed before them',
    );
  });

  it('is tampered for a PNG chunk added before the store', async () => {
    const bytes = insertAt(file('c2pa/valid_photoshop.png'), 33, pngChunk('Comment\0edited'));
    const evidence = await readC2pa(engine, bytes, 'image/png', { trust });
    expect(verdict(evidence).verdict).toBe('tampered');
  });

  it('keeps the writer’s own mistakes as malformed credentials', async () => {
    for (const path of ['c2pa-realworld/truepic_lens-ios_capture.jpg', 'c2pa/valid_truepic_camera.jpg']) {
      const evidence = await readC2pa(engine, file(path), 'image/jpeg', { trust });
      expect(verdict(evidence).verdict, path).toBe('error');
      expect(evidence.failures?.tamper, path).toEqual([]);
      expect(evidence.failures?.malformed.length, path).toBeGreaterThan(0);
    }
  });

  it('calls a Truepic Lens iOS capture with a segment added before its store tampered', async () => {
    const bytes = insertAt(file('c2pa-realworld/truepic_lens-ios_capture.jpg'), 2, comment('added'));
    const evidence = await readC2pa(engine, bytes, 'image/jpeg', { trust });
    expect(verdict(evidence).verdict).toBe('tampered');
  });
});
