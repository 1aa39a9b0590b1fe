import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli/cli-io.ts';
import { run as register } from '../cli/commands/register.ts';
import { extractManifestStore } from '../lib/c2pa/extract-manifest-store.ts';
import { ANVIL_PUBLISHER_KEY } from '../lib/chain/test-chain.ts';
import { byFile, openExtensionPage, setSettings, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, ROOT, startHarness } from './support/harness.ts';

/**
 * Issue 16 end to end: the demo publisher registers a signed Adobe image (generative fill) with its manifest
 * store, served from its own static host. A copy of it that went through a "platform" (resized, re-encoded,
 * metadata stripped: made here with sharp) has no credentials; on a page, the extension recovers them from the
 * registry through its local PDQ index, and the details page shows the whole recovered manifest. The unmodified
 * original on the same page still shows its own embedded credentials.
 */
const ORIGINAL = 'fixtures/c2pa/ai_trained_genfill.jpg';
// demo/site/registered-paragraph.txt (seeded by the devnet: exact text and ISCC Text-Code) with one word changed.
const EDITED =
  'The harbour authority confirmed on Wednesday that the old grain terminal will be turned into a public market hall, with the first stalls expected to open next spring after a two-year restoration.';
const UNRELATED =
  'The ferry company serving the northern islands will add a second daily crossing from June, after passenger numbers rose by a fifth last summer.';
let h: Harness;
let dir: string;
const served: string[] = [];
const sbrRequests: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'origin-lens-e2e-recover-'));
  const original = await readFile(resolve(ROOT, ORIGINAL));
  await writeFile(
    join(dir, 'stripped.jpg'),
    await sharp(original).resize({ width: 900 }).jpeg({ quality: 78 }).toBuffer(),
  );
  await writeFile(
    join(dir, 'page.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recovered</title></head><body><main>
<h1>A copy and its original</h1>
<img src="/publisher/stripped.jpg" width="420" alt="a copy that lost its credentials">
<img src="/c2pa/ai_trained_genfill.jpg" width="420" alt="the signed original">
<p>${EDITED}</p>
<p>${UNRELATED}</p>
</main></body></html>`,
  );
  h = await startHarness({
    devnet: true,
    routes: [
      // A C2PA Soft Binding Resolution API service (its fingerprint: the SHA-256 of the upload, enough here).
      (req, res) => {
        if (!req.url?.startsWith('/sbr/v1/')) return false;
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
          sbrRequests.push(`${req.method} ${req.url?.split('?')[0]}`);
          if (req.method === 'POST' && req.url?.startsWith('/sbr/v1/matches/byContent')) {
            const copy = await readFile(join(dir, 'stripped.jpg'));
            const same = Buffer.concat(chunks).equals(copy);
            const matches = same ? [{ manifestId: 'urn:firefly', similarityScore: 97 }] : [];
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ matches }));
          } else if (req.url === '/sbr/v1/manifests/urn%3Afirefly') {
            const original = new Uint8Array(await readFile(resolve(ROOT, ORIGINAL)));
            res.writeHead(200, { 'content-type': 'application/c2pa' }).end(extractManifestStore(original));
          } else {
            res.writeHead(404).end();
          }
        });
        return true;
      },
      (req, res) => {
        const m = /^\/publisher\/([\w.-]+)$/.exec(req.url ?? '');
        if (!m) return false;
        served.push(req.url ?? '');
        readFile(join(dir, m[1] as string)).then(
          (bytes) => {
            const type = m[1]?.endsWith('.html')
              ? 'text/html'
              : m[1]?.endsWith('.c2pa')
                ? 'application/c2pa'
                : 'image/jpeg';
            res.writeHead(200, { 'content-type': type }).end(bytes);
          },
          () => res.writeHead(404).end(),
        );
        return true;
      },
    ],
  });
  const logs: string[] = [];
  const io: CliIo = {
    stdout: (t) => logs.push(t),
    stderr: (t) => logs.push(t),
    env: { ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY },
    cwd: ROOT,
  };
  const code = await register(
    [
      ORIGINAL,
      '--rpc',
      h.devnet?.info.rpcUrl as string,
      '--manifests-out',
      dir,
      '--manifest-base-url',
      `${h.server.origin}/publisher`,
    ],
    io,
  );
  expect(code, logs.join('\n')).toBe(0);
}, 180_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('lightly edited text', () => {
  it('a paragraph with one word changed matches its registered original as a lead; an unrelated one does not', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/publisher/page.html`;
    await page.goto(url);
    const items = await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 4, 60_000);
    const edited = items.find((i) => i.kind === 'text' && i.preview?.startsWith('The harbour authority'));
    const unrelated = items.find((i) => i.kind === 'text' && i.preview?.startsWith('The ferry company'));
    expect(edited?.state).toBe('registered');
    expect(edited?.reason).toMatch(
      /^Looks like a passage registered by Origin Lens demo publisher \(devnet\) \((\d+) of 64 bits differ\)$/,
    );
    expect(unrelated?.state).toBe('no-provenance');

    const details = await openExtensionPage(
      h.browser.context,
      h.browser.extensionId,
      `details.html?key=${edited?.key}`,
    );
    await details
      .getByText(/ISCC Text-Code \(64 bits\)/)
      .first()
      .waitFor();
    const text = (await details.locator('body').textContent()) ?? '';
    expect(text).toMatch(/Similar text \(ISCC Text-Code, \d+ of 64 bits differ\)/);
    expect(text).toContain('Origin Lens demo publisher (devnet)');
    await details.close();
    await page.close();
  });
});

