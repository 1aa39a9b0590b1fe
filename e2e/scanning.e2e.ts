import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byFile, listItems, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/** What the content script finds, in Chromium: srcset, <picture>, CSS backgrounds, posters, lazy and late images. */
let h: Harness;
let tabId: number;
let page: Awaited<ReturnType<Harness['browser']['context']['newPage']>>;

beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.context.newPage();
  const url = `${h.server.origin}/e2e/scanning.html`;
  await page.goto(url);
  tabId = await tabIdOf(h.browser.worker, url);
});
afterAll(() => h?.close());

describe('page scanning', () => {
  it('finds srcset and <picture> choices, CSS backgrounds and video posters, and skips tiny and hidden images', async () => {
    const items = byFile(await settledItems(h.browser.worker, tabId, 4));
    expect(items['valid_photoshop.png']?.state).toBe('verified'); // the srcset candidate, not the src
    expect(items['valid_C_c2pars.jpg']?.state).toBe('unknown-signer'); // the <source>, not the fallback
    expect(items['invalid_sig_E-sig-CA.jpg']?.state).toBe('tampered'); // CSS background
    expect(items['valid_boxhash.jpg']?.state).toBe('unknown-signer'); // video poster
    expect(items['invalid_assertionuri_E-uri-CA.jpg']).toBeUndefined();
    expect(items['valid_CACA_two-manifests.jpg']).toBeUndefined();
  });

  it('checks a lazy image far below the fold once it is scrolled to', async () => {
    await page.evaluate(() => document.getElementById('lazy')?.scrollIntoView());
    const items = byFile(await settledItems(h.browser.worker, tabId, 5));
    expect(items['ai_composite_firefly_photoshop.jpg']?.state).toBe('ai-generated');
  });

  it('follows images added later and sources that change, without polling', async () => {
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/c2pa/invalid_datahash_E-dat-CA.jpg';
      img.width = 300;
      document.getElementById('feed')?.append(img);
      img.scrollIntoView();
    });
    let items = byFile(await settledItems(h.browser.worker, tabId, 6));
    expect(items['invalid_datahash_E-dat-CA.jpg']?.state).toBe('tampered');

    // Single-page navigation: the same element gets a new image.
    await page.evaluate(() => {
      (document.getElementById('picture')?.parentElement as HTMLElement).outerHTML =
        '<img id="swapped" src="/c2pa/ai_trained_genfill.jpg" width="300">';
    });
    await expect
      .poll(
        async () => byFile((await listItems(h.browser.worker, tabId)).items)['ai_trained_genfill.jpg']?.state,
        { timeout: 20_000 },
      )
      .toBe('ai-generated');
    items = byFile((await listItems(h.browser.worker, tabId)).items);
    expect(items['valid_C_c2pars.jpg']).toBeUndefined(); // removed from the page, removed from the list
  });
});
