import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageItem } from '../lib/messages/protocol.ts';
import { withoutC2paBox } from '../lib/testing/media-files.ts';
import { sendWithRanges } from '../lib/testing/send-with-ranges.ts';
import { badgesInDom, listItems, setSettings, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, ROOT, startHarness } from './support/harness.ts';

/**
 * Video and audio in Chromium with the built extension: `<video src>`, `<video><source>` and `<audio>` with
 * real files made by real products (fixtures/c2pa-realworld/SOURCES.md gives the expected verdicts), a video
 * streamed from a blob:, a video without Content Credentials answered from its structure, and two videos over
 * the size cap that wait for the user (the badge, the popup) and then validate with visible progress.
 */
const REALWORLD = resolve(ROOT, 'fixtures/c2pa-realworld');
const premiere = readFileSync(resolve(REALWORLD, 'adobe_premiere_firefly-leica.mp4'));
const stripped = withoutC2paBox(new Uint8Array(readFileSync(resolve(REALWORLD, 'openai_sora_video.mp4'))));

let h: Harness;
let page: Page;
let tabId: number;

beforeAll(async () => {
  h = await startHarness({
    routes: [
      (req, res) => {
        // The large video comes over a slow link (64 KB every 40 ms, about 2 s), so its progress can be seen.
        if (req.url !== '/slow/adobe_premiere_firefly-leica.mp4') return false;
        sendWithRanges(req, res, premiere, { contentType: 'video/mp4', chunkBytes: 64 * 1024, delayMs: 40 });
        return true;
      },
      (req, res) => {
        if (req.url !== '/gen/stripped.mp4') return false;
        sendWithRanges(req, res, stripped, { contentType: 'video/mp4' });
        return true;
      },
    ],
  });
  // 1.5 MB: the Sora video (0.7 MB) and the audio (54 KB) are checked at once; Premiere (3.4 MB) and the
  // Sony video (1.9 MB) wait for the user.
  await setSettings(h.browser.worker, { mediaAutoCheckMb: 1.5 });
  page = await h.browser.context.newPage();
  const url = `${h.server.origin}/e2e/media.html`;
  await page.goto(url);
  tabId = await tabIdOf(h.browser.worker, url);
});
afterAll(() => h?.close());

const byId = async (): Promise<Record<string, PageItem>> => {
  const items = (await listItems(h.browser.worker, tabId)).items;
  const ids = await page.evaluate(() => [...document.querySelectorAll('video, audio')].map((e) => e.id));
  // Items are listed in the order found; match them to elements by URL.
  const out: Record<string, PageItem> = {};
  for (const id of ids) {
    const src = await page.evaluate((i) => {
      const el = document.getElementById(i) as HTMLMediaElement;
      return el.currentSrc || el.querySelector('source')?.src || el.src;
    }, id);
    const item =
      items.find((x) => x.url === src) ?? (id === 'blob' ? items.find((x) => x.streamed) : undefined);
    if (item) out[id] = item;
  }
  return out;
};

/** Requests the extension made for a path: no Referer (the page's own requests carry one). */
const extensionRequests = (path: string) =>
  h.server.log.filter((r) => r.url === path && !r.referer).map((r) => r.range ?? 'whole');

