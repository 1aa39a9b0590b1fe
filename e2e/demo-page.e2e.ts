import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintImage } from '../lib/fingerprint/fingerprint-image.ts';
import type { ItemDetails } from '../lib/messages/protocol.ts';
import { decodeImageNode } from '../lib/node/decode-image-node.ts';
import {
  badgesInDom,
  byFile,
  scrollEveryItemIntoView,
  settledItems,
  tabIdOf,
} from './support/extension-page.ts';
import { type Harness, ROOT, startHarness } from './support/harness.ts';

/**
 * The demo page in Chromium with the built extension, a real devnet seeded from demo/seed.json and the
 * real C2PA samples. Every badge is checked against what its evidence must give (see demo/site/index.html).
 */
let h: Harness;
let items: Awaited<ReturnType<typeof settledItems>>;
let page: Awaited<ReturnType<Harness['browser']['context']['newPage']>>;

beforeAll(async () => {
  h = await startHarness({ devnet: true });
  page = await h.browser.context.newPage();
  const url = `${h.server.origin}/index.html`;
  await page.goto(url);
  items = await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 12);
});
afterAll(() => h?.close());

async function detailsViaPage(key: string): Promise<ItemDetails | null> {
  const ext = await h.browser.context.newPage();
  await ext.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
  const details = await ext.evaluate((k) => chrome.runtime.sendMessage({ type: 'get-details', key: k }), key);
  await ext.close();
  return details as ItemDetails | null;
}

describe('demo page', () => {
  it('verifies an image registered by the trusted publisher (exact SHA-256 on the devnet)', () => {
    const ribbons = byFile(items)['none_A.jpg'];
    expect(ribbons?.state).toBe('verified');
    expect(ribbons?.reason).toContain('Registered by Origin Lens demo publisher');
  });

  it('recognises a re-encoded, resized copy through the local PDQ index, as a lead only', () => {
    const copy = byFile(items)['ribbons-resized.jpg'];
    expect(copy?.state).toBe('registered');
    expect(copy?.reason).toMatch(
      /^Looks like an image registered by Origin Lens demo publisher \(devnet\) \(\d+ bits apart\)$/,
    );
  });

  it('recognises a registered paragraph after re-wrapping (collapsed-text SHA-256)', () => {
    const paragraph = items.find(
      (i) => i.kind === 'text' && i.preview?.startsWith('The harbour authority confirmed'),
    );
    expect(paragraph?.state).toBe('verified');
    const other = items.find((i) => i.kind === 'text' && i.preview?.startsWith('Residents have argued'));
    expect(other?.state).toBe('no-provenance');
  });

  it('shows an unknown registrant’s record as registered', () => {
    expect(byFile(items)['none_sample1.webp']?.state).toBe('registered');
  });

  it('computes the same SHA-256 and PDQ in the browser as the CLI that registered the image', async () => {
    const item = byFile(items)['none_A.jpg'];
    // Asked through an extension page, as the details page does (the worker cannot message itself).
    const viaPage = await detailsViaPage(item?.key ?? '');
    const bytes = new Uint8Array(await readFile(resolve(ROOT, 'fixtures/c2pa/none_A.jpg')));
    const cli = await fingerprintImage(bytes, 'image/jpeg', decodeImageNode);
    expect(viaPage?.evidence.fingerprints).toMatchObject({ kind: 'image', sha256: cli.sha256, pdq: cli.pdq });
  });

  it('reads C2PA: trusted via the CAI list, AI-generated, tampered, unknown signer', () => {
    const f = byFile(items);
    expect(f['valid_photoshop.png']?.state).toBe('verified');
    expect(f['valid_photoshop.png']?.reason).toContain('CAI legacy list (frozen January 2026)');
    expect(f['ai_trained_genfill.jpg']?.state).toBe('ai-generated');
    expect(f['invalid_datahash_E-dat-CA.jpg']?.state).toBe('tampered');
    expect(f['valid_C_c2pars.jpg']?.state).toBe('unknown-signer');
    // A CSS background, declared AI only through Adobe's vendor assertion.
    expect(f['ai_vendor-assertion-only_firefly1.jpg']?.state).toBe('ai-generated');
    expect(f['none_xmp-provenance-but-no-jumbf.jpg']?.state).toBe('no-provenance');
  });

  it('draws one badge per image in a closed shadow root, none for "no provenance"', async () => {
    await scrollEveryItemIntoView(page);
    // Scrolling can start a lazy image's own source, checked anew (from the cache): let those answer.
    await expect
      .poll(async () => (await badgesInDom(page)).filter((b) => b.state === 'pending').length)
      .toBe(0);
    const badges = await badgesInDom(page);
    const shown = items.filter((i) => i.kind === 'image' && i.state !== 'no-provenance');
    expect(shown.length).toBeGreaterThan(3);
    expect(items.some((i) => i.kind === 'image' && i.state === 'no-provenance')).toBe(true);
    // A badge drawn while its image was pending stays in the layer, hidden, once "no provenance" comes.
    const withVerdict = badges.filter((b) => b.state !== 'no-provenance');
    expect(withVerdict.map((b) => b.state).sort(), JSON.stringify({ badges, shown })).toEqual(
      shown.map((i) => i.state).sort(),
    );
    expect(badges.filter((b) => b.state === 'no-provenance').every((b) => b.hidden)).toBe(true);
    const visible = await page.evaluate(() => {
      const host = document.querySelector('origin-lens-overlay');
      return { host: !!host, shadow: host?.shadowRoot ?? null };
    });
    expect(visible).toEqual({ host: true, shadow: null });
  });
});
