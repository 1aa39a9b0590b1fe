import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byFile, setSettings, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, ROOT, startHarness } from './support/harness.ts';

/**
 * What leaves the browser while the user reads pages (docs/architecture.md "Security and privacy": page URLs and
 * cookies never go to third parties; image fetches use credentials 'omit'; the RPC sees the hashes looked
 * up and nothing else; remote manifests only when the setting allows). Every request is recorded three
 * ways: the static server's own log (all headers, the ground truth for cookies), a logging proxy in front
 * of the devnet RPC (bodies), and Playwright's request events for the pages and the service worker.
 */

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

const fixture = (path: string): Buffer => readFileSync(resolve(ROOT, path));

/**
 * The service worker's fetch() is `sec-fetch-site: none` + `sec-fetch-dest: empty`; the page's <img>
 * loads are `dest: image`, its navigations `dest: document`.
 */
const fromExtension = (s: Seen): boolean =>
  s.headers['sec-fetch-site'] === 'none' && s.headers['sec-fetch-dest'] === 'empty';
const fromPageImage = (s: Seen): boolean => s.headers['sec-fetch-dest'] === 'image';

/** A transparent JSON-RPC proxy in front of the devnet that keeps every request's headers and body. */
async function startRpcLog(upstream: string) {
  const log: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    log.push({ headers: req.headers, body });
    const answer = await fetch(upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Another host (another port of 127.0.0.1) that keeps a manifest an image points to; logs every request. */
async function startManifestHost() {
  const log: Seen[] = [];
  const server = createServer((req, res) => {
    log.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/c2pa', 'cache-control': 'no-store' });
    res.end(fixture('fixtures/c2pa/remote_cloud_manifest.c2pa'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let h: Harness;
let rpc: Awaited<ReturnType<typeof startRpcLog>>;
let manifestHost: Awaited<ReturnType<typeof startManifestHost>>;
const seen: Seen[] = [];
/** Every request Playwright saw, from pages and from the service worker. */
const browserRequests: Array<{ url: string; fromWorker: boolean }> = [];
const TITLE = 'Privacy canary 7f3a';
const CANARY_TEXT = 'its words must never leave the browser';
const ARTICLE_IMAGES = ['/c2pa/none_A.jpg', '/c2pa/valid_C_c2pars.jpg', '/pdq/q0291.jpg'];

beforeAll(async () => {
  manifestHost = await startManifestHost();
  h = await startHarness({
    devnet: true,
    routes: [
      (req) => {
        seen.push({ url: req.url ?? '', headers: req.headers });
        return undefined;
      },
      (req, res) => {
        const url = req.url ?? '';
        if (url.startsWith('/e2e/privacy/') && url.endsWith('.html')) {
          // The site sets cookies with its pages: one for cross-site use (SameSite=None; Secure, which
          // Chromium accepts on http://127.0.0.1 as a trustworthy origin) and a default (Lax) one.
          res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            'set-cookie': [
              'tracker=site-secret-1; SameSite=None; Secure; Path=/',
              'session=site-secret-2; Path=/',
            ],
          });
          res.end(fixture(`e2e/site/privacy/${url.slice('/e2e/privacy/'.length)}`));
          return true;
        }
        if (url === '/privacy/cloud.jpg') {
          res.writeHead(200, {
            'content-type': 'image/jpeg',
            'cache-control': 'no-store',
            link: '</privacy/cloud.c2pa>; rel="c2pa-manifest"',
          });
          res.end(fixture('fixtures/c2pa/remote_cloud.jpg'));
          return true;
        }
        if (url === '/privacy/link-only.jpg') {
          res.writeHead(200, {
            'content-type': 'image/jpeg',
            'cache-control': 'no-store',
            link: '</privacy/link-only.c2pa>; rel="c2pa-manifest"',
          });
          res.end(fixture('fixtures/pdq/images/q0746.jpg'));
          return true;
        }
        if (url === '/privacy/elsewhere.jpg') {
          res.writeHead(200, {
            'content-type': 'image/jpeg',
            'cache-control': 'no-store',
            link: `<${manifestHost.origin}/m/elsewhere.c2pa>; rel="c2pa-manifest"`,
          });
          res.end(fixture('fixtures/c2pa/remote_cloud.jpg'));
          return true;
        }
        if (url === '/privacy/cloud.c2pa' || url === '/privacy/link-only.c2pa') {
          res.writeHead(200, { 'content-type': 'application/c2pa', 'cache-control': 'no-store' });
          res.end(fixture('fixtures/c2pa/remote_cloud_manifest.c2pa'));
          return true;
        }
      },
    ],
  });
  rpc = await startRpcLog(h.devnet?.info.rpcUrl as string);
  await setSettings(h.browser.worker, {
    chains: [{ id: 31337, name: 'Local devnet', rpcUrl: rpc.url, enabled: true }],
  });
  h.browser.context.on('request', (r) =>
    browserRequests.push({ url: r.url(), fromWorker: r.serviceWorker() !== null }),
  );
}, 120_000);
afterAll(async () => {
  await h?.close();
  await rpc?.close();
  await manifestHost?.close();
});

async function visit(path: string, count: number) {
  const page = await h.browser.context.newPage();
  const url = `${h.server.origin}${path}`;
  await page.goto(url);
  const items = await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), count);
  await page.close();
  return byFile(items);
}

describe('privacy', () => {
  it('fetches only the page’s own images, with no cookie and no referrer (the page’s own loads carry both)', async () => {
    const before = seen.length;
    const got = await visit('/e2e/privacy/article.html', 4);
    // The checks really ran (demo/seed.json; fixtures/c2pa/SOURCES.md).
    expect(got['none_A.jpg']?.state).toBe('verified');
    expect(got['valid_C_c2pars.jpg']?.state).toBe('unknown-signer');
    expect(got['q0291.jpg']?.state).toBe('ai-generated');

    const during = seen.slice(before);
    const extension = during.filter(fromExtension);
    // Exactly the page's images, once each, and nothing else.
    expect(extension.map((s) => s.url).sort()).toEqual([...ARTICLE_IMAGES].sort());
    for (const s of extension) {
      expect(s.headers.cookie, s.url).toBeUndefined();
      expect(s.headers.referer, s.url).toBeUndefined();
      expect(s.headers.authorization, s.url).toBeUndefined();
    }
    // Not vacuous: the site's cookies were set, and the page's own image loads send them.
    const pageImages = during.filter(fromPageImage);
    expect(pageImages.length).toBeGreaterThanOrEqual(ARTICLE_IMAGES.length);
    for (const s of pageImages) {
      expect(s.headers.cookie, s.url).toContain('tracker=site-secret-1');
      expect(s.headers.cookie, s.url).toContain('session=site-secret-2');
    }
  });

  it('control: with the user’s “send cookies” option, the same kind of fetch does carry them', async () => {
    // Proves the check above can fail: Chromium would attach the site's cookies to the worker's fetch if
    // the extension asked for it. Settings → omitCredentials: false is the documented way to ask.
    await setSettings(h.browser.worker, { omitCredentials: false });
    const before = seen.length;
    await visit('/e2e/privacy/credentials.html', 1);
    await setSettings(h.browser.worker, { omitCredentials: true });
    const extension = seen.slice(before).filter(fromExtension);
    expect(extension.map((s) => s.url)).toEqual(['/c2pa/none_sample1.webp?with-credentials']);
    expect(extension[0]?.headers.cookie).toContain('site-secret');
  });

  it('a site the user turned off: its pages open no connection to the worker and nothing is fetched for them', async () => {
    await h.browser.worker.evaluate(() => {
      const ports: string[] = [];
      (globalThis as unknown as { __ports: string[] }).__ports = ports;
      chrome.runtime.onConnect.addListener((port) => ports.push(port.sender?.url ?? ''));
    });
    const ports = () =>
      h.browser.worker.evaluate(() => (globalThis as unknown as { __ports: string[] }).__ports);
    const url = `${h.server.origin}/e2e/privacy/article.html`;
    const before = seen.length;
    await setSettings(h.browser.worker, { disabledSites: ['127.0.0.1'] });
    try {
      const page = await h.browser.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // Past the scanner's start (it waits for the load event) and a few frames.
      await page.waitForTimeout(1500);
      expect(await ports()).toEqual([]);
      expect(seen.slice(before).filter(fromExtension)).toEqual([]);
      await page.close();
    } finally {
      await setSettings(h.browser.worker, { disabledSites: [] });
    }
    // Control: turned on again, the same page connects.
    const page = await h.browser.context.newPage();
    await page.goto(url);
    await expect.poll(ports).toContain(url);
    await page.close();
  });

  it('sends the RPC hashes only: no page URL, path, title or text, no cookie, no referrer', () => {
    expect(rpc.log.length).toBeGreaterThan(0);
    const origin = h.server.origin;
    for (const { headers, body } of rpc.log) {
      for (const secret of [origin, '/e2e/privacy/', 'article.html', TITLE, CANARY_TEXT, 'site-secret']) {
        expect(body, `RPC body ${body.slice(0, 120)}`).not.toContain(secret);
      }
      // The page's text goes out only as a hash: not even a hex rendering of its first words.
      expect(body).not.toContain(Buffer.from('This paragraph').toString('hex'));
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }
  });

  it('remote manifests off: the manifest is never requested; "could not check" names where it is', async () => {
    await setSettings(h.browser.worker, { remoteManifests: false });
    const before = seen.length;
    const got = await visit('/e2e/privacy/remote.html', 2);
    const cloud = got['cloud.jpg'];
    expect(cloud?.state).toBe('error');
    expect(cloud?.reason).toMatch(
      /^Could not check: Remote manifest not fetched: the Content Credentials are stored at https?:\/\//,
    );
    const during = seen.slice(before);
    expect(during.filter((s) => s.url.endsWith('.c2pa'))).toEqual([]);
    // A manifest only the server announces cannot be checked against the file: never fetched either.
    expect(got['link-only.jpg']?.state).toBe('error');
    expect(got['link-only.jpg']?.reason).toContain(`${h.server.origin}/privacy/link-only.c2pa`);
  });

  it('remote manifests on: fetched from the image’s own server, without cookies, no third party asked', async () => {
    await setSettings(h.browser.worker, { remoteManifests: true });
    const before = seen.length;
    const beforeBrowser = browserRequests.length;
    const got = await visit('/e2e/privacy/remote.html', 2);
    // remote_cloud.jpg validates against the served store (C2PA test certificate: unknown signer).
    expect(got['cloud.jpg']?.state).toBe('unknown-signer');
    const manifests = seen.slice(before).filter((s) => s.url === '/privacy/cloud.c2pa');
    expect(manifests.length).toBeGreaterThan(0);
    for (const s of manifests) {
      expect(fromExtension(s)).toBe(true);
      expect(s.headers.cookie).toBeUndefined();
      expect(s.headers.referer).toBeUndefined();
    }
    // Still nothing we could not validate against the file.
    expect(seen.slice(before).filter((s) => s.url === '/privacy/link-only.c2pa')).toEqual([]);
    // The file's XMP also names Adobe's manifest cloud (fixtures/c2pa/SOURCES.md). The image's own server
    // offers the same store (Link header), and either is validated against the file's bytes, so asking
    // the third party tells it what the user looks at for nothing. Today the XMP URL is tried first.
    const thirdParty = browserRequests
      .slice(beforeBrowser)
      .filter((r) => r.url.startsWith('https://cai-manifests.adobe.com/'));
    expect(thirdParty).toEqual([]);
  });

  it('extension pages (popup, details, options) show previews without cookies or referrer, and ask no one else', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/privacy/article.html`;
    await page.goto(url);
    const tabId = await tabIdOf(h.browser.worker, url);
    const items = byFile(await settledItems(h.browser.worker, tabId, 4));
    const before = seen.length;
    const beforeBrowser = browserRequests.length;
    const base = `chrome-extension://${h.browser.extensionId}`;
    const loaded = (p: Page) =>
      p.waitForFunction(() => [...document.images].every((i) => i.complete) && document.images.length > 0);
    const popup = await h.browser.context.newPage();
    await popup.goto(`${base}/popup.html?tab=${tabId}`);
    await popup.getByText('none_A').first().waitFor();
    await loaded(popup);
    const details = await h.browser.context.newPage();
    await details.goto(`${base}/details.html?key=${items['none_A.jpg']?.key}`);
    await details.getByAltText('The checked content').waitFor();
    await loaded(details);
    const options = await h.browser.context.newPage();
    await options.goto(`${base}/options.html`);
    await options.getByText('Privacy').first().waitFor();
    for (const p of [popup, details, options, page]) await p.close();

    const during = seen.slice(before);
    // The previews really were requested (not vacuous), each without the site's cookies or a referrer.
    expect(during.map((s) => s.url)).toEqual(expect.arrayContaining(['/c2pa/none_A.jpg']));
    for (const s of during.filter((s) => s.headers['sec-fetch-dest'] !== 'document')) {
      expect(s.headers.cookie, `${s.url} ${JSON.stringify(s.headers)}`).toBeUndefined();
      expect(s.headers.referer, s.url).toBeUndefined();
    }
    // Every request from an extension context goes to an image host of the page or the configured RPC.
    const allowed = new Set([h.server.origin, new URL(rpc.url).origin]);
    const extensionRequests = browserRequests
      .slice(beforeBrowser)
      .filter((r) => !/^(chrome-extension|data|blob):/.test(r.url) && !r.url.startsWith(url));
    for (const r of extensionRequests) {
      expect(allowed.has(new URL(r.url).origin), r.url).toBe(true);
      for (const token of [TITLE, 'article.html', 'site-secret']) expect(r.url).not.toContain(token);
    }
  });

  it('a manifest on another host: never asked automatically, fetched when the user presses the button', async () => {
    await setSettings(h.browser.worker, { remoteManifests: true });
    // The same bytes were validated above through their own server's Link header, and results are cached by
    // content: start from an empty cache so that this check has to find the manifest itself.
    const options = await h.browser.context.newPage();
    await options.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'clear-cache' }));
    await options.close();
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/privacy/elsewhere.html`;
    await page.goto(url);
    const tabId = await tabIdOf(h.browser.worker, url);
    const item = byFile(await settledItems(h.browser.worker, tabId, 1))['elsewhere.jpg'];
    const host = new URL(manifestHost.origin).host;
    // "Could not check", naming the host; that host heard nothing.
    expect(item?.state).toBe('error');
    expect(item?.reason).toContain(`another host, ${host}`);
    expect(manifestHost.log).toEqual([]);

    const details = await h.browser.context.newPage();
    await details.goto(`chrome-extension://${h.browser.extensionId}/details.html?key=${item?.key}`);
    expect(manifestHost.log).toEqual([]);
    await details.getByRole('button', { name: `Fetch Content Credentials from ${host}` }).click();
    // remote_cloud.jpg validates against that store (C2PA test certificate: unknown signer).
    await details.getByText('Unknown signer').first().waitFor({ timeout: 20_000 });
    expect(manifestHost.log.map((s) => s.url)).toEqual(['/m/elsewhere.c2pa']);
    for (const s of manifestHost.log) {
      expect(s.headers.cookie).toBeUndefined();
      expect(s.headers.referer).toBeUndefined();
    }
    await details.close();
    await page.close();
  });

  it('sent no request anywhere but 127.0.0.1 during the whole test (pages and service worker)', () => {
    const elsewhere = browserRequests.filter(({ url }) => {
      const { protocol, hostname } = new URL(url);
      if (['chrome-extension:', 'data:', 'about:', 'blob:'].includes(protocol)) return false;
      return hostname !== '127.0.0.1';
    });
    expect(browserRequests.some((r) => r.fromWorker)).toBe(true);
    expect(elsewhere).toEqual([]);
  });
});
