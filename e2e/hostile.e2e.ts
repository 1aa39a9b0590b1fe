import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesInDom, byFile, listItems, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/**
 * A page that attacks the overlay: it overrides its own globals before anything runs, hides and covers the
 * overlay with CSS, draws a fake badge, and tries to read, remove, restyle and message the extension.
 */
let h: Harness;
let page: Awaited<ReturnType<Harness['browser']['context']['newPage']>>;
let tabId: number;

beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.context.newPage();
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __seen: unknown[] }).__seen = seen;
    window.addEventListener('message', (e) => seen.push(e.data), true);
    // Sabotage the page's own world: the content script lives in an isolated world and must not care.
    window.fetch = () => Promise.reject(new Error('sabotaged'));
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    Object.defineProperty(HTMLImageElement.prototype, 'currentSrc', {
      get: () => 'https://evil.example/fake.jpg',
    });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      return attach.call(this, { ...init, mode: 'open' });
    };
  });
  const url = `${h.server.origin}/e2e/hostile.html`;
  await page.goto(url);
  tabId = await tabIdOf(h.browser.worker, url);
  await settledItems(h.browser.worker, tabId, 1);
});
afterAll(() => h?.close());

describe('a hostile page', () => {
  it('cannot fool the scan: the real image is checked and shown as tampered', async () => {
    const items = byFile((await listItems(h.browser.worker, tabId)).items);
    expect(items['invalid_datahash_E-dat-CA.jpg']?.state).toBe('tampered');
    expect(items['fake.jpg']).toBeUndefined();
  });

  it('cannot read into the overlay', async () => {
    const probe = await page.evaluate(() => {
      const host = document.querySelector('origin-lens-overlay');
      return {
        host: !!host,
        shadowRoot: host?.shadowRoot ?? null,
        labels: [...document.querySelectorAll('[aria-label^="Origin Lens"]')].length,
        text: host?.textContent ?? '',
      };
    });
    // Only the page's own fake badge is visible to the page; ours lives in a closed root.
    expect(probe).toEqual({ host: true, shadowRoot: null, labels: 1, text: '' });
    const badges = await badgesInDom(page);
    expect(badges.map((b) => b.state)).toContain('tampered');
    expect(badges.filter((b) => b.label.startsWith('Origin Lens: Tampered'))).toHaveLength(1);
  });

  it('cannot hide the overlay with CSS, inline styles or by removing it', async () => {
    const after = await page.evaluate(async () => {
      const host = document.querySelector('origin-lens-overlay') as HTMLElement;
      host.style.setProperty('display', 'none', 'important');
      host.remove();
      await new Promise((r) => setTimeout(r, 50));
      const again = document.querySelector('origin-lens-overlay') as HTMLElement | null;
      const style = again ? getComputedStyle(again) : null;
      return {
        back: !!again,
        display: style?.display,
        opacity: style?.opacity,
        inline: again?.getAttribute('style'),
      };
    });
    expect(after).toMatchObject({ back: true, display: 'block', opacity: '1' });
    expect(after.inline || null).toBeNull();
    const badges = await badgesInDom(page);
    expect(badges.some((b) => b.state === 'tampered')).toBe(true);
  });

  it('cannot reach the extension: no messaging API and no id leaked', async () => {
    const reach = await page.evaluate(() => {
      const chromeApi = (
        window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; id?: string } } }
      ).chrome;
      window.postMessage({ type: 'check-image', url: 'https://evil.example/x.jpg' }, '*');
      window.postMessage({ type: 'clear-cache' }, '*');
      return { sendMessage: typeof chromeApi?.runtime?.sendMessage, id: chromeApi?.runtime?.id ?? null };
    });
    expect(reach).toEqual({ sendMessage: 'undefined', id: null });
    const seen = JSON.stringify(
      await page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen),
    );
    expect(seen).not.toContain(h.browser.extensionId);
    expect(seen).not.toContain('wxt:');
    // The forged messages changed nothing: the list is the same and the cache was not cleared.
    const items = byFile((await listItems(h.browser.worker, tabId)).items);
    expect(items['invalid_datahash_E-dat-CA.jpg']?.state).toBe('tampered');
  });

  it('gets its forged requests rejected even if it could send them (sender and shape checks)', async () => {
    // An extension page is the only other sender; a request with a wrong shape gets no answer at all
    // (undefined), while a well-formed one is answered (null: no such item).
    const ext = await h.browser.context.newPage();
    await ext.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    const answers = await ext.evaluate(async () => {
      const ask = (m: unknown) =>
        Promise.race([
          chrome.runtime.sendMessage(m),
          new Promise((r) => setTimeout(() => r('no answer'), 1000)),
        ]);
      return {
        unknown: await ask({ type: 'drop-tables' }),
        badUrl: await ask({ type: 'verify-url', url: 'javascript:alert(1)' }),
        badKey: await ask({ type: 'get-details', key: '../../etc' }),
        wellFormed: await ask({ type: 'get-details', key: 'a'.repeat(64) }),
      };
    });
    expect(answers).toEqual({ unknown: undefined, badUrl: undefined, badKey: undefined, wellFormed: null });
    await ext.close();
  });
});