describe('video and audio', () => {
  it('gets the expected verdicts for <video src>, <video><source> and <audio>, and lists their kind', async () => {
    await settledItems(h.browser.worker, tabId, 7);
    const items = await byId();
    expect(items['by-src']).toMatchObject({ kind: 'video', state: 'ai-generated' });
    expect(items['by-source']).toMatchObject({ kind: 'video', state: 'ai-generated' });
    expect(items.audio).toMatchObject({ kind: 'audio', state: 'verified' });
    expect(items.audio?.reason).toMatch(/Truepic/i);
    // The badges sit on the page, with their verdicts.
    const badges = await badgesInDom(page);
    expect(badges.filter((b) => b.state === 'ai-generated').length).toBeGreaterThanOrEqual(2);
    expect(badges.some((b) => b.state === 'verified')).toBe(true);
  });

  it('follows media added later and a source that changes', async () => {
    await page.evaluate(() => {
      const audio = document.createElement('audio');
      audio.id = 'late';
      audio.controls = true;
      audio.preload = 'none';
      audio.src = '/realworld/truepic_lens-ios_audio.m4a?late=1';
      document.querySelector('main')?.append(audio);
    });
    await expect.poll(async () => (await byId()).late?.state, { timeout: 20_000 }).toBe('verified');
    await page.evaluate(() => {
      (document.getElementById('late') as HTMLAudioElement).src = '/realworld/openai_sora_video.mp4?as=audio';
    });
    await expect.poll(async () => (await byId()).late?.state, { timeout: 20_000 }).toBe('ai-generated');
  });

  it('reads a blob: video as "not checkable (streamed)", never as no provenance', async () => {
    const items = await byId();
    expect(items.blob).toMatchObject({ kind: 'video', state: 'error', streamed: true });
    expect(items.blob?.reason).toMatch(/^Not checkable \(streamed\)/);
  });

  it('answers "no Content Credentials" for a video without a C2PA box from a few KB of Range reads', async () => {
    const items = await byId();
    expect(items.stripped).toMatchObject({ kind: 'video', state: 'no-provenance' });
    const seen = extensionRequests('/gen/stripped.mp4');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain('whole');
  });

  it('leaves videos over the cap for the user, having read only their structure', async () => {
    const items = await byId();
    expect(items.large).toMatchObject({ state: 'on-request', bytes: premiere.length });
    expect(items['large-2']).toMatchObject({ state: 'on-request' });
    expect(extensionRequests('/slow/adobe_premiere_firefly-leica.mp4')).not.toContain('whole');
    const badges = await badgesInDom(page);
    expect(badges.some((b) => b.label.startsWith('Origin Lens: Check this video (3.4 MB)'))).toBe(true);
  });

  it('checks a video over the cap when its badge is clicked, with visible progress, then shows the verdict', async () => {
    const box = await page.locator('#large').boundingBox();
    if (!box) throw new Error('no box for the large video');
    // The badge sits at the video's top-left corner, above the player's own overlay.
    await page.mouse.click(box.x + 16, box.y + 16);
    const progress: number[] = [];
    const deadline = Date.now() + 60_000;
    let state = '';
    while (Date.now() < deadline) {
      const item = (await byId()).large;
      state = item?.state ?? '';
      if (item?.progress !== undefined) progress.push(item.progress);
      if (state !== 'pending' && state !== 'on-request') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('ai-generated');
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    // Downloaded once, whole.
    expect(
      extensionRequests('/slow/adobe_premiere_firefly-leica.mp4').filter((r) => r === 'whole'),
    ).toHaveLength(1);
  });

  it('keeps the badges on a player that goes full screen, and puts them back afterwards', async () => {
    const overlay = await page.locator('#overlay').boundingBox();
    if (!overlay) throw new Error('no player overlay');
    const before = (await badgesInDom(page)).length;
    expect(before).toBeGreaterThan(0);
    // A click gives the page the user activation that requestFullscreen needs.
    await page.mouse.click(overlay.x + 200, overlay.y + 150);
    await page.evaluate(() => (document.querySelector('.player') as HTMLElement).requestFullscreen());
    // A badge is hit-tested above the full-screen player: somewhere over the player, the topmost element is
    // our overlay host (hits inside its closed shadow root are retargeted to it).
    const badgeOnTop = () =>
      page.evaluate(() => {
        const r = (document.fullscreenElement ?? document.querySelector('.player'))?.getBoundingClientRect();
        if (!r) return false;
        for (let y = r.top + 2; y < Math.min(r.bottom, innerHeight); y += 6)
          for (let x = r.left + 2; x < Math.min(r.right, innerWidth); x += 6)
            if (document.elementFromPoint(x, y)?.tagName === 'ORIGIN-LENS-OVERLAY') return true;
        return false;
      });
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect.poll(badgeOnTop).toBe(true);
    // No badge drawn before is lost to the full-screen switch.
    expect((await badgesInDom(page)).length).toBeGreaterThanOrEqual(before);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await expect.poll(badgeOnTop).toBe(true);
  });

  it('checks a video over the cap from the popup', async () => {
    const popup = await h.browser.context.newPage();
    await popup.goto(`chrome-extension://${h.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Check this video' }).first().click();
    await expect
      .poll(async () => (await byId())['large-2']?.state, { timeout: 30_000 })
      .not.toMatch(/^(pending|on-request)$/);
    expect((await byId())['large-2']?.state).not.toBe('error');
    const text = (await popup.locator('body').textContent()) ?? '';
    expect(text).toContain('Video');
    expect(text).toContain('Audio');
    await popup.close();
  });
});

/** Dispatches a context-menu click the way Chrome does, through the service worker. */
async function verifyOrigin(info: Record<string, unknown>): Promise<Page> {
  const opened = h.browser.context.waitForEvent('page', { timeout: 20_000 });
  await h.browser.worker.evaluate(
    async ({ info, tabId }) => {
      const tab = await chrome.tabs.get(tabId);
      // @ts-expect-error: dispatch exists on Chrome's event objects, for exactly this kind of test.
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'verify-origin', editable: false, ...info }, tab);
    },
    { info, tabId },
  );
  const details = await opened;
  await details.waitForLoadState();
  return details;
}

describe('Verify origin on video and audio', () => {
  // The Leica capture is named only in the file's XMP (tiff:Make), not in any C2PA manifest that engine 0.13
  // reads: the signed history is the Photoshop (Firefly) ingredient placed into the Premiere export.
  it('shows the manifest, the signed history (Firefly image from Photoshop → Premiere) and the SHA-256 of a video', async () => {
    const srcUrl = `${h.server.origin}/realworld/adobe_premiere_firefly-leica.mp4`;
    const details = await verifyOrigin({ srcUrl, mediaType: 'video', pageUrl: page.url() });
    expect(decodeURIComponent(details.url())).toContain('media=video');
    await details.getByText('Content Credentials').first().waitFor({ timeout: 30_000 });
    const text = (await details.locator('body').textContent()) ?? '';
    expect(text).toContain('AI-generated');
    expect(text).toContain('Adobe Premiere Pro (Beta) 25.0.0');
    expect(text).toContain('adobe-firefly-sun.png'); // the ingredient, made in Photoshop with Firefly
    expect(text).toContain('With Adobe Firefly');
    expect(text.replace(/\s+/g, '')).toMatch(/[0-9a-f]{64}/);
    expect(text).toContain('Video');
    expect(await details.locator('video').count()).toBe(1);
    await details.screenshot({ path: 'test-results/details-video.png', fullPage: true });
    await details.close();
  });

  it('finds the video under a player overlay and checks audio from a right-click', async () => {
    // The Premiere video sits under the player's transparent controls layer.
    const box = await page.locator('#large').boundingBox();
    if (!box) throw new Error('no box');
    await page.mouse.click(box.x + 200, box.y + 120, { button: 'right' });
    const video = await verifyOrigin({ pageUrl: page.url() });
    await video.getByText('AI-generated').first().waitFor({ timeout: 30_000 });
    expect(await video.locator('video').count()).toBe(1);
    await video.close();

    const srcUrl = `${h.server.origin}/realworld/truepic_lens-ios_audio.m4a`;
    const audio = await verifyOrigin({ srcUrl, mediaType: 'audio', pageUrl: page.url() });
    await audio.getByText('Verified origin').first().waitFor({ timeout: 30_000 });
    expect(await audio.locator('audio').count()).toBe(1);
    await audio.close();
  });
});
