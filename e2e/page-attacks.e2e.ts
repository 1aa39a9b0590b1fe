import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_STYLES } from '../lib/verdict/badge-style.ts';
import { badgesInDom, byFile, listItems, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/**
 * A page that tries to switch Origin Lens off (issue 13): WXT's "another copy started" event forged with the
 * real extension id, hostile CSS, and removal of the overlay or of the whole page. Badges must stay, in their
 * own colours, over their images, clickable and reachable by keyboard; new images must still get badges.
 */
let h: Harness;
/** Every message the content scripts send to the worker, as "type url". */
const messages: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  // A second listener in the worker sees every message too, and answers nothing (the router still does).
  await h.browser.worker.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __seen: string[] }).__seen = seen;
    chrome.runtime.onMessage.addListener((m: { type?: string; url?: string }) => {
      seen.push(`${m?.type} ${m?.url ?? ''}`);
    });
  });
});
afterAll(() => h?.close());

async function workerMessages(): Promise<string[]> {
  const seen = await h.browser.worker.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen);
  messages.splice(0, messages.length, ...seen);
  return messages;
}

async function open(path: string, items: number) {
  const page = await h.browser.context.newPage();
  const url = `${h.server.origin}${path}`;
  await page.goto(url);
  const tabId = await tabIdOf(h.browser.worker, url);
  await settledItems(h.browser.worker, tabId, items);
  return { page, tabId };
}

/** Waits `n` rendered frames of the page. */
const frames = (page: Page, n: number) =>
  page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
  }, n);

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** The colour on screen at a viewport point (a real screenshot: what the user sees). */
async function pixelAt(page: Page, x: number, y: number): Promise<number[]> {
  const png = await page.screenshot();
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.round(y) * info.width + Math.round(x)) * info.channels;
  return [data[at], data[at + 1], data[at + 2]] as number[];
}

/** Is the badge of `state` drawn, in its own background colour, at the top-left corner of the image `#id`? */
async function badgeShownOver(page: Page, id: string, state: keyof typeof BADGE_STYLES) {
  const r = await page.evaluate((sel) => {
    const box = (document.getElementById(sel) as Element).getBoundingClientRect();
    return { left: box.left, top: box.top };
  }, id);
  // The badge sits 6 px inside the image's corner, 24 px high, with a 2 px white border: (6 + 5, 6 + 12) is
  // its background, left of the centred glyph.
  const point = { x: r.left + 11, y: r.top + 18 };
  const seen = await pixelAt(page, point.x, point.y);
  const want = rgb(BADGE_STYLES[state].bg);
  const close = seen.every((v, i) => Math.abs(v - (want[i] as number)) <= 12);
  return { close, seen, want, point };
}

describe('forged "content script started" events', () => {
  it('change nothing: badges stay, and an image added afterwards is still checked and badged', async () => {
    const { page, tabId } = await open('/e2e/attacks/page.html', 1);
    expect((await badgeShownOver(page, 'tampered', 'tampered')).close).toBe(true);
    // What WXT 0.21's ContentScriptContext listens for, with the real id (store ids are public), as a DOM event
    // and as a message, with every plausible script name.
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      for (const contentScriptName of ['content', 'content-scripts/content', undefined]) {
        const detail = { contentScriptName, messageId: 'page' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, ...detail }, '*');
        window.postMessage({ type: `${id}:content:wxt:locationchange`, ...detail }, '*');
      }
      document.dispatchEvent(new Event('visibilitychange'));
    }, h.browser.extensionId);
    await frames(page, 3);
    expect((await badgesInDom(page)).map((b) => b.state)).toContain('tampered');
    expect((await badgeShownOver(page, 'tampered', 'tampered')).close).toBe(true);

    await page.evaluate(() => {
      const img = document.createElement('img');
      img.id = 'added';
      img.width = 320;
      img.src = '/c2pa/valid_C_c2pars.jpg';
      document.getElementById('later')?.append(img);
    });
    const items = byFile(await settledItems(h.browser.worker, tabId, 2, 20_000));
    expect(items['valid_C_c2pars.jpg']?.state).toBe('unknown-signer');
    await frames(page, 3);
    await page.evaluate(() => document.getElementById('added')?.scrollIntoView());
    await frames(page, 3);
    expect((await badgeShownOver(page, 'added', 'unknown-signer')).close).toBe(true);
    await page.close();
  });
});

describe('detection by the start-up event', () => {
  it('a page listening for WXT’s "content script started" event with the real id hears nothing', async () => {
    const page = await h.browser.context.newPage();
    await page.addInitScript((id) => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      const type = `${id}:content:wxt:content-script-started`;
      for (const target of [document, window]) target.addEventListener(type, () => heard.push(type), true);
      window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data)), true);
    }, h.browser.extensionId);
    const url = `${h.server.origin}/e2e/attacks/page.html`;
    await page.goto(url);
    await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 1);
    // The content script did start (its badge is there), without telling the page.
    expect((await badgeShownOver(page, 'tampered', 'tampered')).close).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
    await page.close();
  });
});

