import { readdirSync, readFileSync } from 'node:fs';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import type { C2paEngine } from '../c2pa/engine.ts';
import { mimeFor } from '../c2pa/mime-for.ts';
import { readC2pa } from '../c2pa/read-c2pa.ts';
import type { TrustLists } from '../c2pa/trust-settings.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import { verdictFor } from '../verdict/verdict.ts';
import { isCurrentCachedItem } from './cache-row-schema.ts';
import { C2paEvidenceSchema, EvidenceSchema, VerdictResultSchema } from './evidence-schema.ts';

const translate = await localeTranslate('en');

/**
 * The schemas must accept what the real engine makes of real files, or every real row would be dropped
 * from the cache as damaged: every C2PA fixture, conformance and real-world, through the real engine.
 */
const DIRS = ['../../fixtures/c2pa/', '../../fixtures/c2pa-realworld/'].map(
  (d) => new URL(d, import.meta.url),
);
const FILES = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(jpe?g|png|webp|avif|heic|mp4|m4a|mov|wav|mp3)$/i.test(f))
    .map((f) => new URL(f, dir)),
);

let engine: C2paEngine;
let lists: TrustLists;
beforeAll(async () => {
  engine = await loadC2paEngineNode();
  lists = await loadBundledTrustListsNode({ official: true, interim: true });
});

describe('evidence schemas against the real engine', () => {
  it('accept the evidence, verdict and cached row of every C2PA fixture', async () => {
    expect(FILES.length).toBeGreaterThan(20);
    const states = new Set<string>();
    for (const file of FILES) {
      const bytes = new Uint8Array(readFileSync(file));
      const c2pa = await readC2pa(engine, bytes, mimeFor(bytes) ?? 'image/jpeg', {
        trust: lists,
        remote: { enabled: false, fetch: () => Promise.reject(new Error('offline')) },
      });
      states.add(c2pa.state);
      const name = file.pathname.split('/').pop();
      const parsed = v.safeParse(C2paEvidenceSchema, c2pa);
      expect(
        parsed.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`),
        name,
      ).toBeUndefined();
      const evidence = { fingerprints: { kind: 'image' as const, sha256: 'ab'.repeat(32) }, c2pa };
      expect(v.is(EvidenceSchema, evidence), name).toBe(true);
      const verdict = verdictFor(evidence, translate);
      expect(v.is(VerdictResultSchema, verdict), name).toBe(true);
      const row = {
        key: 'ab'.repeat(32),
        kind: 'image',
        urls: [],
        evidence,
        parts: {},
        ...verdict,
        checkedAt: 1,
      };
      expect(isCurrentCachedItem({ ...row, lastAccess: 1, size: 1, rowVersion: 1 }), name).toBe(true);
    }
    // The files cover every state the schema allows, so none of its branches is untested.
    expect([...states].sort()).toEqual(['error', 'invalid', 'none', 'valid']);
  }, 300_000);

  it('reject evidence that verdictFor() could not read', () => {
    const good = {
      state: 'valid',
      trust: 'trusted',
      codes: [],
      aiGenerated: false,
      actions: [],
      ingredients: [],
    };
    expect(v.is(C2paEvidenceSchema, good)).toBe(true);
    expect(v.is(C2paEvidenceSchema, { ...good, state: 'fine' })).toBe(false);
    expect(v.is(C2paEvidenceSchema, { ...good, codes: 'none' })).toBe(false);
    expect(v.is(C2paEvidenceSchema, { ...good, trust: undefined })).toBe(false);
    expect(v.is(C2paEvidenceSchema, { ...good, signer: 'Adobe' })).toBe(false);
  });
});
