import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import type { C2paEngine } from './engine.ts';
import { extractManifestStore } from './extract-manifest-store.ts';
import { readC2pa } from './read-c2pa.ts';
import { readManifestStore, withoutHardBinding } from './read-manifest-store.ts';
import type { TrustLists } from './trust-settings.ts';

/**
 * The store is validated on its own, the way a copy's recovered credentials are. Expectations come from
 * fixtures/c2pa/SOURCES.md (the same files read embedded): the standalone read must give the same signer, trust
 * and AI signals, and the only difference must be the hard binding, which the engine cannot match without the
 * original bytes.
 */
const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

let engine: C2paEngine;
let trust: TrustLists;

beforeAll(async () => {
  engine = await loadC2paEngineNode();
  trust = await loadBundledTrustListsNode({ official: true, interim: true });
});

describe('readManifestStore', () => {
  it('validates the Firefly generative-fill store alone: same signer, trust and AI signal as embedded, hard binding set apart', async () => {
    const bytes = fixture('c2pa/ai_trained_genfill.jpg');
    const embedded = await readC2pa(engine, bytes, 'image/jpeg', { trust });
    const alone = await readManifestStore(engine, extractManifestStore(bytes) as Uint8Array, { trust });
    expect(alone.state).toBe('valid');
    expect(alone.trust).toBe(embedded.trust);
    expect(alone.trust).toBe('known'); // CAI interim list (SOURCES.md: "Trusted" with the interim list)
    expect(alone.aiGenerated).toBe(true);
    expect(alone.ai).toEqual(embedded.ai);
    expect(alone.signer).toEqual(embedded.signer);
    expect(alone.activeManifest).toBe(embedded.activeManifest);
    expect(alone.actions).toEqual(embedded.actions);
    expect(alone.unbound).toEqual(['assertion.dataHash.mismatch']);
    expect(alone.codes).not.toContain('assertion.dataHash.mismatch');
  });

  it.each([
    ['c2pa/valid_photoshop.png', 'assertion.dataHash.mismatch'],
    ['c2pa-realworld/openai_dalle3-chatgpt_puppy.webp', 'assertion.dataHash.mismatch'],
    // A BMFF hash (HEIC), signed with a TEST certificate on no list.
    ['c2pa-realworld/origo_heic_bmff-v2_test-signed.heic', 'assertion.bmffHash.mismatch'],
  ])('%s: valid alone with %s set apart, same trust and signer as embedded', async (path, code) => {
    const bytes = fixture(path);
    const embedded = await readC2pa(engine, bytes, '', { trust });
    const alone = await readManifestStore(engine, extractManifestStore(bytes) as Uint8Array, { trust });
    expect(embedded.state).toBe('valid');
    expect(alone.state).toBe('valid');
    expect(alone.unbound).toEqual([code]);
    expect(alone.trust).toBe(embedded.trust);
    expect(alone.signer).toEqual(embedded.signer);
    expect(alone.aiGenerated).toBe(embedded.aiGenerated);
  });

  it('keeps every other failure: a broken claim signature stays invalid', async () => {
    const store = extractManifestStore(fixture('c2pa/invalid_sig_E-sig-CA.jpg')) as Uint8Array;
    const alone = await readManifestStore(engine, store, { trust });
    expect(alone.state).toBe('invalid');
    expect(alone.codes).toContain('claimSignature.mismatch');
  });

  it('gives "could not check" for bytes that are not a store, or a store cut short', async () => {
    const notStore = await readManifestStore(engine, new TextEncoder().encode('<html>404</html>'), { trust });
    expect(notStore.state).toBe('error');
    const store = extractManifestStore(fixture('c2pa/ai_trained_genfill.jpg')) as Uint8Array;
    const cut = await readManifestStore(engine, store.subarray(0, 5000), { trust });
    expect(cut.state).toBe('error');
  });
});

describe('withoutHardBinding', () => {
  it('recomputes the state only when hard-binding mismatches were the sole failures', () => {
    const store = (failure: string[], success: string[] = []) =>
      JSON.stringify({
        validation_state: 'Invalid',
        validation_status: failure.map((code) => ({ code })),
        validation_results: {
          activeManifest: {
            failure: failure.map((code) => ({ code })),
            success: success.map((code) => ({ code })),
          },
        },
      });
    const trusted = JSON.parse(
      withoutHardBinding(store(['assertion.boxesHash.mismatch'], ['signingCredential.trusted'])).json,
    );
    expect(trusted.validation_state).toBe('Trusted');
    expect(trusted.validation_status).toEqual([]);
    const untrusted = JSON.parse(
      withoutHardBinding(store(['assertion.dataHash.mismatch', 'signingCredential.untrusted'])).json,
    );
    expect(untrusted.validation_state).toBe('Valid');
    const other = withoutHardBinding(store(['assertion.dataHash.mismatch', 'assertion.hashedURI.mismatch']));
    expect(JSON.parse(other.json).validation_state).toBe('Invalid');
    expect(other.unbound).toEqual(['assertion.dataHash.mismatch']);
  });
});
