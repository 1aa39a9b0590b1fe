/**
 * `npm run demo`: the product, end to end, on this machine.
 * Builds the extension, starts a local chain (anvil) with the registry and the demo records, serves the
 * demo page on 127.0.0.1 and opens it in Chromium with the extension loaded. With a display it stays open
 * until Ctrl+C; without one it runs headless, prints the verdicts it saw and writes screenshots.
 * `--store` writes the store listings' 1280 × 800 screenshots to store/screenshots/ instead (headless).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setSettings, settledItems, tabIdOf } from '../e2e/support/extension-page.ts';
import { MOUNTS, ROOT, startDevnet } from '../e2e/support/harness.ts';
import { launchWithExtension } from '../e2e/support/launch-chromium.ts';
import { startStaticServer } from '../e2e/support/static-server.ts';
import { localeTranslate } from '../lib/i18n/locale-file.ts';
import { BADGE_STYLES } from '../lib/verdict/badge-style.ts';
import { writeStoreScreenshots } from './store-screenshots.ts';

const OUT = resolve(ROOT, 'demo-output');
const en = await localeTranslate('en');
const STORE_OUT = resolve(ROOT, 'store/screenshots');
const storeMode = process.argv.includes('--store');
const headless = storeMode || !process.env.DISPLAY || process.argv.includes('--headless');

function step(text: string) {
  console.log(`\n› ${text}`);
}

async function main() {
  step('Checking for Chromium');
  execFileSync('bash', [resolve(ROOT, 'scripts/ensure-browsers.sh')], { stdio: 'inherit' });
  step('Building the extension (.output/chrome-mv3)');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  step('Starting the local chain and seeding demo records (demo/seed.json)');
  const devnet = await startDevnet();
  console.log(
    `  RPC ${devnet.info.rpcUrl} · registry ${devnet.info.registry} · ${devnet.info.registered} hashes registered`,
  );
  const server = await startStaticServer(MOUNTS);
  const pageUrl = `${server.origin}/index.html`;
  console.log(`  demo page ${pageUrl}`);

  step(`Opening Chromium ${headless ? '(headless: no display)' : ''}`);
  const browser = await launchWithExtension({ headless });
  await setSettings(browser.worker, {
    chains: [{ id: 31337, name: 'Local devnet', rpcUrl: devnet.info.rpcUrl, enabled: true }],
  });
  const page = await browser.context.newPage();
  await page.goto(pageUrl);
  const tabId = await tabIdOf(browser.worker, pageUrl);
  const started = Date.now();
  const items = await settledItems(browser.worker, tabId, 12, 60_000);

  step(`Verdicts on the demo page (${items.length} items, settled in ${Date.now() - started} ms)`);
  for (const item of items) {
    const what =
      item.kind === 'image' ? (item.url?.split('/').pop() ?? '') : `“${(item.preview ?? '').slice(0, 40)}…”`;
    console.log(
      `  ${en(BADGE_STYLES[item.state].labelKey).padEnd(16)} ${what.padEnd(44)} ${item.reason ?? ''}`,
    );
  }

  const key = items.find((i) => i.url?.endsWith('ai_trained_genfill.jpg'))?.key;
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
    await devnet.stop();
  };
  if (storeMode) {
    const written = await writeStoreScreenshots(browser, page, tabId, key, STORE_OUT);
    step(`Store screenshots written to ${STORE_OUT}/ (${written.join(', ')})`);
    await stop();
    return;
  }

  mkdirSync(OUT, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/page.png` });
  await page.evaluate(() => document.querySelector('.grid')?.scrollIntoView({ block: 'center' }));
  const box = await page.locator('#tampered').boundingBox();
  if (box) await page.mouse.move(box.x + 16, box.y + 16);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/overlay.png` });
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: `${OUT}/popup.png` });
  const details = await browser.context.newPage();
  await details.goto(`chrome-extension://${browser.extensionId}/details.html?key=${key}`);
  await details.waitForTimeout(800);
  await details.screenshot({ path: `${OUT}/details.png`, fullPage: true });
  step(`Screenshots written to ${OUT}/ (page, overlay, popup, details)`);

  if (headless) {
    await stop();
    return;
  }
  console.log('\nChromium stays open with the extension loaded. Press Ctrl+C to stop.');
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
  });
  await stop();
}

main().catch((error) => {
  console.error(`\nThe demo failed: ${(error as Error).message}`);
  process.exit(1);
});
