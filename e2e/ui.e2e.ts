import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/** The popup, "Verify origin" from the context menu, and the details page, in Chromium. */
let h: Harness;
let page: Awaited<ReturnType<Harness['browser']['context']['newPage']>>;
let tabId: number;

beforeAll(async () => {
  h = await startHarness({ devnet: true });
  page = await h.browser.context.newPage();
  const url = `${h.server.origin}/index.html`;
  await page.goto(url);
  tabId = await tabIdOf(h.browser.worker, url);
  await settledItems(h.browser.worker, tabId, 12);
});
afterAll(() => h?.close());

/** Dispatches a context-menu click the way Chrome does, through the service worker. */
async function verifyOrigin(info: Record<string, unknown>, onTab: number) {
  const opened = h.browser.context.waitForEvent('page', { timeout: 20_000 });
  await h.browser.worker.evaluate(
    async ({ info, tabId }) => {
      const tab = await chrome.tabs.get(tabId);
      // @ts-expect-error: dispatch exists on Chrome's event objects, for exactly this kind of test.
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'verify-origin', editable: false, ...info }, tab);
    },
    { info, tabId: onTab },
  );
  const details = await opened;
  await details.waitForLoadState();
  return details;
}

describe('popup', () => {
  it('lists the page items with their verdicts and counts', async () => {
    const popup = await h.browser.context.newPage();
    await popup.goto(`chrome-extension://${h.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText('ribbons').first().waitFor();
    const text = await popup.locator('body').textContent();
    for (const label of ['Tampered', 'AI-generated', 'Verified origin', 'Registered', 'Unknown signer'])
      expect(text).toContain(label);
    expect(text).toContain('invalid_datahash_E-dat-CA.jpg');
    await popup.screenshot({ path: 'test-results/popup.png' });

    // Clicking an item scrolls the page to it.
    const before = await page.evaluate(() => window.scrollY);
    await popup
      .getByRole('button', { name: /invalid_datahash_E-dat-CA\.jpg/ })
      .first()
      .click();
    await expect
      .poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 })
      .toBeGreaterThan(before + 100);
    await popup.close();
  });
});

describe('Verify origin', () => {
  it('opens the details page for a right-clicked image with every piece of evidence', async () => {
    const srcUrl = `${h.server.origin}/c2pa/ai_trained_genfill.jpg`;
    const details = await verifyOrigin({ srcUrl, mediaType: 'image', pageUrl: page.url() }, tabId);
    expect(details.url()).toContain('/details.html?');
    await details.getByText('Content Credentials').first().waitFor();
    await details
      .getByText(/created by generative AI|trainedAlgorithmicMedia/i)
      .first()
      .waitFor();
    const text = (await details.locator('body').textContent()) ?? '';
    expect(text).toContain('AI-generated');
    expect(text).toContain('Adobe');
    expect(text.replace(/\s+/g, '')).toMatch(/[0-9a-f]{64}/); // the SHA-256, shown in groups
    await details.screenshot({ path: 'test-results/details.png', fullPage: true });

    const download = details.waitForEvent('download');
    await details.getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    const exported = JSON.parse(
      await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
    );
    expect(exported.verdict).toBe('ai-generated');
    expect(exported.evidence.c2pa.aiGenerated).toBe(true);
    await details.close();
  });

  it('checks selected text and shows the registered record', async () => {
    const selectionText =
      'The harbour authority confirmed on Tuesday that the old grain terminal will be turned into a public market hall, with the first stalls expected to open next spring after a two-year restoration.';
    const details = await verifyOrigin({ selectionText, pageUrl: page.url() }, tabId);
    await details
      .getByText(/Registered by Origin Lens demo publisher/)
      .first()
      .waitFor();
    expect(await details.locator('body').textContent()).toContain('ISCC:');
    await details.close();
  });

  it('finds the image under the click when a transparent layer covers it', async () => {
    const covered = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/covered.html`;
    await covered.goto(url);
    const coveredTab = await tabIdOf(h.browser.worker, url);
    await settledItems(h.browser.worker, coveredTab, 1);
    await covered.mouse.click(200, 200, { button: 'right' });
    const details = await verifyOrigin({ pageUrl: url }, coveredTab);
    expect(decodeURIComponent(details.url())).toContain('/c2pa/ai_trained_genfill.jpg');
    await details.getByText('AI-generated').first().waitFor();
    await details.close();
    await covered.close();
  });
});

describe('options', () => {
  it('turns badges off, turns a site off, adds a registrant, and clears the cache', async () => {
    const options = await h.browser.context.newPage();
    await options.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    const stored = async () =>
      (await h.browser.worker.evaluate(
        async () => (await chrome.storage.local.get('settings')).settings,
      )) as Record<string, unknown>;

    await options.getByLabel('Show badges on images').click();
    await expect.poll(async () => (await stored()).overlay).toBe(false);

    await options.getByLabel('Site to turn off').fill('https://News.Example.com/page');
    await options.getByLabel('Site to turn off').press('Enter');
    await expect.poll(async () => (await stored()).disabledSites).toEqual(['news.example.com']);

    await options.getByLabel('Address').fill('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');
    await options.getByLabel('Name', { exact: true }).last().fill('Harbour Times');
    await options.getByRole('button', { name: 'Add registrant' }).click();
    await expect
      .poll(async () =>
        ((await stored()).registrants as Array<{ name: string; address: string }>).map((r) => [
          r.name,
          r.address,
        ]),
      )
      .toContainEqual(['Harbour Times', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC']);

    await options.getByRole('button', { name: 'Clear cache' }).click();
    await options.getByText(/^Cleared \d+ entr(y|ies)\.$/).waitFor();
    await options.screenshot({ path: 'test-results/options.png', fullPage: true });
    await options.close();
  });
});
