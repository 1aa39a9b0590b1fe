import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { C2paEvidence, C2paTrust } from '../evidence/types.ts';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import type { C2paEngine } from './engine.ts';
import { formatPemCertificate, readPemCertificates } from './pem-certificates.ts';
import { isRemoteNotFetched, REMOTE_NOT_FETCHED, readC2pa } from './read-c2pa.ts';
import { allowListDigests, type TrustLists } from './trust-settings.ts';

/**
 * Every expectation below comes from fixtures/c2pa/SOURCES.md, which records what each file gives with
 * @contentauth/c2pa-wasm, including its "Engine-version differences" section (0.13.3, then 0.15.0 = c2pa-rs 0.92.0),
 * the version package.json pins. An engine upgrade that changes a result must fail here.
 */

const DIR = new URL('../../fixtures/c2pa/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
const testRootBundle = readFileSync(new URL('trust/c2pa-rs-test-root-bundle.pem', DIR), 'utf8');

const REMOTE_URL =
  'https://cai-manifests.adobe.com/manifests/adobe-urn-uuid-5f37e182-3687-462e-a7fb-573462780391';

let engine: C2paEngine;
let NONE: TrustLists;
let OFFICIAL: TrustLists;
let INTERIM: TrustLists;
let BUNDLED: TrustLists;
let USER: TrustLists;

// Any request by the engine itself would go through the global fetch: fail the test if one happens.
let globalFetch: ReturnType<typeof vi.fn>;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  engine = await loadC2paEngineNode();
  NONE = {};
  OFFICIAL = await loadBundledTrustListsNode({ official: true, interim: false });
  INTERIM = await loadBundledTrustListsNode({ official: false, interim: true });
  BUNDLED = await loadBundledTrustListsNode({ official: true, interim: true });
  USER = { ...OFFICIAL, userAnchors: testRootBundle };
});

beforeEach(() => {
  globalFetch = vi.fn(() => Promise.reject(new Error('network is not allowed in tests')));
  globalThis.fetch = globalFetch as unknown as typeof fetch;
});

afterEach(() => {
  expect(globalFetch).not.toHaveBeenCalled();
  globalThis.fetch = realFetch;
  vi.useRealTimers();
});

/** The store-wide status codes (c2pa-rs `validation_status`), which is what SOURCES.md lists. */
function storeStatusCodes(e: C2paEvidence): string[] {
  const raw = e.raw as { validation_status?: Array<{ code: string }> } | undefined;
  return [...new Set((raw?.validation_status ?? []).map((s) => s.code))].sort();
}

interface Expected {
  state: C2paEvidence['state'];
  /** SOURCES.md "status codes (default)" (engine 0.13.3 column where it differs). */
  codes: string[];
  /** Tier with the CAI interim list: SOURCES.md "with interim list" (Trusted → known). */
  interim: C2paTrust;
  issuer?: string;
  commonName?: string;
  claimGenerator?: string;
  activeManifest?: string;
  ai: boolean;
}

const TEST_CERT = { issuer: 'C2PA Test Signing Cert', commonName: 'C2PA Signer' };
const ADOBE_PROD = { issuer: 'Adobe Inc.', commonName: 'cai-prod' };