describe('scrolling', () => {
  it('moves the badges with the page on its own: a scroll of the document writes nothing to them', async () => {
    const { page } = await open('/e2e/attacks/page.html', 1);
    await page.evaluate(() => {
      document.body.style.minHeight = '4000px';
    });
    await frames(page, 3);
    expect((await badgeShownOver(page, 'tampered', 'tampered')).close).toBe(true);
    // Writes to the badges (in the closed shadow root, seen through DevTools' DOM, which pierces it).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const writes: string[] = [];
    cdp.on('DOM.attributeModified', (e) => writes.push(e.name));
    cdp.on('DOM.attributeRemoved', (e) => writes.push(e.name));
    // A write through element.style is reported as this, not as an attribute change.
    cdp.on('DOM.inlineStyleInvalidated', () => writes.push('style'));
    for (const dy of [40, 30, -20]) {
      await page.mouse.move(200, 200);
      await page.mouse.wheel(0, dy);
      await frames(page, 3);
      const shown = await badgeShownOver(page, 'tampered', 'tampered');
      expect(shown, JSON.stringify(shown)).toMatchObject({ close: true });
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(50);
    expect(writes).toEqual([]);
    await cdp.detach();
    await page.close();
  });
});

describe('hostile CSS', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await open('/e2e/attacks/hostile-css.html', 1));
    await frames(page, 3);
  });

  it('leaves the badge visible, in its own colour, over its (translated) image, also after scrolling', async () => {
    const before = await badgeShownOver(page, 'tampered', 'tampered');
    expect(before, JSON.stringify(before)).toMatchObject({ close: true });
    await page.mouse.wheel(0, 200);
    await frames(page, 4);
    const scrolled = await badgeShownOver(page, 'tampered', 'tampered');
    expect(scrolled, JSON.stringify(scrolled)).toMatchObject({ close: true });
  });

  it('keeps the badge clickable through a full-viewport cover: the click opens the evidence', async () => {
    const { point } = await badgeShownOver(page, 'tampered', 'tampered');
    const opened = h.browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.mouse.click(point.x + 6, point.y - 6);
    const details = await opened;
    expect(details.url()).toContain('/details.html?key=');
    await details.close();
  });

  it('keeps the badge reachable by keyboard: Tab reaches it, Enter opens the evidence', async () => {
    await page.bringToFront();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let i = 0; i < 5 && focused !== 'ORIGIN-LENS-OVERLAY'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.tagName ?? '');
    }
    expect(focused).toBe('ORIGIN-LENS-OVERLAY');
    const opened = h.browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.keyboard.press('Enter');
    const details = await opened;
    expect(details.url()).toContain('/details.html?key=');
    await details.close();
  });

  it('shows the badge again when the page hides the popover or strips its attributes', async () => {
    await page.evaluate(() => {
      const host = document.querySelector('origin-lens-overlay') as HTMLElement;
      if (host.matches(':popover-open')) host.hidePopover();
      host.removeAttribute('popover');
      host.setAttribute('style', 'display:none !important');
    });
    await frames(page, 3);
    const after = await badgeShownOver(page, 'tampered', 'tampered');
    expect(after, JSON.stringify(after)).toMatchObject({ close: true });
  });
});

describe('removal', () => {
  /** Check requests sent for `file` since `from`. */
  const checksSince = async (from: number, file: string) =>
    (await workerMessages()).slice(from).filter((m) => m.startsWith('check-image') && m.endsWith(file));

  it('the overlay host removed: badges back within two frames', async () => {
    const { page } = await open('/e2e/attacks/page.html', 1);
    await frames(page, 2);
    await page.evaluate(() => document.querySelector('origin-lens-overlay')?.remove());
    await frames(page, 2);
    expect((await badgeShownOver(page, 'tampered', 'tampered')).close).toBe(true);
    await page.close();
  });

  for (const [what, take] of [
    ['every child of <html>', 'html'],
    ['every child of <body>', 'body'],
  ] as const) {
    it(`${what} removed and put back a frame later: badges back within two frames, no new check`, async () => {
      const { page } = await open('/e2e/attacks/page.html', 1);
      await frames(page, 2);
      const from = (await workerMessages()).length;
      await page.evaluate(async (expr) => {
        const parent = document.querySelector(expr) as Element;
        const children = [...parent.childNodes];
        parent.replaceChildren();
        await new Promise((r) => requestAnimationFrame(r));
        parent.append(...children);
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
      }, take);
      const shown = await badgeShownOver(page, 'tampered', 'tampered');
      expect(shown, JSON.stringify(shown)).toMatchObject({ close: true });
      // Back from what the page already knew, not after another round trip to the worker.
      expect(await checksSince(from, 'invalid_datahash_E-dat-CA.jpg')).toEqual([]);
      await page.close();
    });
  }

  it('<html> itself replaced by a new one: the new page is scanned and badged', async () => {
    const { page, tabId } = await open('/e2e/attacks/page.html', 1);
    await page.evaluate(() => {
      const html = document.createElement('html');
      const body = document.createElement('body');
      const img = document.createElement('img');
      img.id = 'fresh';
      img.width = 320;
      img.src = '/c2pa/valid_C_c2pars.jpg';
      body.append(img);
      html.append(document.createElement('head'), body);
      document.replaceChild(html, document.documentElement);
    });
    await expect
      .poll(
        async () => byFile((await listItems(h.browser.worker, tabId)).items)['valid_C_c2pars.jpg']?.state,
        {
          timeout: 20_000,
        },
      )
      .toBe('unknown-signer');
    await frames(page, 3);
    expect((await badgeShownOver(page, 'fresh', 'unknown-signer')).close).toBe(true);
    await page.close();
  });
});

describe('the extension’s own lifecycle', () => {
  it('ends the script: after a reload, the orphaned script removes its overlay at its next check', async () => {
    const { page } = await open('/e2e/attacks/page.html', 1);
    const hasOverlay = () => page.evaluate(() => !!document.querySelector('origin-lens-overlay'));
    expect(await hasOverlay()).toBe(true);
    // chrome.runtime.reload() is what an update does to the running scripts: their runtime.id dies.
    await h.browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.width = 320;
      img.src = '/c2pa/valid_C_c2pars.jpg';
      document.getElementById('later')?.append(img);
    });
    await expect.poll(hasOverlay, { timeout: 10_000 }).toBe(false);
    await page.close();
  });
});
