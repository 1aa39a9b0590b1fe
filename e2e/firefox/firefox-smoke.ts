/**
 * Firefox smoke test: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (Playwright's own
 * Firefox and geckodriver cannot be installed here). The Firefox build loads, the content script finds and
 * checks the images of a page served on 127.0.0.1 (one of them a C2PA image read by the engine in
 * Firefox's background), a video is found and validated, and the popup renders. Prints a closing line and exits non-zero on failure.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import sharp from 'sharp';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import { forwardRpc, offchainLookupRevert, startFakeRpc } from '../../lib/chain/test-chain.ts';
import { fingerprintImage } from '../../lib/fingerprint/fingerprint-image.ts';
import { decodeImageNode } from '../../lib/node/decode-image-node.ts';
import { BADGE_STYLES } from '../../lib/verdict/badge-style.ts';
import { type Devnet, startDevnet } from '../support/harness.ts';
import { positionCase } from '../support/position-image.ts';
import { pdqDecodeProbeScript, probeScript } from '../support/probe-script.ts';
import { startStaticServer } from '../support/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD = resolve(ROOT, '.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'origin-lens@origin-lens.dev';
const UUID = '6c0f2a43-52a3-4b4e-9d55-0a3d3c1e7f10';

interface ListedItem {
  kind?: string;
  url?: string;
  state: string;
  reason?: string;
}

/**
 * Files for the decoder check: a photo, and images whose pixels name their column and row at sizes where a
 * wrong pick shows (pattern-sample.ts samples with a canvas pattern where a probe finds it exact).
 */
async function pdqCases(): Promise<{ name: string; mime: string; bytes: Uint8Array }[]> {
  const photo = resolve(ROOT, 'fixtures/pdq/images/bridge-1-original.jpg');
  return [
    { name: 'bridge-1-original.jpg', mime: 'image/jpeg', bytes: readFileSync(photo) },
    await positionCase('positions-1200x753.png', 1200, 753),
    await positionCase('positions-513x2000.png', 513, 2000),
    await positionCase('positions-16000x300.png', 16_000, 300),
  ].map((c) => ({ ...c, bytes: new Uint8Array(c.bytes) }));
}

/** The items of the tab showing `url`, asked from an extension page, once none is pending (or after 60 s). */
async function settled(ext: Page, url: string, count: number): Promise<ListedItem[]> {
  let items: ListedItem[] = [];
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    items = await ext.evaluate(async (u: string) => {
      // `browser` is Firefox's WebExtension global inside the extension page (chrome.* typings fit it).
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tabs = await api.tabs.query({});
      const tab = tabs.find((t) => t.url === u);
      if (tab?.id === undefined) return [];
      try {
        return (await api.tabs.sendMessage(tab.id, { type: 'list-items' })).items;
      } catch {
        return [];
      }
    }, url);
    if (items.length >= count && items.every((i) => i.state !== 'pending')) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return items;
}

/**
 * Whether the "tampered" badge is on screen, in its own colour, at the top-left corner of the image `selector`
 * (a real screenshot: the badge is in a closed shadow root, and what counts is what the user sees).
 */
async function tamperedBadgeOver(page: Page, selector: string): Promise<{ close: boolean; seen: number[] }> {
  const box = await page.evaluate((sel: string) => {
    const r = (document.querySelector(sel) as Element).getBoundingClientRect();
    return { left: r.left, top: r.top };
  }, selector);
  const png = await page.screenshot();
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  // 6 px inside the corner, 24 px high, a 2 px border: (6 + 5, 6 + 12) is its background, left of the glyph.
  const at = (Math.round(box.top + 18) * info.width + Math.round(box.left + 11)) * info.channels;
  const seen = [data[at], data[at + 1], data[at + 2]] as number[];
  const want = [1, 3, 5].map((i) => Number.parseInt(BADGE_STYLES.tampered.bg.slice(i, i + 2), 16));
  return { close: seen.every((v, i) => Math.abs(v - (want[i] as number)) <= 12), seen };
}

/**
 * A lying RPC for the CCIP-Read check: the devnet's real registry code, and an EIP-3668 `OffchainLookup` revert
 * for every eth_call naming a gateway on 127.0.0.1 that counts its requests. Firefox's background is a page
 * (it has a `document`), so viem's CCIP-Read fetch would really run there if it were on.
 */
