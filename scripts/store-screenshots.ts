/**
 * The store listings' screenshots (`npm run demo -- --store`): 1280 × 800 PNGs, the size both stores show best
 * (Chrome Web Store: 1280 × 800 or 640 × 400; AMO: 1280 × 800 recommended), written to store/screenshots/.
 * The popup has no window of its own in a screenshot, so it is drawn where the browser shows it, at the top
 * right of the page it lists.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { ExtensionBrowser } from '../e2e/support/launch-chromium.ts';

export const STORE_SIZE = { width: 1280, height: 800 };

export async function writeStoreScreenshots(
  browser: ExtensionBrowser,
  page: Page,
  tabId: number,
  detailsKey: string | undefined,
  out: string,
): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const shoot = async (target: Page, name: string) => {
    await target.setViewportSize(STORE_SIZE);
    await target.screenshot({ path: `${out}/${name}` });
    written.push(name);
  };

  // 1. Badges on the page, one tooltip open.
  await page.setViewportSize(STORE_SIZE);
  await page.evaluate(() => document.querySelector('.grid')?.scrollIntoView({ block: 'center' }));
  const box = await page.locator('#genfill').boundingBox();
  if (box) await page.mouse.move(box.x + 16, box.y + 16);
  await page.waitForTimeout(400);
  await shoot(page, '1-badges.png');

  // 2. The popup over the top of the page it lists.
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const behind = await page.screenshot();
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForTimeout(800);
  const popupShot = await sharp(await popup.screenshot())
    .extend({ top: 1, bottom: 1, left: 1, right: 1, background: '#94a3b8' })
    .toBuffer();
  await popup.close();
  await sharp(behind)
    .composite([{ input: popupShot, top: 8, left: STORE_SIZE.width - 382 - 16 }])
    .png()
    .toFile(`${out}/2-popup.png`);
  written.push('2-popup.png');

  // 3. The evidence for one image; 4. the options, privacy first.
  if (detailsKey) {
    const details = await browser.context.newPage();
    await details.goto(`chrome-extension://${browser.extensionId}/details.html?key=${detailsKey}`);
    await details.waitForTimeout(800);
    await shoot(details, '3-details.png');
    await details.close();
  }
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForTimeout(800);
  await shoot(options, '4-options.png');
  await options.close();
  return written;
}