const EMBEDDED: Record<string, Expected> = {
  'valid_C_c2pars.jpg': {
    state: 'valid',
    codes: ['signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    claimGenerator: 'make_test_images/0.33.1 c2pa-rs/0.33.1',
    activeManifest: 'contentauth:urn:uuid:b2b1f7fa-b119-4de1-9c0d-c97fbea3f2c3',
    ai: false,
  },
  'valid_CACA_two-manifests.jpg': {
    state: 'valid',
    codes: ['signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    // A v2 claim has no claim_generator string: "name/version" of claim_generator_info, as SOURCES.md shows.
    claimGenerator: 'make_test_images/0.67.1',
    activeManifest: 'urn:c2pa:fff4c43d-ffb0-4f23-bd0b-f47f1cf82057:contentauth',
    ai: false,
  },
  'valid_photoshop.png': {
    state: 'valid',
    codes: ['signingCredential.untrusted'],
    interim: 'known',
    ...ADOBE_PROD,
    claimGenerator:
      'Adobe_Photoshop/24.3.0 (build 20230316.r.376 37b4b38; win) cai-helper/0.5.3 adobe_c2pa/0.2.1 c2pa-rs/0.16.0',
    activeManifest: 'adobe:urn:uuid:1a43d9c3-e9d0-4704-bce3-389b20b8699e',
    ai: false,
  },
  // SOURCES.md "Engine-version differences": Valid with c2pa-rs 0.90.1, but 0.91.3 enforces that the
  // data-hash exclusion covers exactly the embedded manifest, and the 2023 Truepic SDK file does not, so
  // it is Invalid with assertion.dataHash.mismatch. The signer still chains to the interim list.
  'valid_truepic_camera.jpg': {
    state: 'invalid',
    codes: ['assertion.dataHash.mismatch', 'signingCredential.untrusted'],
    interim: 'known',
    issuer: 'Truepic',
    commonName: 'Truepic Lens SDK v1.1.3 in Vision Camera v3.1.5',
    claimGenerator: 'Truepic_Lens_SDK_libc2pa/2.5.1',
    activeManifest: 'com.truepic:urn:uuid:37742c5e-8a27-49fa-8302-3f079fcb76b9',
    ai: false,
  },
  'ai_composite_firefly_photoshop.jpg': {
    state: 'valid',
    codes: ['signingCredential.untrusted'],
    interim: 'known',
    issuer: 'Adobe Inc.',
    commonName: 'Adobe C2PA',
    claimGenerator: 'Adobe_Photoshop/26.9.0 adobe_c2pa/0.14.2 c2pa-rs/0.43.0',
    activeManifest: 'adobe:urn:uuid:f3a46a78-8103-4e04-9f98-abcf03ebab19',
    ai: true,
  },
  'ai_trained_genfill.jpg': {
    state: 'valid',
    codes: ['signingCredential.untrusted'],
    interim: 'known',
    ...ADOBE_PROD,
    claimGenerator:
      'Adobe_Photoshop/24.7.0 (build 20230628.m.2223 0770f83; mac) adobe_c2pa/0.4.6 c2pa-rs/0.18.0',
    activeManifest: 'adobe:urn:uuid:c5a3bba2-634f-4ff5-959b-680c586994d2',
    ai: true,
  },
  'ai_vendor-assertion-only_firefly1.jpg': {
    state: 'valid',
    codes: ['signingCredential.untrusted'],
    interim: 'known',
    ...ADOBE_PROD,
    claimGenerator: 'Adobe_Firefly/1.0 c2pa-rs/0.17.0',
    activeManifest: 'adobe:5468a4d3-0dc5-4550-8248-590eb7c520ec',
    ai: true,
  },
  'invalid_sig_E-sig-CA.jpg': {
    state: 'invalid',
    codes: ['claimSignature.mismatch', 'signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    claimGenerator: 'make_test_xxxxxx/0.16.1 c2pa-rs/0.16.1',
    activeManifest: 'contentauth:urn:uuid:04cdf4ec-f713-4e47-a8d6-7af56501ce4b',
    ai: false,
  },
  'invalid_datahash_E-dat-CA.jpg': {
    state: 'invalid',
    codes: ['assertion.dataHash.mismatch', 'signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    claimGenerator: 'make_test_images/0.16.1 c2pa-rs/0.16.1',
    activeManifest: 'contentauth:urn:uuid:04cdf4ec-f713-4e47-a8d6-7af56501ce4b',
    ai: false,
  },
  'invalid_assertionuri_E-uri-CA.jpg': {
    state: 'invalid',
    codes: ['assertion.hashedURI.mismatch', 'signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    claimGenerator: 'make_test_images/0.16.1 c2pa-rs/0.16.1',
    activeManifest: 'contentauth:urn:uuid:04cdf4ec-f713-4e47-a8d6-7af56501ce4b',
    ai: false,
  },
  // Clock-dependent (no trusted timestamp): expired against today's clock. Pinned separately below.
  'invalid_expired-cert_nikon.jpeg': {
    state: 'invalid',
    codes: ['signingCredential.expired', 'signingCredential.untrusted'],
    interim: 'untrusted',
    issuer: 'NIKON CORPORATION',
    commonName: 'NIKON CORPORATION',
    claimGenerator: 'Nikon_Z_9_Sample_for_Adobe_MAX_2022 c2pa-rs/0.14.0',
    activeManifest: 'urn:uuid:cfcf3edf-245e-4ba9-80d8-07b4ed4dffaf',
    ai: false,
  },
  // Read on its own the sidecar has no asset to hash, so its data hash cannot match (SOURCES.md).
  'remote_cloud_manifest.c2pa': {
    state: 'invalid',
    codes: ['assertion.dataHash.mismatch', 'signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    claimGenerator: 'TestApp c2patool/0.6.2 c2pa-rs/0.28.2',
    activeManifest: 'urn:uuid:e5412b29-135b-4c2d-8513-580286e19726',
    ai: false,
  },
  // SOURCES.md "Engine-version differences": still Valid, but 0.13.3 adds cawg.x509.credential.untrusted.
  'valid_cawg-identity_C_with_CAWG_data.jpg': {
    state: 'valid',
    codes: ['cawg.x509.credential.untrusted', 'signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    claimGenerator: 'c2pa cawg test/0.58.0',
    activeManifest: 'urn:c2pa:822f2ec0-ef27-4d95-88b4-74586c12873d',
    ai: false,
  },
  // The OFFLINE result in SOURCES.md: the did:web lookup is blocked (settings allow no network host).
  // With the interim list the active signer (Adobe Stock C2PA Stage) is known; the
  // signingCredential.untrusted SOURCES.md still lists there is the ingredient manifest's signer.
  'invalid_cawg-identity_ims_multiple_manifests.jpg': {
    state: 'invalid',
    codes: ['cawg.ica.did_unavailable', 'cawg.ica.signer_payload.mismatch', 'signingCredential.untrusted'],
    interim: 'known',
    issuer: 'Adobe Inc.',
    commonName: 'Adobe Stock C2PA Stage',
    claimGenerator: 'adobetest/0.1',
    activeManifest: 'urn:uuid:7256ca36-2a90-44ec-914d-f17c8d70c31f',
    ai: false,
  },
  'valid_boxhash.jpg': {
    state: 'valid',
    codes: ['signingCredential.untrusted'],
    interim: 'untrusted',
    ...TEST_CERT,
    claimGenerator: 'make_test_images/0.3.0 c2pa-rs/0.3.0',
    activeManifest: 'contentauth:urn:uuid:780b8445-8f68-4086-8083-ecdd6fc0d7cb',
    ai: false,
  },
};

const NO_MANIFEST = [
  'none_A.jpg',
  'none_xmp-provenance-but-no-jumbf.jpg',
  'none_sample1.webp',
  'none_sample1.avif',
];
const SPECIAL = ['error_unknown-alg_no_alg.jpg', 'remote_cloud.jpg'];

const read = (name: string, trust: TrustLists, mime = 'application/octet-stream') =>
  readC2pa(engine, fixture(name), mime, { trust });

describe('fixture coverage', () => {
  it('has an expectation for every file in fixtures/c2pa', () => {
    const files = readdirSync(DIR).filter((f) => /\.(jpe?g|png|webp|avif|c2pa)$/.test(f));
    const covered = [...Object.keys(EMBEDDED), ...NO_MANIFEST, ...SPECIAL];
    expect(files.sort()).toEqual(covered.sort());
  });
});

describe('readC2pa on the fixtures (SOURCES.md, engine 0.15.0)', () => {
  for (const [name, want] of Object.entries(EMBEDDED)) {
    it(`${name}: ${want.state}, codes and signer as recorded`, async () => {
      // The official list alone changes nothing here: "None of the fixtures here chain to it" (SOURCES.md).
      const e = await read(name, OFFICIAL);
      expect(e.state).toBe(want.state);
      expect(e.source).toBe('embedded');
      expect(storeStatusCodes(e)).toEqual([...want.codes].sort());
      expect(e.codes).toEqual(expect.arrayContaining(want.codes));
      expect(e.trust).toBe('untrusted');
      expect(e.signer?.issuer).toBe(want.issuer);
      expect(e.signer?.commonName).toBe(want.commonName);
      expect(e.claimGenerator).toBe(want.claimGenerator);
      expect(e.activeManifest).toBe(want.activeManifest);
      expect(e.aiGenerated).toBe(want.ai);
      expect(e.error).toBeUndefined();
    });

    it(`${name}: tier ${want.interim} with the interim list`, async () => {
      const interim = await read(name, INTERIM);
      expect(interim.trust).toBe(want.interim);
      expect(interim.state).toBe(want.state);
      // Official + interim together (the extension's default) give the same tier: one read, and the
      // engine names which list matched, so the two lists never blur.
      const bundled = await read(name, BUNDLED);
      expect(bundled.trust).toBe(want.interim);
    });
  }

  it('with no trust list at all, every signer is untrusted and the results are unchanged', async () => {
    for (const name of ['valid_photoshop.png', 'ai_trained_genfill.jpg', 'valid_C_c2pars.jpg']) {
      const e = await read(name, NONE);
      expect(e.trust).toBe('untrusted');
      expect(e.state).toBe(EMBEDDED[name]?.state);
    }
  });

  it.each(NO_MANIFEST)('%s: no manifest → none', async (name) => {
    // SOURCES.md: c2pa-wasm throws C2pa(JumbfNotFound). none_xmp-provenance-but-no-jumbf's XMP says
    // self#jumbf=… (embedded) but there is no JUMBF: still "no manifest", and no remote lookup.
    const e = await read(name, BUNDLED);
    expect(e).toMatchObject({ state: 'none', trust: null, codes: [], aiGenerated: false });
    expect(e.error).toBeUndefined();
  });

  it('error_unknown-alg_no_alg.jpg: the engine throws UnknownAlgorithm → error with a reason', async () => {
    const e = await read('error_unknown-alg_no_alg.jpg', BUNDLED);
    expect(e.state).toBe('error');
    expect(e.trust).toBeNull();
    expect(e.error).toMatch(/signature algorithm/);
  });

  it('sniffs the bytes: a lying Content-Type does not change the result', async () => {
    const png = await read('valid_photoshop.png', INTERIM, 'image/jpeg');
    expect(png).toMatchObject({ state: 'valid', trust: 'known', format: 'image/png' });
    const jpeg = await read('valid_C_c2pars.jpg', NONE, 'text/html');
    expect(jpeg.state).toBe('valid');
  });
});

describe('trust tiers', () => {
  it('user anchors: the c2pa-rs TEST root makes valid_C_c2pars.jpg trusted-by-user, shown as known', async () => {
    // SOURCES.md: "with the c2pa-rs test bundle … valid_C_c2pars.jpg becomes Trusted". We map the user's
    // own anchors to `known` by default: the user vouched for them, but they are not the official list.
    const e = await read('valid_C_c2pars.jpg', USER);
    expect(e).toMatchObject({ state: 'valid', trust: 'known' });
    expect(e.codes).not.toContain('signingCredential.untrusted');
  });

  it('a signer chaining to the list in the official slot is trusted', async () => {
    // No fixture chains to the real official list (SOURCES.md), so put the c2pa-rs TEST root in the
    // official slot to exercise the official → trusted path through the engine.
    const e = await read('valid_C_c2pars.jpg', { official: testRootBundle, interim: INTERIM.interim });
    expect(e).toMatchObject({ state: 'valid', trust: 'trusted' });
  });

  it('user anchors can be configured to count as trusted', async () => {
    const e = await read('valid_C_c2pars.jpg', { ...USER, userAnchorsTier: 'trusted' });
    expect(e.trust).toBe('trusted');
  });

  it('an allow list, sent to the engine as digests, makes its end-entity signer known; a wrong one does not', async () => {
    // c2pa-rs's own test allow list holds the signer of valid_C_c2pars.jpg, with no anchor it chains to.
    const allowed = readFileSync(new URL('trust/c2pa-rs-test-allowed-list.pem', DIR), 'utf8');
    const lists = (list: string): TrustLists => ({ interim: { anchors: '', allowed: list, storeCfg: '' } });
    const e = await read('valid_C_c2pars.jpg', lists(allowed));
    expect(e).toMatchObject({ state: 'valid', trust: 'known', trustList: 'cai-legacy' });
    expect(e.codes).not.toContain('signingCredential.untrusted');
    // The same certificates as digests typed into the list give the same answer…
    expect(await read('valid_C_c2pars.jpg', lists(allowListDigests(allowed)))).toEqual(e);
    // …and the list without that signer (its fifth certificate, the PS256 one) leaves it untrusted.
    const others = readPemCertificates(allowed)
      .certificates.filter((_, i) => i !== 4)
      .map((c) => formatPemCertificate(c.body))
      .join('');
    const without = await read('valid_C_c2pars.jpg', lists(others));
    expect(without.trust).toBe('untrusted');
  });

  it('a signer on the interim list stays known when the user anchors are also enabled', async () => {
    const e = await read('valid_photoshop.png', { ...BUNDLED, userAnchors: testRootBundle });
    expect(e.trust).toBe('known');
  });

  it('an invalid manifest keeps its signer tier (the Truepic signer is known, the content is not intact)', async () => {
    const e = await read('valid_truepic_camera.jpg', BUNDLED);
    expect(e).toMatchObject({ state: 'invalid', trust: 'known' });
    expect(e.codes).toContain('assertion.dataHash.mismatch');
  });
});

describe('signer, actions, ingredients, thumbnail', () => {
  it('reads the signing time and the time-stamp authority', async () => {
    const e = await read('ai_composite_firefly_photoshop.jpg', INTERIM);
    expect(e.signer).toEqual({
      issuer: 'Adobe Inc.',
      commonName: 'Adobe C2PA',
      time: '2025-08-13T16:30:55+00:00',
      timestampAuthority: 'Adobe SHA256 ECC256 Timestamp Responder 2025 1',
    });
  });

  it('maps actions, with softwareAgent as a string and descriptions from parameters', async () => {
    const e = await read('ai_composite_firefly_photoshop.jpg', NONE);
    expect(e.actions).toEqual([
      {
        action: 'c2pa.opened',
        digitalSourceType:
          'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
        description: 'Opened a pre-existing file',
      },
      {
        action: 'c2pa.cropped',
        description: 'Used cropping tools, reducing or expanding visible content area',
      },
      {
        action: 'c2pa.edited',
        softwareAgent: 'Adobe Firefly',
        digitalSourceType:
          'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
      },
    ]);
  });

  it('builds the ingredient tree from the ingredient manifests', async () => {
    const e = await read('valid_CACA_two-manifests.jpg', NONE);
    expect(e.ingredients).toHaveLength(1);
    const parent = e.ingredients[0];
    expect(parent).toMatchObject({
      title: 'CA.jpg',
      format: 'image/jpeg',
      relationship: 'parentOf',
      manifestLabel: 'urn:c2pa:5259041e-8171-49c9-acc2-915f1a48e3a5:contentauth',
      claimGenerator: 'make_test_images/0.67.1',
      signer: { issuer: 'C2PA Test Signing Cert', commonName: 'C2PA Signer' },
    });
    expect(parent?.actions.map((a) => a.action)).toEqual(['c2pa.opened', 'c2pa.color_adjustments']);
    // CA.jpg's own ingredient A.jpg has no manifest: a leaf.
    expect(parent?.ingredients).toEqual([
      { title: 'A.jpg', format: 'image/jpeg', relationship: 'parentOf', actions: [], ingredients: [] },
    ]);
  });

  it('keeps a small thumbnail as a data: URL and drops a large one', async () => {
    const small = await read('valid_C_c2pars.jpg', NONE); // 28 KB JPEG thumbnail
    expect(small.thumbnail).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    const large = await read('ai_trained_genfill.jpg', NONE); // 137 KB thumbnail > 64 KiB cap
    expect(large.thumbnail).toBeUndefined();
    const none = await readC2pa(engine, fixture('valid_C_c2pars.jpg'), '', {
      trust: NONE,
      thumbnailMaxBytes: 0,
    });
    expect(none.thumbnail).toBeUndefined();
  });

  it('keeps the raw store JSON for the details page', async () => {
    const e = await read('valid_C_c2pars.jpg', NONE);
    expect((e.raw as { active_manifest: string }).active_manifest).toBe(e.activeManifest);
  });
});

describe('AI declarations (docs/architecture.md "Evidence and verdict")', () => {
  it('ai_trained_genfill: trainedAlgorithmicMedia in the active manifest', async () => {
    const e = await read('ai_trained_genfill.jpg', NONE);
    expect(e.aiGenerated).toBe(true);
    expect(e.ai).toEqual([
      {
        where: 'active',
        value: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
        manifestLabel: 'adobe:urn:uuid:c5a3bba2-634f-4ff5-959b-680c586994d2',
      },
    ]);
  });

  it('ai_composite_firefly_photoshop: composite in the active manifest, trained in the ingredient', async () => {
    const e = await read('ai_composite_firefly_photoshop.jpg', NONE);
    expect(e.ai).toEqual([
      {
        where: 'active',
        value: 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
        manifestLabel: 'adobe:urn:uuid:f3a46a78-8103-4e04-9f98-abcf03ebab19',
      },
      {
        where: 'ingredient',
        value: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
        manifestLabel: 'urn:uuid:83875007-1e81-4027-847f-4137f13027db',
      },
    ]);
  });

  it('ai_vendor-assertion-only_firefly1: only the com.adobe.generative-ai vendor assertion', async () => {
    // SOURCES.md: no digitalSourceType at all (only c2pa.created); a digitalSourceType-only detector says "not AI".
    const e = await read('ai_vendor-assertion-only_firefly1.jpg', NONE);
    expect(e.actions).toEqual([{ action: 'c2pa.created' }]);
    expect(e.ai).toEqual([
      {
        where: 'vendor-assertion',
        value: 'com.adobe.generative-ai',
        manifestLabel: 'adobe:5468a4d3-0dc5-4550-8248-590eb7c520ec',
      },
    ]);
  });

  it('non-AI files are not AI (a digitalCapture source type does not count)', async () => {
    for (const [name, want] of Object.entries(EMBEDDED)) {
      if (want.ai) continue;
      const e = await read(name, NONE);
      expect(e.aiGenerated, name).toBe(false);
      expect(e.ai, name).toBeUndefined();
    }
  });
});

describe('clock-dependent result: invalid_expired-cert_nikon.jpeg', () => {
  // No trusted timestamp, so c2pa-rs checks the certificate against the current clock, which it takes
  // from JavaScript's Date. Pinning Date pins the result (SOURCES.md: "result is clock-dependent").
  it('is expired today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T00:00:00Z'));
    const e = await read('invalid_expired-cert_nikon.jpeg', NONE);
    expect(e.state).toBe('invalid');
    expect(e.codes).toContain('signingCredential.expired');
  });

  it('was valid on the day it was shot (2022-10-19)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-10-20T00:00:00Z'));
    const e = await read('invalid_expired-cert_nikon.jpeg', NONE);
    expect(e.codes).not.toContain('signingCredential.expired');
    expect(e.state).toBe('valid');
  });
});

describe('remote manifests', () => {
  const manifest = () => fixture('remote_cloud_manifest.c2pa');
  /** What the CLI passes (the user named the file), and the extension with "other hosts" allowed. */
  const anyHost = () => true;

  it('remote_cloud.jpg with remote fetching on: fetched by the caller, validated, source remote', async () => {
    const fetchManifest = vi.fn(async (url: string) => {
      if (url !== REMOTE_URL) throw new Error(`unexpected ${url}`);
      return manifest();
    });
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: { enabled: true, fetch: fetchManifest, mayFetchFrom: anyHost },
    });
    // SOURCES.md: "When that URL is served with remote_cloud_manifest.c2pa → Valid (2 manifests, test cert)".
    expect(e).toMatchObject({ state: 'valid', trust: 'untrusted', source: 'remote', remoteUrl: REMOTE_URL });
    expect(storeStatusCodes(e)).toEqual(['signingCredential.untrusted']);
    expect(e.claimGenerator).toBe('TestApp c2patool/0.6.2 c2pa-rs/0.28.2');
    expect(e.ingredients).toHaveLength(1);
    expect(fetchManifest).toHaveBeenCalledTimes(1);
    expect(fetchManifest).toHaveBeenCalledWith(REMOTE_URL);
    // The engine's own request was answered locally and the global fetch is back in place.
    expect(globalThis.fetch).toBe(globalFetch);
  });

  it('with remote fetching off: no fetch at all, and an error naming the URL so the UI can offer it', async () => {
    const fetchManifest = vi.fn(async () => manifest());
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: { enabled: false, fetch: fetchManifest },
    });
    expect(fetchManifest).not.toHaveBeenCalled();
    expect(e).toMatchObject({ state: 'error', trust: null, source: 'remote', remoteUrl: REMOTE_URL });
    expect(e.error).toContain(REMOTE_NOT_FETCHED);
    expect(e.error).toContain(REMOTE_URL);
    expect(isRemoteNotFetched(e)).toBe(true);
  });

  it('with no remote options at all: the same "not fetched" error', async () => {
    const e = await read('remote_cloud.jpg', OFFICIAL);
    expect(isRemoteNotFetched(e)).toBe(true);
  });

  it('a failing fetch gives an error naming the URL', async () => {
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: true,
        fetch: async () => Promise.reject(new Error('HTTP 404')),
        mayFetchFrom: anyHost,
      },
    });
    expect(e).toMatchObject({ state: 'error', remoteUrl: REMOTE_URL, source: 'remote' });
    expect(e.error).toContain(REMOTE_URL);
    expect(e.error).toContain('HTTP 404');
    expect(isRemoteNotFetched(e)).toBe(false);
  });

  it('a response that is not a manifest store gives an error, not a crash', async () => {
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: true,
        fetch: async () => new TextEncoder().encode('<html>not found</html>'),
        mayFetchFrom: anyHost,
      },
    });
    expect(e).toMatchObject({ state: 'error', remoteUrl: REMOTE_URL });
    expect(e.error).toMatch(/not a C2PA manifest store/);
  });

  it('a truncated manifest store gives error or invalid, never valid', async () => {
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: { enabled: true, fetch: async () => manifest().slice(0, 2000), mayFetchFrom: anyHost },
    });
    expect(['error', 'invalid']).toContain(e.state);
    expect(e.remoteUrl).toBe(REMOTE_URL);
  });

  it('Link header: the manifest served at the Link URL is used when the asset’s own URL fails', async () => {
    const linkUrl = 'https://images.example.test/cloud.c2pa';
    const fetchManifest = vi.fn(async (url: string) => {
      if (url === linkUrl) return manifest();
      throw new Error('HTTP 503');
    });
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: true,
        fetch: fetchManifest,
        linkHeader: '</static/style.css>; rel=preload, <cloud.c2pa>; rel="c2pa-manifest"',
        baseUrl: 'https://images.example.test/photos/../cloud.jpg',
      },
    });
    expect(e).toMatchObject({ state: 'valid', source: 'remote', remoteUrl: linkUrl });
    // The image's own server (its Link header) is asked first: the same store validates the same way
    // against the file, and the XMP URL's host never learns what the user is looking at.
    expect(fetchManifest.mock.calls.map((c) => c[0])).toEqual([linkUrl]);
  });

  it('Link header on a file that does not reference it: no fetch, an error that says why', async () => {
    const fetchManifest = vi.fn(async () => manifest());
    const e = await readC2pa(engine, fixture('none_A.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: true,
        fetch: fetchManifest,
        linkHeader: '<https://x.example/m.c2pa>; rel="c2pa-manifest"',
      },
    });
    expect(fetchManifest).not.toHaveBeenCalled();
    expect(e).toMatchObject({ state: 'error', remoteUrl: 'https://x.example/m.c2pa', source: 'remote' });
    expect(e.error).toMatch(/does not reference/);
  });

  /** none_A.jpg with an XMP packet whose dcterms:provenance names `url` (no JUMBF: a remote reference). */
  function withXmpProvenance(url: string): Uint8Array {
    const jpeg = fixture('none_A.jpg');
    const packet = new TextEncoder().encode(
      `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dcterms="http://purl.org/dc/terms/" dcterms:provenance="${url}"/></rdf:RDF></x:xmpmeta>`,
    );
    const segment = new Uint8Array(4 + packet.length);
    segment.set([0xff, 0xe1, (packet.length + 2) >> 8, (packet.length + 2) & 0xff]);
    segment.set(packet, 4);
    const out = new Uint8Array(jpeg.length + segment.length);
    out.set(jpeg.subarray(0, 2));
    out.set(segment, 2);
    out.set(jpeg.subarray(2), 2 + segment.length);
    return out;
  }

  it('a public file pointing at a private-network manifest URL: refused without a request', async () => {
    const fetchManifest = vi.fn(async () => manifest());
    const e = await readC2pa(engine, withXmpProvenance('http://192.168.1.1/admin?reboot=1'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: true,
        fetch: fetchManifest,
        baseUrl: 'https://news.example/photo.jpg',
        mayFetchFrom: anyHost,
      },
    });
    expect(fetchManifest).not.toHaveBeenCalled();
    expect(e).toMatchObject({ state: 'error', remoteUrl: 'http://192.168.1.1/admin?reboot=1' });
    expect(e.error).toMatch(/private network/);
  });

  it('a file served from a private address may use a manifest on a private address (local test pages)', async () => {
    const fetchManifest = vi.fn(async () => Promise.reject(new Error('HTTP 404')));
    const e = await readC2pa(engine, withXmpProvenance('http://127.0.0.1:8080/m.c2pa'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: { enabled: true, fetch: fetchManifest, baseUrl: 'http://127.0.0.1:8080/photo.jpg' },
    });
    expect(fetchManifest).toHaveBeenCalledWith('http://127.0.0.1:8080/m.c2pa');
    expect(e.error).toContain('HTTP 404');
  });

  it('a manifest on another host than the image’s is not fetched automatically: "could not check" names the host', async () => {
    const fetchManifest = vi.fn(async () => manifest());
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: { enabled: true, fetch: fetchManifest, baseUrl: 'https://news.example/cloud.jpg' },
    });
    expect(fetchManifest).not.toHaveBeenCalled();
    expect(e).toMatchObject({ state: 'error', source: 'remote', remoteUrl: REMOTE_URL });
    expect(e.error).toContain(`another host, ${new URL(REMOTE_URL).host}`);
    expect(isRemoteNotFetched(e)).toBe(true);
  });

  it('…and is fetched once allowed for that URL (the user asked), even with automatic fetching off', async () => {
    const fetchManifest = vi.fn(async (_url: string) => manifest());
    const e = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: false,
        fetch: fetchManifest,
        baseUrl: 'https://news.example/cloud.jpg',
        mayFetchFrom: (url) => url === REMOTE_URL,
      },
    });
    expect(fetchManifest.mock.calls.map((c) => c[0])).toEqual([REMOTE_URL]);
    expect(e).toMatchObject({ state: 'valid', source: 'remote', remoteUrl: REMOTE_URL });
  });

  it('a Link header naming another host is not asked either; one on the image’s own host is', async () => {
    const fetchManifest = vi.fn(async (_url: string) => manifest());
    const elsewhere = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: true,
        fetch: fetchManifest,
        linkHeader: '<https://beacon.example:8443/m.c2pa>; rel="c2pa-manifest"',
        baseUrl: 'https://news.example/cloud.jpg',
      },
    });
    expect(fetchManifest).not.toHaveBeenCalled();
    expect(elsewhere.error).toContain('another host, beacon.example:8443');
    const own = await readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
      trust: OFFICIAL,
      remote: {
        enabled: true,
        fetch: fetchManifest,
        // Same host name, another port: another server, so not "the image's own host".
        linkHeader: '<https://news.example:8443/m.c2pa>; rel="c2pa-manifest", </m.c2pa>; rel="c2pa-manifest"',
        baseUrl: 'https://news.example/cloud.jpg',
      },
    });
    expect(fetchManifest.mock.calls.map((c) => c[0])).toEqual(['https://news.example/m.c2pa']);
    expect(own).toMatchObject({ state: 'valid', remoteUrl: 'https://news.example/m.c2pa' });
  });

  it('remote reads in parallel are serialised and all succeed', async () => {
    const fetchManifest = async () => manifest();
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        readC2pa(engine, fixture('remote_cloud.jpg'), 'image/jpeg', {
          trust: OFFICIAL,
          remote: { enabled: true, fetch: fetchManifest, mayFetchFrom: anyHost },
        }),
      ),
    );
    expect(results.map((r) => r.state)).toEqual(['valid', 'valid', 'valid']);
  });
});

describe('limits and robustness', () => {
  it('refuses input over the size cap without reading it', async () => {
    const e = await readC2pa(engine, fixture('valid_C_c2pars.jpg'), 'image/jpeg', {
      trust: NONE,
      maxBytes: 1000,
    });
    expect(e.state).toBe('error');
    expect(e.error).toMatch(/too large/);
  });

  it('reports an unsupported format', async () => {
    const e = await readC2pa(engine, new TextEncoder().encode('hello, world'), 'text/plain', { trust: NONE });
    expect(e.state).toBe('error');
    expect(e.error).toMatch(/not supported/);
  });

  it('reads in parallel on one engine and gives the same answers', async () => {
    const names = Object.keys(EMBEDDED);
    const results = await Promise.all(names.map((n) => read(n, OFFICIAL)));
    results.forEach((r, i) => {
      expect(r.state, names[i]).toBe(EMBEDDED[names[i] as string]?.state);
    });
  });
});