describe('recovered Content Credentials', () => {
  it('a stripped copy shows the recovered AI signal as a lead; the original keeps its own credentials', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/publisher/page.html`;
    await page.goto(url);
    const items = byFile(
      await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 2, 60_000),
    );
    expect(items['stripped.jpg']?.state).toBe('ai-generated');
    expect(items['stripped.jpg']?.reason).toMatch(
      /^Looks like an AI-generated image \(Content Credentials recovered from Origin Lens registry, \d+ bits apart\)$/,
    );
    expect(items['ai_trained_genfill.jpg']?.state).toBe('ai-generated');
    expect(items['ai_trained_genfill.jpg']?.reason).toBe(
      'Edited with AI, declared by Adobe Inc., on the CAI legacy list (frozen January 2026)',
    );
    // The manifest store was fetched from the publisher's host named on-chain.
    expect(served.some((u) => u.endsWith('.c2pa'))).toBe(true);

    const details = await openExtensionPage(
      h.browser.context,
      h.browser.extensionId,
      `details.html?key=${items['stripped.jpg']?.key}`,
    );
    await details.getByRole('heading', { name: 'Recovered manifest' }).waitFor();
    const text = (await details.locator('body').textContent()) ?? '';
    expect(text).toContain('Recovered Content Credentials');
    expect(text).toContain('Origin Lens demo publisher (devnet)');
    expect(text).toMatch(/Look-alike: \d+ of 256 bits apart/);
    expect(text).toContain('cannot match this copy');
    expect(text).toContain('Adobe Inc.');
    expect(text).toMatch(/trainedAlgorithmicMedia|generative AI/i);
    expect(text).toContain('Adobe_Photoshop'); // the claim generator of the recovered manifest
    await details.screenshot({ path: 'test-results/recovered-details.png', fullPage: true });
    await details.close();
    await page.close();
  });

  it('asks a resolution service from the options only on a click that says it uploads the image', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/publisher/page.html`;
    await page.goto(url);
    const items = byFile(
      await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 4, 60_000),
    );
    const endpoint = `${h.server.origin}/sbr/v1`;
    await setSettings(h.browser.worker, { softBindingEndpoints: [endpoint] });
    const details = await openExtensionPage(
      h.browser.context,
      h.browser.extensionId,
      `details.html?key=${items['stripped.jpg']?.key}`,
    );
    const host = new URL(endpoint).host;
    const button = details.getByRole('button', { name: `Upload this image to ${host} and ask` });
    await button.waitFor();
    expect(sbrRequests).toEqual([]); // nothing is sent before the click
    await button.click();
    await details.getByRole('heading', { name: `Manifest from ${host} (similarity 97/100)` }).waitFor();
    expect(sbrRequests).toEqual(['POST /sbr/v1/matches/byContent', 'GET /sbr/v1/manifests/urn%3Afirefly']);
    const text = (await details.locator('body').textContent()) ?? '';
    expect(text).toContain('a match by content is a lead, not proof');
    await details.close();
    await page.close();
  });
});
