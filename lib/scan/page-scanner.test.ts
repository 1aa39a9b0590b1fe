import { afterEach, describe, expect, it } from 'vitest';
import { createTestPage, mutationsDelivered, type TestPage } from '../testing/dom-window.ts';
import type { MediaSource } from './media-source.ts';
import { PageScanner, type ScannerHooks } from './page-scanner.ts';

interface Seen {
  images: Array<{ id: string; url: string; inView: boolean }>;
  media: Array<{ id: string; source: MediaSource }>;
  texts: string[];
  removed: string[];
  visible: string[];
}

let page: TestPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function scan(html: string, options: { media?: boolean } = {}) {
  page = createTestPage(html);
  const seen: Seen = { images: [], media: [], texts: [], removed: [], visible: [] };
  const name = (el: Element) => el.id || el.tagName.toLowerCase();
  const hooks: ScannerHooks = {
    image: (el, url, inView) => seen.images.push({ id: name(el), url, inView }),
    text: (_el, text) => seen.texts.push(text),
    removed: (el) => seen.removed.push(name(el)),
    visible: (el, inView) => seen.visible.push(`${name(el)} ${inView ? 'in' : 'out'}`),
    ...(options.media ? { media: (el, source) => seen.media.push({ id: name(el), source }) } : {}),
  };
  const scanner = new PageScanner(page.win, hooks, { maxStartDelayMs: 0 });
  scanner.start();
  return { page, scanner, seen, ids: () => seen.images.map((i) => i.id) };
}

const img = (id: string, size = 200, src = `/img/${id}.jpg`) =>
  `<img id="${id}" src="${src}" width="${size}" height="${size}">`;

describe('PageScanner: finding items', () => {
  it('reports large, visible, fetchable images and backgrounds once each, and nothing else', () => {
    const { page, seen, ids } = scan(`
      ${img('photo')}
      ${img('icon', 24)}
      <img id="hidden" src="/img/hidden.jpg" width="200" height="200" style="display:none">
      <img id="blob" src="blob:https://news.example/1" width="200" height="200">
      <div id="hero" style="background-image: url('/img/hero.jpg')"></div>
      <div id="chip" style="background-image: url('/img/chip.jpg')"></div>`);
    page.layout(page.$('#hero'), 800, 300);
    page.layout(page.$('#chip'), 100, 100);
    page.idle.drain();
    expect(ids().sort()).toEqual(['hero', 'photo']);
    expect(seen.images.find((i) => i.id === 'photo')).toEqual({
      id: 'photo',
      url: 'https://news.example/img/photo.jpg',
      inView: false,
    });
    page.idle.drain();
    expect(ids()).toHaveLength(2);
  });

  it('reports text blocks once the image work is done', () => {
    const { page, seen } = scan(
      `<article><p>${'A paragraph long enough to be worth a fingerprint of its own, about the harbour. '.repeat(3)}</p></article>`,
    );
    page.idle.drain();
    expect(seen.texts).toHaveLength(1);
    expect(seen.texts[0]).toContain('about the harbour');
  });

  it('reports a video by its source, not its poster, when the media hook is given', () => {
    const { page, seen, ids } = scan(
      `<video id="clip" src="/media/clip.mp4" poster="/img/poster.jpg" width="640" height="360"></video>`,
      { media: true },
    );
    page.idle.drain();
    expect(seen.media).toEqual([{ id: 'clip', source: { url: 'https://news.example/media/clip.mp4' } }]);
    expect(ids()).toEqual([]);
  });

  it('caps the background candidates of one pass, and still finds one the page restyles later', async () => {
    const filler = '<div></div>'.repeat(4000);
    const { page, ids } = scan(
      `${filler}<div id="late" style="background-image: url('/img/late.jpg')"></div>`,
    );
    page.layout(page.$('#late'), 600, 400);
    page.idle.drain();
    expect(ids()).toEqual([]);
    page.$('#late').setAttribute('class', 'card');
    await mutationsDelivered();
    page.idle.drain();
    expect(ids()).toEqual(['late']);
  });
});