async function startLyingRpc(devnet: Devnet) {
  const hits: string[] = [];
  const gateway = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":"0x"}');
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/ccip/{sender}/{data}`;
  const rpc = await startFakeRpc((method, params) =>
    method === 'eth_call'
      ? offchainLookupRevert(REGISTRY_ADDRESS, gatewayUrl)
      : forwardRpc(devnet.info.rpcUrl, method, params),
  );
  return {
    rpc,
    hits,
    close: async () => {
      await rpc.close();
      gateway.closeAllConnections();
      await new Promise<void>((r) => gateway.close(() => r()));
    },
  };
}

async function main(): Promise<void> {
  assert.ok(
    existsSync(resolve(BUILD, 'manifest.json')),
    'build the Firefox extension first (npm run build:firefox)',
  );
  const server = await startStaticServer({
    '/c2pa/': resolve(ROOT, 'fixtures/c2pa'),
    '/realworld/': resolve(ROOT, 'fixtures/c2pa-realworld'),
    '/': resolve(ROOT, 'e2e/site'),
  });
  let browser: Browser | undefined;
  let devnet: Devnet | undefined;
  let liar: Awaited<ReturnType<typeof startLyingRpc>> | undefined;
  const results: Array<[string, boolean]> = [];
  const check = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
      results.push([name, true]);
      console.log(`  ✓ ${name}`);
    } catch (error) {
      results.push([name, false]);
      console.log(`  ✗ ${name}\n    ${(error as Error).message}`);
    }
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        // Temporary installs may start with optional host permissions withheld; the test grants what a user would.
        'extensions.originControls.grantByDefault': true,
      },
    });
    await browser.installExtension(BUILD);
    const page = await browser.newPage();
    const pageUrl = `${server.origin}/firefox.html`;
    await page.goto(pageUrl, { waitUntil: 'load' });

    const ext = await browser.newPage();
    // Firefox never reports the load of a moz-extension page over BiDi: wait for the page's own content instead.
    await ext
      .goto(`moz-extension://${UUID}/popup.html`, { waitUntil: 'domcontentloaded', timeout: 5000 })
      .catch(() => {});
    await ext.waitForFunction(() => document.body?.textContent.includes('Origin Lens'), { timeout: 15_000 });

    let items: ListedItem[] = [];
    await check('the content script finds and checks the page images', async () => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        items = await ext.evaluate(async (url: string) => {
          // `browser` is Firefox's WebExtension global inside the extension page (chrome.* typings fit it).
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          const tabs = await api.tabs.query({});
          const tab = tabs.find((t) => t.url === url);
          if (tab?.id === undefined) return [];
          try {
            return (await api.tabs.sendMessage(tab.id, { type: 'list-items' })).items;
          } catch {
            return [];
          }
        }, pageUrl);
        if (items.length >= 3 && items.every((i) => i.state !== 'pending')) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      assert.ok(items.length >= 3, `expected 2 images and a video, saw ${JSON.stringify(items)}`);
    });
    const byName = (name: string) => items.find((i) => i.url?.endsWith(name));
    await check('a C2PA image is read by the engine in the Firefox background', async () => {
      const tampered = byName('invalid_datahash_E-dat-CA.jpg');
      assert.equal(tampered?.state, 'tampered', JSON.stringify(tampered));
    });
    await check('the badge is drawn over its image, and stays there when the page scrolls', async () => {
      const before = await tamperedBadgeOver(page, 'img[alt=tampered]');
      assert.ok(before.close, `before scrolling: ${JSON.stringify(before)}`);
      await page.evaluate(async () => {
        document.body.style.minHeight = '4000px';
        window.scrollBy(0, 40);
        for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
      });
      assert.equal(await page.evaluate(() => window.scrollY), 40);
      const after = await tamperedBadgeOver(page, 'img[alt=tampered]');
      assert.ok(after.close, `after scrolling: ${JSON.stringify(after)}`);
    });
    await check('an image without provenance is told apart from one that could not be checked', async () => {
      const plain = byName('none_A.jpg');
      assert.ok(plain && ['no-provenance', 'error'].includes(plain.state), JSON.stringify(plain));
      assert.equal(plain?.state, 'no-provenance', JSON.stringify(plain));
    });
    await check(
      'a video is found and its Content Credentials validated in Firefox (Sora: AI-generated)',
      async () => {
        const video = byName('openai_sora_video.mp4');
        assert.equal(video?.kind, 'video', JSON.stringify(video));
        assert.equal(video?.state, 'ai-generated', JSON.stringify(video));
      },
    );
    await check('the PDQ decoder picks the same pixels as the Node decoder in Firefox', async () => {
      const cases = await pdqCases();
      const probe = await pdqDecodeProbeScript();
      // The probe bundle sets its global; an extension page has the background page's canvas and decoder.
      await ext.evaluate(probe);
      const out = await ext.evaluate(
        (files: { name: string; mime: string; base64: string }[]) =>
          (
            globalThis as unknown as { __pdqDecodeProbe: typeof import('../support/pdq-decode-probe.ts') }
          ).__pdqDecodeProbe.probe(files),
        cases.map((c) => ({ name: c.name, mime: c.mime, base64: Buffer.from(c.bytes).toString('base64') })),
      );
      for (const c of cases) {
        const node = await fingerprintImage(c.bytes, c.mime, decodeImageNode);
        const web = out.find((r) => r.name === c.name);
        assert.deepEqual(
          { name: c.name, same: web?.sameAsFullReadBack, pdq: web?.pdq },
          { name: c.name, same: true, pdq: node.pdq?.hash },
        );
      }
    });
    await check('the ISCC Text-Code matches iscc-core in Firefox, its minhash as WebAssembly', async () => {
      const vectors = JSON.parse(readFileSync(resolve(ROOT, 'fixtures/iscc/vectors.json'), 'utf8'))
        .gen_text_code_v0 as Array<{ input: string; bits: number; expected: { iscc: string } }>;
      const cases = vectors.filter((v) => v.bits === 64);
      await ext.evaluate(await probeScript('iscc-probe.ts', '__isccProbe'));
      const out = await ext.evaluate(
        (texts: string[]) =>
          (
            globalThis as unknown as { __isccProbe: typeof import('../support/iscc-probe.ts') }
          ).__isccProbe.probe(texts),
        cases.map((c) => c.input),
      );
      assert.ok(cases.length >= 3, 'the fixtures hold 64-bit text vectors');
      assert.deepEqual(out, { wasm: true, codes: cases.map((c) => c.expected.iscc) });
    });
    await check('the popup opens and renders', async () => {
      const text = await ext.evaluate(() => document.body.textContent);
      assert.match(text, /Origin Lens/);
    });
    await check('a lying RPC’s OffchainLookup (CCIP-Read) reaches no URL: "could not check"', async () => {
      devnet = await startDevnet();
      liar = await startLyingRpc(devnet);
      const rpcUrl = liar.rpc.url;
      await ext.evaluate(async (url: string) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const current = (await api.storage.local.get('settings')).settings ?? {};
        await api.storage.local.set({
          settings: { ...current, chains: [{ id: 31337, name: 'Local devnet', rpcUrl: url, enabled: true }] },
        });
      }, rpcUrl);
      const faultsUrl = `${server.origin}/robustness/rpc-faults.html`;
      await page.goto(faultsUrl, { waitUntil: 'load' });
      const got = await settled(ext, faultsUrl, 3);
      const stranger = got.find((i) => i.url?.endsWith('none_sample1.webp'));
      assert.ok(liar.rpc.calls.includes('eth_call'), `the lookup never ran: ${liar.rpc.calls.join(' ')}`);
      assert.equal(stranger?.state, 'error', JSON.stringify(stranger));
      assert.deepEqual(liar.hits, []);
    });
  } finally {
    await browser?.close().catch(() => {});
    await liar?.close();
    await devnet?.stop();
    await server.close();
  }
  const failed = results.filter(([, ok]) => !ok).length;
  console.log(`\nfirefox smoke: ${results.length - failed} passed, ${failed} failed`);
  if (failed > 0 || results.length === 0) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
