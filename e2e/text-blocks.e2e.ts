import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/**
 * The kinds of page the issue found missed (a blog of <br><br>-separated runs, a fiction site of div>span
 * paragraphs, a news <p> holding several paragraphs), with paragraphs added after load, and chrome
 * (navigation, comments loaded in batches, related links) that must stay out.
 */
let h: Harness;
let tabId: number;

beforeAll(async () => {
  h = await startHarness();
  const page = await h.browser.context.newPage();
  const url = `${h.server.origin}/e2e/text-blocks.html`;
  await page.goto(url);
  tabId = await tabIdOf(h.browser.worker, url);
});
afterAll(() => h?.close());

describe('text blocks in the extension', () => {
  it('checks every paragraph of the three page kinds and the late ones, and nothing from the chrome', async () => {
    const want = [
      ...[1, 2, 3, 4, 5].map((i) => `Blog paragraph ${i}:`),
      ...[1, 2, 3, 4, 5].map((i) => `Fiction paragraph ${i}:`),
      ...[1, 2, 3, 4].map((i) => `News paragraph ${i}:`),
      'Late paragraph 1:',
      'Late paragraph 2:',
    ];
    await expect
      .poll(
        async () =>
          (await settledItems(h.browser.worker, tabId, want.length))
            .filter((i) => i.kind === 'text')
            .map((i) => /^\w+ paragraph \d+:/.exec(i.preview ?? '')?.[0] ?? i.preview)
            .sort(),
        { timeout: 30_000 },
      )
      .toEqual([...want].sort());
  });

  it('checks every paragraph of a 1,500-paragraph article (several messages of requests)', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/long-article.html`;
    await page.goto(url);
    const longTab = await tabIdOf(h.browser.worker, url);
    const items = await settledItems(h.browser.worker, longTab, 1500, 90_000);
    const paragraphs = items.filter(
      (i) => i.kind === 'text' && /^Paragraph \d+ of the long read/.test(i.preview ?? ''),
    );
    expect(paragraphs).toHaveLength(1500);
    expect(paragraphs.every((i) => i.state === 'no-provenance')).toBe(true);
    await page.close();
  }, 120_000);
});