describe('PageScanner: viewport first, idle slices', () => {
  it('reports an element the moment it enters the view, ahead of the idle pass', () => {
    const { page, seen } = scan(`${img('a')}${img('b')}${img('c')}`);
    page.viewport.set(page.$('#c'), true);
    expect(seen.images).toEqual([{ id: 'c', url: 'https://news.example/img/c.jpg', inView: true }]);
    page.idle.drain();
    expect(seen.images.map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(page.viewport.watches(page.$('#a'))).toBe(true);
  });

  it('tells when a reported element comes into view and when it leaves, once per change', () => {
    const { page, scanner, seen } = scan(`${img('a')}${img('b')}`);
    page.idle.drain();
    page.viewport.set(page.$('#a'), true);
    expect(seen.visible).toEqual(['a in']);
    expect(scanner.isInView(page.$('#a'))).toBe(true);
    page.viewport.set(page.$('#a'), true); // no change: nothing said
    page.viewport.set(page.$('#a'), false);
    page.viewport.set(page.$('#a'), false);
    expect(scanner.isInView(page.$('#a'))).toBe(false);
    // An element never in view leaving it (the observer's first report) is no change either.
    page.viewport.set(page.$('#b'), false);
    expect(seen.visible).toEqual(['a in', 'a out']);
  });

  it('does only as much as the idle period allows, and asks for another period while work remains', () => {
    const { page, ids } = scan(Array.from({ length: 10 }, (_, i) => img(`p${i}`)).join(''));
    page.idle.slice(3);
    expect(ids()).toEqual(['p0', 'p1', 'p2']);
    expect(page.idle.pending).toBe(1);
    page.idle.slice(4);
    expect(ids()).toHaveLength(7);
    page.idle.drain();
    expect(ids()).toHaveLength(10);
    expect(page.idle.pending).toBe(0);
  });

  it('puts an image that loads in view ahead of the queued ones', () => {
    const { page, ids } = scan(Array.from({ length: 6 }, (_, i) => img(`p${i}`)).join(''));
    // p0 is looked at first while still 0 × 0 (not loaded), and is in view.
    page.layout(page.$('#p0'), 0, 0);
    page.viewport.set(page.$('#p0'), true, { width: 0, height: 0 });
    page.idle.slice(1);
    expect(ids()).toEqual([]);
    // It loads with its real size: looked at again before p2…p5, which were found earlier.
    page.layout(page.$('#p0'), 200, 200);
    page.$('#p0').dispatchEvent(new page.win.Event('load'));
    page.idle.slice(2);
    expect(ids()).toEqual(['p0', 'p1']);
    expect(page.idle.pending).toBe(1);
  });
});

describe('PageScanner: an image in view that loads', () => {
  // The image is found while still 0 x 0 (not loaded) and in view: nothing to report yet.
  function loadingInView(id = 'p0') {
    const found = scan(img(id));
    const el = found.page.$(`#${id}`);
    found.page.layout(el, 0, 0);
    found.page.viewport.set(el, true, { width: 0, height: 0 });
    found.page.idle.drain();
    expect(found.ids()).toEqual([]);
    return { ...found, el };
  }

  it('is looked at after the next layout, without waiting for an idle period', () => {
    const { page, el, seen } = loadingInView();
    page.layout(el, 200, 200);
    el.dispatchEvent(new page.win.Event('load'));
    expect(page.resize.watches(el)).toBe(true);
    page.resize.report(el, { width: 200, height: 200 });
    expect(seen.images).toEqual([{ id: 'p0', url: 'https://news.example/img/p0.jpg', inView: true }]);
    // Once: the observer lets go of it, and the idle look that follows finds nothing new.
    expect(page.resize.watches(el)).toBe(false);
    page.idle.drain();
    expect(seen.images).toHaveLength(1);
  });

  it('is not reported when the layout gives it an icon-sized box', () => {
    const { page, el, ids } = loadingInView();
    page.layout(el, 200, 200);
    el.dispatchEvent(new page.win.Event('load'));
    page.resize.report(el, { width: 20, height: 20 });
    expect(ids()).toEqual([]);
    expect(page.resize.watches(el)).toBe(false);
  });

  it('out of view, waits for idle time as before', () => {
    const { page, el, ids } = loadingInView();
    page.viewport.set(el, false);
    page.layout(el, 200, 200);
    el.dispatchEvent(new page.win.Event('load'));
    expect(page.resize.watches(el)).toBe(false);
    page.idle.drain();
    expect(ids()).toEqual(['p0']);
  });

  it('is still found in idle time where the browser has no ResizeObserver', () => {
    page = createTestPage(img('p0'));
    (page.win as { ResizeObserver?: unknown }).ResizeObserver = undefined;
    const seen: string[] = [];
    new PageScanner(
      page.win,
      { image: (el) => seen.push(el.id), text: () => {}, removed: () => {} },
      { maxStartDelayMs: 0 },
    ).start();
    const el = page.$('#p0');
    page.layout(el, 0, 0);
    page.viewport.set(el, true, { width: 0, height: 0 });
    page.idle.drain();
    page.layout(el, 200, 200);
    el.dispatchEvent(new page.win.Event('load'));
    expect(seen).toEqual([]);
    page.idle.drain();
    expect(seen).toEqual(['p0']);
  });

  it('is let go when the scanner stops', () => {
    const { page, el, scanner } = loadingInView();
    el.dispatchEvent(new page.win.Event('load'));
    expect(page.resize.watches(el)).toBe(true);
    scanner.stop();
    expect(page.resize.watches(el)).toBe(false);
  });
});

describe('PageScanner: following the page', () => {
  it('finds images the page adds, and reports elements that leave', async () => {
    const { page, seen, ids } = scan(img('a'));
    page.idle.drain();
    page.doc.body.insertAdjacentHTML('beforeend', `<section>${img('b')}</section>`);
    await mutationsDelivered();
    page.idle.drain();
    expect(ids()).toEqual(['a', 'b']);
    page.$('#a').remove();
    page.$('section').remove();
    await mutationsDelivered();
    expect(seen.removed.sort()).toEqual(['a', 'b']);
    expect(page.viewport.watches(page.$('body'))).toBe(false);
  });

  it('reports an image put back after removal again (a re-render)', async () => {
    const { page, ids } = scan(`<div id="box">${img('a')}</div>`);
    page.idle.drain();
    const el = page.$('#a');
    el.remove();
    await mutationsDelivered();
    page.$('#box').append(el);
    await mutationsDelivered();
    page.idle.drain();
    expect(ids()).toEqual(['a', 'a']);
  });

  it('re-scans on attribute changes: a new src is reported, the same one is not', async () => {
    const { page, seen } = scan(img('a'));
    page.idle.drain();
    page.$('#a').setAttribute('src', '/img/a-2x.jpg');
    await mutationsDelivered();
    page.idle.drain();
    page.$('#a').setAttribute('src', '/img/a-2x.jpg');
    page.$('#a').setAttribute('alt', 'ignored');
    await mutationsDelivered();
    page.idle.drain();
    expect(seen.images.map((i) => i.url)).toEqual([
      'https://news.example/img/a.jpg',
      'https://news.example/img/a-2x.jpg',
    ]);
  });

  it('finds a background that a style change adds to an existing element', async () => {
    const { page, ids } = scan('<div id="card"></div>');
    page.layout(page.$('#card'), 400, 300);
    page.idle.drain();
    expect(ids()).toEqual([]);
    page.$('#card').setAttribute('style', "background-image: url('/img/card.jpg')");
    await mutationsDelivered();
    page.idle.drain();
    expect(ids()).toEqual(['card']);
  });

  it('stops for good: no observers, no idle work, nothing reported after stop()', async () => {
    const { page, scanner, seen } = scan(`${img('a')}${img('b')}`);
    page.idle.slice(1);
    scanner.stop();
    expect(page.viewport.observers.size).toBe(0);
    page.idle.drain();
    page.doc.body.insertAdjacentHTML('beforeend', img('c'));
    await mutationsDelivered();
    page.idle.drain();
    expect(seen.images.map((i) => i.id)).toEqual(['a']);
  });
});

describe('PageScanner: start', () => {
  it('waits for the load event of a page still loading, then scans', () => {
    page = createTestPage(img('a'));
    const seen: string[] = [];
    const scanner = new PageScanner(
      page.win,
      { image: (el) => seen.push(el.id), text: () => {}, removed: () => {} },
      { maxStartDelayMs: 60_000 },
    );
    scanner.start();
    page.idle.drain();
    expect(page.doc.readyState).not.toBe('complete');
    expect(seen).toEqual([]);
    page.win.dispatchEvent(new page.win.Event('load'));
    page.idle.drain();
    expect(seen).toEqual(['a']);
  });

  // The content script runs at document_start: the document is still being parsed when it starts.
  function loadingPage(maxStartDelayMs: number) {
    page = createTestPage(img('a'));
    const doc = page.doc;
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
    const seen: string[] = [];
    const scanner = new PageScanner(
      page.win,
      {
        image: (el) => seen.push(el.id),
        text: (_el, text) => seen.push(text.slice(0, 4)),
        removed: () => {},
      },
      { maxStartDelayMs },
    );
    const parsed = () => {
      state = 'interactive';
      doc.dispatchEvent(new (page as TestPage).win.Event('DOMContentLoaded'));
    };
    return { page, scanner, seen, parsed };
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('on a document still being parsed, waits for the DOM, then for the load event', () => {
    const { page, scanner, seen, parsed } = loadingPage(60_000);
    scanner.start();
    page.idle.drain();
    expect(seen).toEqual([]);
    parsed();
    page.idle.drain();
    expect(seen).toEqual([]);
    page.win.dispatchEvent(new page.win.Event('load'));
    page.idle.drain();
    expect(seen).toEqual(['a']);
  });

  it('counts the bound on the wait for load from the complete DOM, not from the script start', async () => {
    const { page, scanner, seen, parsed } = loadingPage(30);
    scanner.start();
    await sleep(80);
    page.idle.drain();
    // A bound counted from the start would have fired on a DOM not yet parsed.
    expect(seen).toEqual([]);
    parsed();
    await sleep(80);
    page.idle.drain();
    expect(seen).toEqual(['a']);
  });

  it('stopped before the DOM is complete, never starts', () => {
    const { page, scanner, seen, parsed } = loadingPage(60_000);
    scanner.start();
    scanner.stop();
    parsed();
    page.win.dispatchEvent(new page.win.Event('load'));
    page.idle.drain();
    expect(seen).toEqual([]);
    expect(page.viewport.observers.size).toBe(0);
  });
});
