import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeTransitions,
  badgeViews,
  focusedBadge,
  recordBadgeTransitions,
} from './support/closed-shadow.ts';
import { settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/**
 * The badges from the keyboard, on a page with links around the images (issue 17, WCAG 2.1.1, 2.4.3, 1.4.13):
 * Tab reaches each image's badge right after the image, even one far below the fold, its name says which
 * image it is for, Enter opens the evidence, Esc hides the tooltip, and focus stays on it while the page scrolls.
 */
let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.context.newPage();
  const url = `${h.server.origin}/e2e/a11y/keyboard.html`;
  await page.goto(url);
  await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 2);
});
afterAll(() => h?.close());

/** What has focus: a page element's id, or "badge" for one of ours. */
async function focusedThing(): Promise<string> {
  const tag = await page.evaluate(() => document.activeElement?.tagName ?? '');
  if (tag === 'ORIGIN-LENS-OVERLAY') return 'badge';
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
}

async function tab(shift = false): Promise<string> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return focusedThing();
}

describe('badges from the keyboard', () => {
  // First, before anything has hovered or focused a badge: its tooltip is built under the pointer then.
  it('fades the tooltip in on the first hover, as on every later one', async () => {
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, 0));
    await recordBadgeTransitions(page);
    const img = await page.locator('#photo').boundingBox();
    if (!img) throw new Error('no image box');
    await page.mouse.move(img.x + 14, img.y + 18);
    const harbour = async () =>
      (await badgeTransitions(page)).find((b) => b.name.includes('A harbour at dawn'))?.value;
    try {
      await expect.poll(harbour).toContain('tip:opacity');
    } finally {
      await page.mouse.move(img.x + 300, img.y + 200);
    }
  });

  it('Tab from the top reaches the badge right after its image, named after the image', async () => {
    await page.bringToFront();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      (document.activeElement as HTMLElement | null)?.blur();
    });
    // Nothing focusable is added to the page until the keyboard is used...
    expect(await page.evaluate(() => document.querySelectorAll('origin-lens-anchor').length)).toBe(0);
    const order = [];
    for (let i = 0; i < 6; i++) order.push(await tab());
    // ...and from the first Tab on, each badge is reached right after its image, the far one included.
    expect(await page.evaluate(() => document.querySelectorAll('origin-lens-anchor').length)).toBe(2);
    expect(order).toEqual(['before', 'photo-link', 'badge', 'after', 'badge', 'end']);
  });

  it('Shift+Tab walks back the same way', async () => {
    const order = [];
    for (let i = 0; i < 5; i++) order.push(await tab(true));
    expect(order).toEqual(['badge', 'after', 'badge', 'photo-link', 'before']);
  });

  it("the focused badge's name contains the alt text, or the file name when there is none", async () => {
    await page.locator('#before').focus();
    expect(await tab()).toBe('photo-link');
    expect(await tab()).toBe('badge');
    const near = await focusedBadge(page);
    expect(near?.name).toMatch(/^Origin Lens: Tampered, A harbour at dawn, edited\. /);
    expect(await tab()).toBe('after');
    expect(await tab()).toBe('badge');
    const far = await focusedBadge(page);
    expect(far?.name).toContain('ai_trained_genfill.jpg');
    // The far image was scrolled into view by the browser, and its badge sits on it.
    const img = await page.locator('#far').boundingBox();
    expect(img).not.toBeNull();
    if (img && far) {
      expect(far.rect.x).toBeGreaterThanOrEqual(img.x);
      expect(far.rect.y).toBeGreaterThanOrEqual(img.y);
      expect(far.rect.y).toBeLessThan(img.y + 40);
    }
  });

  it('keeps focus on the badge while the page scrolls its image out of view and back', async () => {
    expect((await focusedBadge(page))?.name).toContain('ai_trained_genfill.jpg');
    await page.mouse.wheel(0, -2000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(1500);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await focusedThing()).toBe('badge');
    expect((await focusedBadge(page))?.name).toContain('ai_trained_genfill.jpg');
    await page.mouse.wheel(0, 2000);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect((await focusedBadge(page))?.name).toContain('ai_trained_genfill.jpg');
    expect(await tab()).toBe('end');
  });

  it('shows the tooltip on focus, hides it on Esc, shows it again on the next focus', async () => {
    await page.locator('#photo-link').focus();
    expect(await tab()).toBe('badge');
    await expect.poll(async () => (await focusedBadge(page))?.tipVisible).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focusedBadge(page))?.tipVisible).toBe(false);
    expect(await focusedThing()).toBe('badge');
    expect(await tab()).toBe('after');
    expect(await tab(true)).toBe('badge');
    await expect.poll(async () => (await focusedBadge(page))?.tipVisible).toBe(true);
  });

  it('keeps the tooltip while the pointer moves from the badge onto it; Esc hides it', async () => {
    await page.locator('#before').focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    const img = await page.locator('#photo').boundingBox();
    if (!img) throw new Error('no image box');
    // The badge sits 6 px in from the image's top-left corner, 24 px tall; the tooltip starts 4 px under it.
    await page.mouse.move(img.x + 14, img.y + 18);
    const hovered = async () => {
      return (await badgeViews(page)).find((v) => v.name.includes('A harbour at dawn'));
    };
    await expect.poll(async () => (await hovered())?.tipVisible).toBe(true);
    // Down across the gap and onto the tooltip text.
    for (const dy of [26, 30, 34, 40, 48]) await page.mouse.move(img.x + 14, img.y + dy);
    await page.waitForTimeout(300);
    expect((await hovered())?.tipVisible).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await hovered())?.tipVisible).toBe(false);
    await page.mouse.move(img.x + 300, img.y + 200);
    await page.mouse.move(img.x + 14, img.y + 18);
    await expect.poll(async () => (await hovered())?.tipVisible).toBe(true);
    await page.mouse.move(img.x + 300, img.y + 200);
  });

  it('Enter and Space on the badge open the evidence', async () => {
    for (const key of ['Enter', ' ']) {
      await page.locator('#photo-link').focus();
      expect(await tab()).toBe('badge');
      const opened = h.browser.context.waitForEvent('page', { timeout: 10_000 });
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      const details = await opened;
      expect(details.url()).toContain('/details.html?key=');
      await details.close();
      await page.bringToFront();
    }
  });
});
