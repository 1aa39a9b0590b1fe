import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { C2paEvidence, Verdict } from '../evidence/types.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import { verdictFor } from '../verdict/verdict.ts';
import type { C2paEngine } from './engine.ts';
import { readC2pa } from './read-c2pa.ts';
import type { TrustLists } from './trust-settings.ts';

const en = await localeTranslate('en');

/**
 * Files from real products (fixtures/c2pa-realworld/SOURCES.md: repository, commit, licence, and what a
 * careful fact-checker concludes from each), read as the extension reads them: both bundled lists, remote
 * manifests not fetched. Each row says why it expects what it expects.
 */

const DIR = new URL('../../fixtures/c2pa-realworld/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f !== 'SOURCES.md');

interface Expectation {
  verdict: Verdict;
  tier?: C2paEvidence['trust'];
  reason?: RegExp;
  why: string;
  check?: (e: C2paEvidence) => void;
}

const EXPECTED: Record<string, Expectation> = {
  'adobe_firefly1_butterfly.jpg': {
    verdict: 'ai-generated',
    tier: 'known',
    why: 'Firefly 1.0 declares trainedAlgorithmicMedia; signed by Adobe (CAI legacy list)',
  },
  'adobe_firefly_2024_ingredient-data-types.jpg': {
    verdict: 'ai-generated',
    why: 'Firefly 2024 declares trainedAlgorithmicMedia in c2pa.actions',
  },
  'adobe_firefly_genai-actions-v2.jpg': {
    verdict: 'ai-generated',
    why: 'c2pa.actions.v2 with trainedAlgorithmicMedia, over a second Firefly manifest',
  },
  'adobe_firefly_remote-manifest-only.jpg': {
    verdict: 'error',
    reason: /cai-manifests\.adobe\.com/,
    why: 'no embedded manifest; the XMP points to Adobe’s cloud: offline, could not check, naming the URL',
  },
  'adobe_firefly_truepic-demo.jpg': {
    verdict: 'ai-generated',
    why: 'Firefly image used as a Truepic demo asset',
  },
  'adobe_photoshop23_nikon-ingredient.png': {
    verdict: 'error',
    reason: /pre-release/,
    why: 'written by a pre-release Photoshop 23.3: the engine refuses it, and we say why',
  },
  'adobe_photoshop_remote-manifest-only.jpg': {
    verdict: 'error',
    reason: /cai-manifests\.adobe\.com/,
    why: '"save credentials to cloud": only the XMP reference is in the file',
  },
  'adobe_premiere_firefly-leica.mp4': {
    verdict: 'ai-generated',
    // The Leica capture is named only in the file's XMP history, not in any C2PA manifest.
    why: 'a Photoshop ingredient made with generative fill (compositeWithTrainedAlgorithmicMedia) is in the history',
    check: (e) => expect(e.ai?.some((d) => d.where === 'ingredient')).toBe(true),
  },
  'adobe_premiere_invalid-ingredient.mp4': {
    verdict: 'verified',
    tier: 'known',
    reason: /earlier step has a fault/,
    why: 'the only failures are an ingredient’s expired, untrusted demo certificate; additionalExclusionsPresent is informational',
    check: (e) => {
      expect(e.failures?.tamper).toEqual([]);
      expect(e.failures?.ingredient.map((f) => f.code)).toContain('signingCredential.expired');
    },
  },
  'google_genai_30-manifest-chain.png': {
    verdict: 'ai-generated',
    tier: 'trusted',
    why: 'Google generative image edited 30 times; the Google root is on the official list (and on the TSA list)',
  },
  'google_genai_lady.png': {
    verdict: 'ai-generated',
    tier: 'trusted',
    why: 'Google Generative AI; signer chains to the official C2PA list',
  },
  'openai_dalle3-chatgpt_puppy.webp': {
    verdict: 'ai-generated',
    why: 'DALL·E 3 via ChatGPT: AI declared in the ingredient manifest',
  },
  'openai_sora_video.mp4': {
    verdict: 'ai-generated',
    why: 'Sora video; its DigiCert timestamp is validated through the CAI anchors registered as a TSA list',
  },
  'origo_heic_bmff-v2_test-signed.heic': {
    verdict: 'unknown-signer',
    tier: 'untrusted',
    why: 'HEIC signed with an "origo TEST USE ONLY" certificate on no list',
  },
  'sony_camera-video_cawg.mp4': {
    verdict: 'unknown-signer',
    tier: 'untrusted',
    why: 'Sony camera capture with a CAWG identity; the signer is on none of the shipped lists',
  },
  'sony_camera-video_teletrax.mp4': {
    verdict: 'unknown-signer',
    why: 'assertion.action.malformed is in a prior manifest written by a beta tool; the content hashes match',
    check: (e) => {
      expect(e.failures?.tamper).toEqual([]);
      expect(e.failures?.ingredient.map((f) => f.code)).toContain('assertion.action.malformed');
    },
  },
  'truepic_lens-capture_photoshop24-edit.jpg': {
    verdict: 'verified',
    tier: 'known',
    why: 'Photoshop 24.2 edit of a Truepic Lens capture, signed by Adobe (CAI legacy list)',
  },
  'truepic_lens-ios_audio.m4a': {
    verdict: 'verified',
    tier: 'known',
    why: 'Truepic Lens iOS audio recording, signed by Truepic (CAI legacy list)',
  },
  'truepic_lens-ios_capture.jpg': {
    verdict: 'error',
    reason: /malformed \(the signing tool wrote them wrong/,
    why: 'the data-hash exclusion is 2 bytes off the manifest location: the signer’s tool, not an edit',
    check: (e) => expect(e.failures?.tamper).toEqual([]),
  },
};

const mimeOf = (name: string) =>
  name.endsWith('.mp4')
    ? 'video/mp4'
    : name.endsWith('.m4a')
      ? 'audio/mp4'
      : name.endsWith('.heic')
        ? 'image/heic'
        : name.endsWith('.png')
          ? 'image/png'
          : name.endsWith('.webp')
            ? 'image/webp'
            : 'image/jpeg';

let engine: C2paEngine;
let lists: TrustLists;

beforeAll(async () => {
  engine = await loadC2paEngineNode();
  lists = await loadBundledTrustListsNode({ official: true, interim: true });
});

async function read(name: string): Promise<C2paEvidence> {
  const bytes = new Uint8Array(readFileSync(new URL(name, DIR)));
  return readC2pa(engine, bytes, mimeOf(name), {
    trust: lists,
    remote: { enabled: false, fetch: () => Promise.reject(new Error('offline')) },
  });
}

describe('real-world files give what a careful fact-checker concludes', () => {
  it('has an expectation for every file in the folder', () => {
    expect(FILES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name}: ${want.verdict} (${want.why})`, async () => {
      const c2pa = await read(name);
      const result = verdictFor({ c2pa }, en);
      expect(result.verdict, result.reason).toBe(want.verdict);
      if (want.tier) expect(c2pa.trust).toBe(want.tier);
      if (want.reason) expect(result.reason).toMatch(want.reason);
      want.check?.(c2pa);
    });
  }
});

describe('the same bytes give the same verdict and tier', () => {
  it('in every read on one engine, in any order', async () => {
    const first = new Map<string, string>();
    for (const round of [0, 1]) {
      const order = round === 1 ? [...FILES].reverse() : FILES;
      for (const name of order) {
        const c2pa = await read(name);
        const key = `${verdictFor({ c2pa }, en).verdict}|${c2pa.trust}|${c2pa.trustList}`;
        if (round === 0) first.set(name, key);
        else expect(key, name).toBe(first.get(name));
      }
    }
  }, 180_000);

  it('in fresh engines (separate processes), for every C2PA file we have', async () => {
    const conformance = readdirSync(new URL('../../fixtures/c2pa/', import.meta.url))
      .filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f))
      .map((f) => `fixtures/c2pa/${f}`);
    const files = [...FILES.map((f) => `fixtures/c2pa-realworld/${f}`), ...conformance];
    const run = promisify(execFile);
    const runs = await Promise.all(
      [0, 1, 2].map(async () => {
        const { stdout } = await run(
          process.execPath,
          ['--import', 'tsx', 'cli/origin-lens.ts', 'verify', '--json', '--no-remote', ...files],
          { cwd: new URL('../../', import.meta.url).pathname, maxBuffer: 64 * 1024 * 1024 },
        ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }));
        const rows = JSON.parse(stdout) as Array<{
          source: string;
          verdict: string;
          c2pa?: { trust: string | null };
        }>;
        return rows.map((r) => `${r.source} ${r.verdict} ${r.c2pa?.trust ?? '-'}`);
      }),
    );
    expect(runs[0]).toHaveLength(files.length);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  }, 300_000);
});
