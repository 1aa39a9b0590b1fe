import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { ContentResponses, PageItem } from '../../lib/messages/protocol.ts';
import type { Settings } from '../../lib/settings/settings.ts';

/** Opens an extension page (a privileged context the web page cannot touch) to talk to tabs and storage. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  path = 'options.html',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** Writes settings as the options page would (merged over the defaults by every reader). */
export async function setSettings(worker: Worker, settings: Partial<Settings>): Promise<void> {
  await worker.evaluate(async (s) => {
    const current = (await chrome.storage.local.get('settings')).settings ?? {};
    await chrome.storage.local.set({ settings: { ...current, ...s } });
  }, settings);
}

/** The id Chrome gave a tab showing `url`. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

/** Asks a tab's content script for its items, as the popup does. */
export async function listItems(worker: Worker, tabId: number): Promise<ContentResponses['list-items']> {
  return worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'list-items' }), tabId);
}

/** Waits until no item of the tab is pending, and returns the items. */
export async function settledItems(
  worker: Worker,
  tabId: number,
  minItems: number,
  timeoutMs = 30_000,
): Promise<PageItem[]> {
  const deadline = Date.now() + timeoutMs;
  let last: PageItem[] = [];
  while (Date.now() < deadline) {
    try {
      last = (await listItems(worker, tabId)).items;
      if (last.length >= minItems && last.every((i) => i.state !== 'pending')) return last;
    } catch {
      // The content script may not be there yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`items did not settle: ${JSON.stringify(last.map((i) => [i.url ?? i.preview, i.state]))}`);
}

/** Items by the last path segment of their URL, for readable assertions. */
export function byFile(items: PageItem[]): Record<string, PageItem> {
  const out: Record<string, PageItem> = {};
  for (const item of items) if (item.url) out[item.url.split('/').pop() ?? item.url] = item;
  return out;
}

/**
 * Badges as the browser's DOM really holds them, closed shadow roots included (CDP pierces them; the
 * page's own scripts cannot). Returns each badge's aria-label and state.
 */
/**
 * Brings every image, video and audio element into view once, then back to the top: a badge is drawn only
 * when its item is in view (lib/overlay/badge-layer.ts), so tests that read all badges scroll first.
 */
export async function scrollEveryItemIntoView(page: Page): Promise<void> {
  const count = await page.evaluate(() => document.querySelectorAll('img, video, audio').length);
  for (let i = 0; i < count; i++) {
    await page.evaluate(async (index) => {
      document.querySelectorAll('img, video, audio')[index]?.scrollIntoView({ block: 'center' });
      // Two frames: the observer reports the element, then the badge layer draws in its next frame.
      for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(() => r(null)));
    }, i);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

export async function badgesInDom(
  page: Page,
): Promise<Array<{ label: string; state: string; hidden: boolean }>> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const out: Array<{ label: string; state: string; hidden: boolean }> = [];
  const walk = (node: DomNode) => {
    const attrs = node.attributes ?? [];
    const get = (name: string) => {
      const i = attrs.indexOf(name);
      return i >= 0 ? attrs[i + 1] : undefined;
    };
    const label = get('aria-label');
    // "Origin Lens:" in English, "Origin Lens :" in French.
    if (label && /^Origin Lens\s?:/.test(label))
      out.push({ label, state: get('data-state') ?? '', hidden: get('hidden') !== undefined });
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return out;
}

interface DomNode {
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}
