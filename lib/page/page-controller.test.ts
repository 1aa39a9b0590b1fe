import { afterEach, describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import type { BackgroundRequest, CheckResult, SendToBackground } from '../messages/protocol.ts';
import { createTestPage, mutationsDelivered, type TestPage } from '../testing/dom-window.ts';
import { extensionLifecycle } from './extension-lifecycle.ts';
import { PageController, SUMMARY_INTERVAL_MS, TEXT_SLICE_CHARS } from './page-controller.ts';

const translate = await localeTranslate('en');

/**
 * The background, in process: records every message and answers image checks when the test says (each one is
 * a promise the test resolves or rejects), text checks at once.
 */
class Background {
  readonly sent: BackgroundRequest[] = [];
  private readonly open = new Map<
    string,
    Array<{ ok: (r: CheckResult) => void; fail: (e: Error) => void }>
  >();

  readonly send = ((request: BackgroundRequest) => {
    this.sent.push(request);
    if (request.type === 'check-image') {
      return new Promise((ok, fail) => {
        const list = this.open.get(request.url) ?? [];
        list.push({ ok: ok as (r: CheckResult) => void, fail });
        this.open.set(request.url, list);
      });
    }
    if (request.type === 'check-text') {
      return Promise.resolve({ kind: 'text', verdict: 'none', reason: 'No record', key: 'k-text' });
    }
    return Promise.resolve(null);
  }) as SendToBackground;

  /** URLs of the image checks sent so far, in order. */
  images(): string[] {
    return this.sent.flatMap((r) => (r.type === 'check-image' ? [r.url.split('/').pop() as string] : []));
  }

  of<T extends BackgroundRequest['type']>(type: T): Array<Extract<BackgroundRequest, { type: T }>> {
    return this.sent.filter((r): r is Extract<BackgroundRequest, { type: T }> => r.type === type);
  }

  async answer(file: string, result: Partial<CheckResult> = {}): Promise<void> {
    const url = `https://news.example/img/${file}`;
    const pending = this.open.get(url)?.shift();
    if (!pending) throw new Error(`no check of ${file} in flight`);
    pending.ok({
      kind: 'image',
      verdict: 'verified',
      reason: `Signed (${file})`,
      key: `k-${file}`,
      ...result,
    });
    await settle();
  }

  async fail(file: string, message: string): Promise<void> {
    this.open.get(`https://news.example/img/${file}`)?.shift()?.fail(new Error(message));
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const img = (id: string) => `<img id="${id}" src="/img/${id}.jpg" width="200" height="200">`;
const imgs = (n: number) => Array.from({ length: n }, (_, i) => img(`p${i}`)).join('');

let page: TestPage | undefined;
let controller: PageController | undefined;
afterEach(async () => {
  controller?.stop();
  await page?.close();
  page = controller = undefined;
});

function open(html: string, send?: SendToBackground) {
  page = createTestPage(html);
  const background = new Background();
  controller = new PageController({
    win: page.win,
    send: send ?? background.send,
    translate,
    locale: () => 'en',
    overlay: true,
    showNoProvenance: false,
    maxStartDelayMs: 0,
  });
  controller.start();
  return { page, controller, background };
}

const stateOf = (c: PageController, id: string) => c.list().items.find((i) => i.url?.endsWith(`/${id}.jpg`));

describe('PageController: image checks', () => {
  it('keeps at most 16 checks in flight, and refills them together once half have answered', async () => {
    const { page, background } = open(imgs(30));
    page.idle.drain();
    await settle();
    expect(background.images()).toHaveLength(16);
    for (let i = 0; i < 7; i++) await background.answer(`p${i}.jpg`);
    expect(background.images()).toHaveLength(16);
    await background.answer('p7.jpg');
    // Eight in flight: eight more go out at once.
    expect(background.images()).toHaveLength(24);
    expect(background.images().slice(16)).toEqual([16, 17, 18, 19, 20, 21, 22, 23].map((i) => `p${i}.jpg`));
  });

  it('sends an image that comes into view before the off-screen ones found earlier', async () => {
    const { page, background } = open(imgs(20));
    page.idle.drain();
    await settle();
    page.viewport.set(page.$('#p19'), true);
    // An image in view does not wait for the refill: it goes with the next answer.
    await background.answer('p0.jpg');
    expect(background.images().slice(16)).toEqual(['p19.jpg']);
    for (let i = 1; i < 9; i++) await background.answer(`p${i}.jpg`);
    expect(background.images().slice(16)).toEqual(['p19.jpg', 'p16.jpg', 'p17.jpg', 'p18.jpg']);
  });

  it('never sends the check of an image removed before its turn', async () => {
    const { page, background } = open(imgs(18));
    page.idle.drain();
    await settle();
    page.$('#p16').remove();
    await mutationsDelivered();
    // The refill (eight answers) sends what is left: p17, not the removed p16.
    for (let i = 0; i < 8; i++) await background.answer(`p${i}.jpg`);
    expect(background.images().slice(16)).toEqual(['p17.jpg']);
  });

  it('shows the verdict, and gives an image put back its badge without asking again', async () => {
    const { page, controller, background } = open(`<div id="box">${img('a')}</div>`);
    page.idle.drain();
    await settle();
    expect(stateOf(controller, 'a')?.state).toBe('pending');
    await background.answer('a.jpg');
    expect(stateOf(controller, 'a')).toMatchObject({
      state: 'verified',
      reason: 'Signed (a.jpg)',
      key: 'k-a.jpg',
    });
    const el = page.$('#a');
    el.remove();
    await mutationsDelivered();
    expect(stateOf(controller, 'a')).toBeUndefined();
    page.$('#box').append(el);
    await mutationsDelivered();
    page.idle.drain();
    expect(stateOf(controller, 'a')?.state).toBe('verified');
    expect(background.images()).toEqual(['a.jpg']);
  });

  it('turns a failed check into "could not check" and asks again for the next copy', async () => {
    const { page, controller, background } = open(`<div id="box">${img('a')}</div>`);
    page.idle.drain();
    await settle();
    await background.fail('a.jpg', 'the network is down');
    expect(stateOf(controller, 'a')).toMatchObject({
      state: 'error',
      reason: 'Could not check: the network is down',
    });
    page
      .$('#box')
      .insertAdjacentHTML('beforeend', '<img id="copy" src="/img/a.jpg" width="200" height="200">');
    await mutationsDelivered();
    page.idle.drain();
    await settle();
    expect(background.images()).toEqual(['a.jpg', 'a.jpg']);
  });

  it('checks the new source when an image changes it, and ignores the old answer', async () => {
    const { page, controller, background } = open(img('a'));
    page.idle.drain();
    await settle();
    page.$('#a').setAttribute('src', '/img/b.jpg');
    await mutationsDelivered();
    page.idle.drain();
    await settle();
    expect(background.images()).toEqual(['a.jpg', 'b.jpg']);
    await background.answer('a.jpg', { verdict: 'tampered', reason: 'old' });
    const item = controller.list().items[0];
    expect(item).toMatchObject({ url: 'https://news.example/img/b.jpg', state: 'pending' });
  });
});

describe('PageController: text and summary', () => {
  it('sends each paragraph to the worker, which answers its verdict', async () => {
    const para = 'A paragraph long enough to be worth a fingerprint of its own, about the harbour. '.repeat(
      3,
    );
    const { page, controller, background } = open(
      `<article><p>${para}</p><p>${para.toUpperCase()}</p></article>`,
    );
    page.idle.drain();
    await settle();
    expect(background.of('check-text').map((r) => r.text.slice(0, 12))).toEqual([
      'A paragraph ',
      'A PARAGRAPH ',
    ]);
    const texts = controller.list().items.filter((i) => i.kind === 'text');
    expect(texts.map((t) => t.state)).toEqual(['none', 'none']);
  });

  it('sends a long article in slices of at most TEXT_SLICE_CHARS of text, a frame apart', async () => {
    const para = (i: number) => `Paragraph ${i} about the harbour. ${'The council met again. '.repeat(170)}`;
    const count = Math.ceil((3 * TEXT_SLICE_CHARS) / para(0).length) + 2;
    const { page, background } = open(
      `<article>${Array.from({ length: count }, (_, i) => `<p>${para(i)}</p>`).join('')}</article>`,
    );
    // Frames come when the test says, so that a slow machine cannot run one early.
    const frames: FrameRequestCallback[] = [];
    page.win.requestAnimationFrame = (callback) => frames.push(callback);
    page.idle.drain();
    await settle();
    const slices = [background.of('check-text').length];
    while (frames.length > 0 && slices.length < 10) {
      frames.shift()?.(0);
      await settle();
      slices.push(background.of('check-text').length);
    }
    const sent = background.of('check-text');
    expect(sent.map((r) => r.text.split('.')[0])).toEqual(
      Array.from({ length: count }, (_, i) => `Paragraph ${i} about the harbour`),
    );
    // Every slice ends with the text that reaches the bound: what came before it is under the bound.
    expect(slices.length).toBeGreaterThanOrEqual(4);
    slices.forEach((end, i) => {
      const slice = sent.slice(i === 0 ? 0 : slices[i - 1], end);
      const chars = slice.reduce((n, r) => n + r.text.length, 0);
      expect(chars - (slice.at(-1)?.text.length ?? 0)).toBeLessThan(TEXT_SLICE_CHARS);
    });
  });

  it('fails an over-long block without sending it', async () => {
    const { page, controller, background } = open(`<article><p>${'x '.repeat(60_000)}</p></article>`);
    page.idle.drain();
    await settle();
    expect(background.of('check-text')).toEqual([]);
    const [text] = controller.list().items;
    expect(text).toMatchObject({ kind: 'text', state: 'error' });
    expect(text?.reason).toMatch(/too long to check \(1\d{5} characters\)/);
  });

  it('sends the toolbar count a few times, not once per result', async () => {
    const { page, background } = open(imgs(10));
    page.idle.drain();
    await settle();
    await Promise.all(Array.from({ length: 10 }, (_, i) => background.answer(`p${i}.jpg`)));
    await new Promise((resolve) => setTimeout(resolve, SUMMARY_INTERVAL_MS + 150));
    const summaries = background.of('page-summary');
    expect(summaries.length).toBeGreaterThan(0);
    // The results arrive within one interval: one count for them all, a second or third only if the machine
    // straddles an interval.
    expect(summaries.length).toBeLessThanOrEqual(3);
    expect(summaries.at(-1)?.counts).toEqual({ verified: 10 });
  });

  it('sends the toolbar count with the checks that answers make it post, not in a post of its own', async () => {
    const { page, background } = open(imgs(40));
    page.idle.drain();
    await settle();
    expect(background.of('check-image')).toHaveLength(16);
    expect(background.of('page-summary')).toEqual([]);
    // The eighth answer brings the in-flight checks down to REFILL_AT: the refill and the count leave together.
    for (let i = 0; i < 8; i++) await background.answer(`p${i}.jpg`);
    expect(background.of('check-image')).toHaveLength(24);
    expect(background.sent.at(-1)).toEqual({ type: 'page-summary', counts: { verified: 8, pending: 32 } });
    // Within the interval the next results wait. No refill comes to carry them (no eighth answer): they go
    // alone, an interval after the interval.
    for (let i = 8; i < 10; i++) await background.answer(`p${i}.jpg`);
    expect(background.of('page-summary')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 2 * SUMMARY_INTERVAL_MS + 150));
    expect(background.of('page-summary')).toHaveLength(2);
    expect(background.of('page-summary').at(-1)?.counts).toEqual({ verified: 10, pending: 30 });
  });
});

describe('PageController: what the popup and the context menu ask', () => {
  it('names the right-clicked image, else the selection', async () => {
    const { page, controller } = open(`${img('a')}<p id="t">Some selected words</p>`);
    page.idle.drain();
    expect(controller.contextTarget()).toBeNull();
    const range = page.doc.createRange();
    range.selectNodeContents(page.$('#t'));
    page.win.getSelection()?.addRange(range);
    expect(controller.contextTarget()).toEqual({ kind: 'text', text: 'Some selected words' });
    page.$('#a').dispatchEvent(new page.win.MouseEvent('contextmenu', { bubbles: true, composed: true }));
    expect(controller.contextTarget()).toEqual({ kind: 'image', url: 'https://news.example/img/a.jpg' });
  });

  it('highlights an item the popup names, and only a known one', async () => {
    const { page, controller, background } = open(img('a'));
    page.idle.drain();
    await settle();
    await background.answer('a.jpg');
    const id = controller.list().items[0]?.id as string;
    expect(controller.highlight(id)).toBe(true);
    expect(controller.highlight('nope')).toBe(false);
  });
});

describe('PageController: teardown when the extension context dies', () => {
  it('removes its overlay and stops scanning at the first message after the extension went away', async () => {
    page = createTestPage(`<div id="box">${img('a')}</div>`);
    const background = new Background();
    let alive = true;
    const lifecycle = extensionLifecycle(page.win, () => alive);
    // The content script's wiring (entrypoints/content.ts): every message first asks whether the extension is there.
    const send = ((request: BackgroundRequest) =>
      lifecycle.alive()
        ? background.send(request)
        : Promise.reject(new Error('Origin Lens was updated or removed'))) as SendToBackground;
    const c = new PageController({
      win: page.win,
      send,
      translate,
      locale: () => 'en',
      overlay: true,
      showNoProvenance: false,
      maxStartDelayMs: 0,
    });
    controller = c;
    c.start();
    lifecycle.onEnded(() => c.stop());
    page.idle.drain();
    await settle();
    // No badge yet, so nothing of ours in the page; a verified image in view brings the overlay.
    expect(page.doc.querySelector('origin-lens-overlay')).toBeNull();
    page.viewport.set(page.$('#a'), true);
    await background.answer('a.jpg');
    await settle();
    const { win } = page;
    await new Promise<void>((r) => win.requestAnimationFrame(() => r()));
    expect(page.doc.querySelector('origin-lens-overlay')).not.toBeNull();
    expect(background.images()).toEqual(['a.jpg']);

    alive = false;
    page.$('#box').insertAdjacentHTML('beforeend', img('b'));
    await mutationsDelivered();
    page.idle.drain();
    await settle();
    expect(page.doc.querySelector('origin-lens-overlay')).toBeNull();
    expect(page.viewport.observers.size).toBe(0);
    page.$('#box').insertAdjacentHTML('beforeend', img('c'));
    await mutationsDelivered();
    page.idle.drain();
    await settle();
    expect(background.images()).toEqual(['a.jpg']);
    expect(page.idle.pending).toBe(0);
  });
});

describe('PageController: words only when shown', () => {
  it('words no reason and asks no language for results whose badges stay hidden', async () => {
    page = createTestPage(`${img('a')}${img('b')}`);
    const background = new Background();
    const asked: string[] = [];
    controller = new PageController({
      win: page.win,
      send: background.send,
      translate: (key, subs) => {
        asked.push(key);
        return translate(key, subs);
      },
      locale: () => {
        asked.push('(locale)');
        return 'en';
      },
      overlay: false, // badges off: nothing is ever drawn
      showNoProvenance: false,
      maxStartDelayMs: 0,
    });
    controller.start();
    page.idle.drain();
    await settle();
    await background.answer('a.jpg', {
      verdict: 'verified',
      reason: 'Signed by Example News',
      reasonCode: 'verified',
      reasonParams: { signer: 'Example News' },
    });
    await background.answer('b.jpg', {
      verdict: 'no-provenance',
      reason: 'None',
      reasonCode: 'no-provenance',
    });
    await new Promise((r) => setTimeout(r, 50)); // a frame or two
    expect(stateOf(controller, 'a')?.state).toBe('verified');
    expect(asked).toEqual([]);
  });
});
