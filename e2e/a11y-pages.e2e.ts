import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, axeViolations } from './support/axe.ts';
import { contrastRatio } from './support/contrast.ts';
import { byFile, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/**
 * axe-core's WCAG 2.x A and AA rules on every extension page (popup, details, options), in light and dark,
 * in Chromium with the built extension; plus what axe cannot see: reflow at 320 px, the sticky header never
 * covering the focused control, and form errors tied to their field (issue 17).
 */
let h: Harness;
let tabId: number;
let keys: Record<string, string>;

beforeAll(async () => {
  h = await startHarness();
  const page = await h.browser.context.newPage();
  const url = `${h.server.origin}/e2e/a11y/pages.html`;
  await page.goto(url);
  tabId = await tabIdOf(h.browser.worker, url);
  const items = byFile(await settledItems(h.browser.worker, tabId, 5));
  keys = Object.fromEntries(
    Object.entries(items).flatMap(([file, item]) => (item.key ? [[file, item.key]] : [])),
  );
});
afterAll(() => h?.close());

const ext = (path: string) => `chrome-extension://${h.browser.extensionId}/${path}`;

/** Opens an extension page in a colour scheme and waits for `ready` to show. */
async function open(path: string, scheme: 'light' | 'dark', ready: string, width = 1024): Promise<Page> {
  const page = await h.browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(ext(path));
  await page.getByText(ready).first().waitFor();
  return page;
}

const report = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.targets.join('\n  ')}`).join('\n');

describe.each(['light', 'dark'] as const)('axe-core, %s', (scheme) => {
  it('popup with items', async () => {
    const page = await open(`popup.html?tab=${tabId}`, scheme, 'ai_trained_genfill.jpg');
    const violations = await axeViolations(page);
    expect(violations, report(violations)).toEqual([]);
    await page.close();
  });

  it('details of an AI-generated image with its Content Credentials', async () => {
    const key = keys['ai_trained_genfill.jpg'];
    const page = await open(`details.html?key=${key}`, scheme, 'Content Credentials');
    await page.getByText('Export JSON').waitFor();
    const violations = await axeViolations(page);
    expect(violations, report(violations)).toEqual([]);
    await page.close();
  });

  it('details of a tampered image', async () => {
    const key = keys['invalid_datahash_E-dat-CA.jpg'];
    const page = await open(`details.html?key=${key}`, scheme, 'Tampered');
    const violations = await axeViolations(page);
    expect(violations, report(violations)).toEqual([]);
    await page.close();
  });

  it('options, with a field error showing', async () => {
    const page = await open('options.html', scheme, 'Origin Lens options');
    await page.getByLabel('Site to turn off').fill('not a site!!');
    await page.getByLabel('Site to turn off').press('Enter');
    await page.locator('.field-error').first().waitFor();
    const violations = await axeViolations(page);
    expect(violations, report(violations)).toEqual([]);
    await page.close();
  });
});

describe('what axe cannot see', () => {
  it('the details page does not scroll sideways at 320 px (long hashes, versions and URLs wrap)', async () => {
    for (const file of [
      'ai_trained_genfill.jpg',
      'valid_truepic_camera.jpg',
      'error_unknown-alg_no_alg.jpg',
    ]) {
      const page = await open(`details.html?key=${keys[file]}`, 'light', 'Export JSON', 320);
      // Open every disclosure, so that the raw JSON and long lists are laid out too.
      for (const summary of await page.locator('details:not([open]) > summary').all()) await summary.click();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, file).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('"Export JSON" has at least 4.5:1 contrast in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(`details.html?key=${keys['ai_trained_genfill.jpg']}`, scheme, 'Export JSON');
      const { color, background } = await page.getByRole('button', { name: 'Export JSON' }).evaluate((el) => {
        const style = getComputedStyle(el);
        return { color: style.color, background: style.backgroundColor };
      });
      expect(contrastRatio(color, background), scheme).toBeGreaterThanOrEqual(4.5);
      await page.close();
    }
  });

  it('options: input borders at least 3:1 and placeholders at least 4.5:1, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open('options.html', scheme, 'Origin Lens options');
      const inputs = await page.locator('input.input[placeholder]').evaluateAll((els) =>
        els.map((el) => {
          const style = getComputedStyle(el);
          return {
            name: el.getAttribute('placeholder') ?? '',
            border: style.borderTopColor,
            background: style.backgroundColor,
            placeholder: getComputedStyle(el, '::placeholder').color,
          };
        }),
      );
      expect(inputs.length).toBeGreaterThan(3);
      for (const input of inputs) {
        expect(
          contrastRatio(input.border, input.background),
          `${scheme} border ${input.name}`,
        ).toBeGreaterThanOrEqual(3);
        expect(
          contrastRatio(input.placeholder, input.background),
          `${scheme} placeholder ${input.name}`,
        ).toBeGreaterThanOrEqual(4.5);
      }
      await page.close();
    }
  });

  it('options: tabbing backwards never leaves the focused control under the sticky header', async () => {
    const page = await open('options.html', 'light', 'Origin Lens options', 900);
    await page.setViewportSize({ width: 900, height: 500 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('body').click({ position: { x: 1, y: 499 } });
    const covered: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      const hit = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const header = document.querySelector('header');
        if (!el || !header || header.contains(el) || el === document.body) return null;
        const r = el.getBoundingClientRect();
        return r.top < header.getBoundingClientRect().bottom
          ? `${el.tagName} ${el.textContent?.slice(0, 30)}`
          : null;
      });
      if (hit) covered.push(hit);
    }
    expect(covered).toEqual([]);
    await page.close();
  });

  it('options: "not a site!!" is rejected, and the error is tied to the field in a live region', async () => {
    const page = await open('options.html', 'light', 'Origin Lens options');
    const field = page.getByLabel('Site to turn off');
    await field.fill('not a site!!');
    await field.press('Enter');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await field.getAttribute('aria-describedby');
    const error = page.locator(`[id="${describedBy}"]`);
    expect(await error.textContent()).toContain('Enter a site');
    expect(await error.evaluate((el) => el.closest('[aria-live]')?.getAttribute('aria-live'))).toBe('polite');
    const stored = (await h.browser.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings,
    )) as { disabledSites?: string[] } | undefined;
    expect(stored?.disabledSites ?? []).not.toContain('not a site!!');
    await page.close();
  });
});
