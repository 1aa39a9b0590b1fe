// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import { ANCHOR_TAG } from './badge-anchor.ts';
import { BadgeLayer, OVERLAY_TAG } from './badge-layer.ts';

const translate = await localeTranslate('en');

/**
 * The badge layer in a DOM in Node (happy-dom), for what the end-to-end tests reach only slowly: placement,
 * virtualisation, keyboard order, tooltip dismissal, removal and restoration. happy-dom has no layout, so
 * the tests give elements their boxes and say which are in view (the page scanner's part: see `report`).
 */
let roots: ShadowRoot[];
/** Elements in view, as the page scanner's observer would say (the layer asks `isInView`). */
let inView: Set<Element>;
let layer: BadgeLayer;
let activated: string[];
const realAttachShadow = HTMLElement.prototype.attachShadow;

beforeEach(() => {
  inView = new Set();
  roots = [];
  // The overlay's shadow root is closed: keep a handle on it, as only a test may.
  HTMLElement.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = realAttachShadow.call(this, init);
    roots.push(root);
    return root;
  };
  document.body.innerHTML = `
    <a id="before" href="#b">Before</a>
    <a id="link" href="#l"><img id="photo" alt="  A harbour
      at dawn " src="https://cdn.example/harbour.jpg"></a>
    <a id="after" href="#a">After</a>
    <img id="bare" alt="" src="https://cdn.example/photos/far%20away.jpg">`;
  box('photo', 100, 50, 320, 200);
  box('bare', 100, 3000, 320, 200);
  activated = [];
  layer = new BadgeLayer(
    window as unknown as Window & typeof globalThis,
    {
      showBadges: true,
      showNoProvenance: false,
      onActivate: (id) => activated.push(id),
      isInView: (el) => inView.has(el),
      // At once, here: the delay of "checking" badges has its own tests.
      pendingDelayMs: 0,
    },
    translate,
  );
  layer.mount();
});

afterEach(() => {
  layer.destroy();
  HTMLElement.prototype.attachShadow = realAttachShadow;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function box(id: string, x: number, y: number, width: number, height: number) {
  const el = byId(id);
  el.getBoundingClientRect = () => new DOMRect(x, y, width, height);
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const overlayRoot = () => {
  const root = roots.find((r) => r.host.tagName.toLowerCase() === OVERLAY_TAG);
  if (!root) throw new Error('no overlay root');
  return root;
};
/** The badges drawn: none before the first, which brings the overlay's host (see mount()). */
const badges = () => {
  const root = roots.find((r) => r.host.tagName.toLowerCase() === OVERLAY_TAG);
  return root ? [...root.querySelectorAll<HTMLElement>('.b')] : [];
};
const badgeFor = (text: string) => {
  const badge = badges().find((b) => b.getAttribute('aria-label')?.includes(text));
  if (!badge) throw new Error(`no badge for ${text}`);
  return badge;
};
/** The page scanner says an element (whose item id is its element id here) entered or left the view. */
const report = (el: Element, visible: boolean) => {
  if (visible) inView.add(el);
  else inView.delete(el);
  layer.setInView(el.id, visible);
};

/** The user presses Tab somewhere on the page: keyboard anchors come on (see BadgeLayer.wantsAnchor). */
const pressTab = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));

async function twoItems(keyboard = true) {
  if (keyboard) pressTab();
  layer.set('photo', byId('photo'), 'tampered', 'The file was changed after it was signed.');
  layer.set('bare', byId('bare'), 'ai-generated', 'Made with generative AI.');
  report(byId('photo'), true);
  await frame();
}

describe('BadgeLayer', () => {
  it('draws a badge on its image, named after the image', async () => {
    await twoItems();
    const badge = badgeFor('A harbour at dawn');
    expect(badge.hidden).toBe(false);
    expect(badge.style.transform).toBe('translate(106px, 56px)');
    expect(badge.getAttribute('role')).toBe('button');
    expect(badge.getAttribute('aria-label')).toBe(
      'Origin Lens: Tampered, A harbour at dawn. The file was changed after it was signed.',
    );
  });

  it('puts nothing in the page until a badge shows: no host, no scroll or resize listener', async () => {
    const listens = vi.spyOn(window, 'addEventListener');
    const listened = () => listens.mock.calls.map(([type]) => type).filter((t) => t !== 'keydown');
    // Mounted (beforeEach), with results whose badges are not drawn: hidden, or out of view.
    layer.set('photo', byId('photo'), 'no-provenance', 'No record.');
    layer.set('bare', byId('bare'), 'verified', 'Signed by a known publisher.');
    report(byId('photo'), true);
    await frame();
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
    expect(listened()).toEqual([]);
    // The first badge to show brings the host and what follows it.
    layer.set('photo', byId('photo'), 'verified', 'Signed by a known publisher.');
    await frame();
    expect(document.querySelector(OVERLAY_TAG)).not.toBeNull();
    expect(listened()).toEqual(expect.arrayContaining(['scroll', 'resize']));
    expect(badgeFor('A harbour at dawn').hidden).toBe(false);
  });

  it('draws only badges in view, and moves them when their image comes into view', async () => {
    await twoItems();
    // Off-screen: not even drawn (a 200-image page draws the few in view, not all 200).
    expect(badges()).toHaveLength(1);
    expect(() => badgeFor('far away.jpg')).toThrow('no badge');
    report(byId('bare'), true);
    await frame();
    const far = badgeFor('far away.jpg');
    expect(far.hidden).toBe(false);
    expect(far.style.transform).toBe('translate(106px, 3006px)');
    report(byId('bare'), false);
    await frame();
    expect(far.hidden).toBe(true);
  });

  it('draws the badge of an image already in view when its item is set', async () => {
    inView.add(byId('photo'));
    layer.set('photo', byId('photo'), 'tampered', 'The file was changed after it was signed.');
    await frame();
    expect(badgeFor('A harbour at dawn').style.transform).toBe('translate(106px, 56px)');
  });

  it("places badges in the layer's coordinates: a scroll of the page, which moves the image and the layer alike, writes nothing", async () => {
    await twoItems();
    const host = overlayRoot().host as HTMLElement;
    const badge = badgeFor('A harbour at dawn');
    const writes: string[] = [];
    new MutationObserver((records) => {
      for (const r of records) writes.push(String(r.attributeName));
    }).observe(badge, { attributes: true });
    // The page scrolls 500 px: the image's box and the layer's origin (the document's) both move up.
    host.getBoundingClientRect = () => new DOMRect(0, -500, 0, 0);
    box('photo', 100, -450, 320, 200);
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(badge.style.transform).toBe('translate(106px, 56px)');
    await Promise.resolve();
    expect(writes).toEqual([]);
    // An element that scrolls inside the page (not with the document) does move its badge.
    box('photo', 100, -350, 320, 200);
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(badge.style.transform).toBe('translate(106px, 156px)');
  });

  it('puts each badge in the tab order right after its image (after the link around it), in view or not', async () => {
    await twoItems();
    const anchors = [...document.querySelectorAll(ANCHOR_TAG)];
    expect(anchors).toHaveLength(2);
    expect(byId('link').nextElementSibling).toBe(anchors[0]);
    expect(byId('bare').nextElementSibling).toBe(anchors[1]);
    // Reached through the anchors, so not a second time at the end of the page.
    for (const b of badges()) expect(b.tabIndex).toBe(-1);
  });

  it('hands focus from the anchor to the badge and back, drawing an off-screen badge at its image', async () => {
    await twoItems();
    const anchor = byId('bare').nextElementSibling as HTMLElement;
    anchor.focus();
    const far = badgeFor('far away.jpg');
    expect(overlayRoot().activeElement).toBe(far);
    expect(far.hidden).toBe(false);
    expect(far.style.transform).toBe('translate(106px, 3006px)');
    far.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(document.activeElement).toBe(anchor);
    expect(overlayRoot().activeElement).toBeNull();
  });

  it('keeps a focused badge while its image leaves the view', async () => {
    await twoItems();
    const badge = badgeFor('A harbour at dawn');
    (byId('link').nextElementSibling as HTMLElement).focus();
    expect(overlayRoot().activeElement).toBe(badge);
    report(byId('photo'), false);
    box('photo', 100, -900, 320, 200);
    await frame();
    expect(badge.hidden).toBe(false);
    expect(overlayRoot().activeElement).toBe(badge);
    expect(badge.style.transform).toBe('translate(106px, -894px)');
  });

  it('Enter and Space activate the badge', async () => {
    await twoItems();
    const badge = badgeFor('A harbour at dawn');
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(activated).toEqual(['photo', 'photo']);
  });

  it('Esc dismisses the tooltip of the focused badge until focus leaves', async () => {
    await twoItems();
    const badge = badgeFor('A harbour at dawn');
    (byId('link').nextElementSibling as HTMLElement).focus();
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(badge.hasAttribute('data-dismissed')).toBe(true);
    badge.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(badge.hasAttribute('data-dismissed')).toBe(false);
  });

  it('Esc dismisses the tooltip of the hovered badge until the pointer leaves', async () => {
    await twoItems();
    const badge = badgeFor('A harbour at dawn');
    badge.dispatchEvent(new MouseEvent('mouseenter'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(badge.hasAttribute('data-dismissed')).toBe(true);
    badge.dispatchEvent(new MouseEvent('mouseleave'));
    expect(badge.hasAttribute('data-dismissed')).toBe(false);
    // Not hovered any more: Esc leaves the next hover's tooltip alone.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(badge.hasAttribute('data-dismissed')).toBe(false);
  });

  it('builds a tooltip on the first hover or focus, with the current words; one set of listeners serves all', async () => {
    const listens = vi.spyOn(HTMLElement.prototype, 'addEventListener');
    await twoItems();
    const badge = badgeFor('A harbour at dawn');
    const tip = () => badge.querySelector('.tip')?.textContent;
    expect(tip()).toBeUndefined();
    badge.dispatchEvent(new MouseEvent('mouseenter'));
    expect(tip()).toBe('TamperedThe file was changed after it was signed.');
    // Redrawn while hovered: the tooltip follows the new result.
    layer.set('photo', byId('photo'), 'verified', 'Signed by a known publisher.');
    await frame();
    expect(tip()).toBe('Verified originSigned by a known publisher.');
    badge.dispatchEvent(new MouseEvent('mouseleave'));
    layer.set('photo', byId('photo'), 'tampered', 'Changed again.');
    await frame();
    expect(tip()).toBeUndefined();
    badge.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(tip()).toBe('TamperedChanged again.');
    // Two badges, one set of listeners: none was added to a badge.
    expect(listens.mock.contexts.filter((el) => (el as HTMLElement).classList?.contains('b'))).toEqual([]);
  });

  it('visits only items in view or changed in a frame: an off-screen image is caught up when it shows', async () => {
    await twoItems();
    const bare = byId('bare');
    expect(bare.nextElementSibling?.tagName.toLowerCase()).toBe(ANCHOR_TAG);
    // The page moves the off-screen image; frames that follow (a scroll) leave it alone...
    document.body.prepend(bare);
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(bare.nextElementSibling?.tagName.toLowerCase()).not.toBe(ANCHOR_TAG);
    // ...until it comes into view.
    report(bare, true);
    await frame();
    expect(bare.nextElementSibling?.tagName.toLowerCase()).toBe(ANCHOR_TAG);
    expect(badgeFor('far away.jpg').hidden).toBe(false);
  });

  it('asks for no frame for a result that draws nothing (a hidden state, or out of view); one when a badge must show or go', async () => {
    await frame();
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    report(byId('photo'), true);
    layer.set('photo', byId('photo'), 'no-provenance', 'No Content Credentials.');
    layer.set('bare', byId('bare'), 'ai-generated', 'Made with generative AI.');
    expect(frames).not.toHaveBeenCalled();
    // In view and shown: drawn in the next frame.
    layer.set('photo', byId('photo'), 'tampered', 'The file was changed after it was signed.');
    expect(frames).toHaveBeenCalledTimes(1);
    await frame();
    expect(badgeFor('A harbour at dawn').hidden).toBe(false);
    // Hidden again: its badge goes, which takes a frame.
    frames.mockClear();
    layer.set('photo', byId('photo'), 'no-provenance', 'No Content Credentials.');
    expect(frames).toHaveBeenCalledTimes(1);
    await frame();
    expect(badges()).toHaveLength(0);
    // The off-screen image's badge is drawn when it comes into view, not before.
    report(byId('bare'), true);
    await frame();
    expect(badgeFor('far away.jpg').hidden).toBe(false);
  });

  it('puts no anchor in the page until the user presses Tab, then one for every shown badge at once', async () => {
    await twoItems(false);
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(0);
    expect(badgeFor('A harbour at dawn').tabIndex).toBe(-1); // nothing focusable added to the page yet
    pressTab();
    // In the keydown itself, before the browser moves focus: this Tab can land on an anchor.
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(2);
    expect(byId('link').nextElementSibling?.tagName.toLowerCase()).toBe(ANCHOR_TAG);
  });

  it('gives a badge its anchor with its verdict, not while pending', async () => {
    pressTab();
    layer.set('photo', byId('photo'), 'pending', 'Checking this image');
    report(byId('photo'), true);
    await frame();
    expect(badgeFor('A harbour at dawn').hidden).toBe(false);
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(0);
    layer.set('photo', byId('photo'), 'tampered', 'The file was changed after it was signed.');
    await frame();
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(1);
    expect(byId('link').nextElementSibling?.tagName.toLowerCase()).toBe(ANCHOR_TAG);
  });

  describe('"checking" badges', () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const pendingBadges = () => badges().filter((b) => b.dataset.state === 'pending' && !b.hidden);

    it('shows one only once the check has taken longer than the delay', async () => {
      layer.setOptions({ pendingDelayMs: 60 });
      report(byId('photo'), true);
      layer.set('photo', byId('photo'), 'pending', 'Checking this image');
      await frame();
      expect(pendingBadges()).toHaveLength(0);
      // Said again while still pending (the page re-renders): the wait does not start over.
      await sleep(30);
      layer.set('photo', byId('photo'), 'pending', 'Checking this image');
      await sleep(50);
      await frame();
      expect(pendingBadges()).toHaveLength(1);
    });

    it('never shows one for a check that answers within the delay', async () => {
      // Long enough that three frames fit in it on a loaded machine (60 ms failed once while benches ran).
      layer.setOptions({ pendingDelayMs: 400 });
      report(byId('photo'), true);
      layer.set('photo', byId('photo'), 'pending', 'Checking this image');
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        await frame();
        seen.push(...pendingBadges().map((b) => b.dataset.state ?? ''));
      }
      layer.set('photo', byId('photo'), 'tampered', 'The file was changed after it was signed.');
      await sleep(420);
      await frame();
      expect(seen).toEqual([]);
      expect(badges().map((b) => b.dataset.state)).toEqual(['tampered']);
    });

    it('asks for a frame when the delay ends only for a checking badge in view; one out of view shows when it comes into view', async () => {
      layer.setOptions({ pendingDelayMs: 40 });
      await frame();
      report(byId('photo'), true);
      layer.set('bare', byId('bare'), 'pending', 'Checking this image');
      const frames = vi.spyOn(window, 'requestAnimationFrame');
      await sleep(60);
      expect(frames).not.toHaveBeenCalled();
      layer.set('photo', byId('photo'), 'pending', 'Checking this image');
      await sleep(60);
      expect(frames).toHaveBeenCalledTimes(1);
      await frame();
      expect(pendingBadges()).toHaveLength(1);
      report(byId('bare'), true);
      await frame();
      expect(pendingBadges()).toHaveLength(2);
    });

    it('still shows one for an item whose element the page replaced while it waited', async () => {
      layer.setOptions({ pendingDelayMs: 40 });
      report(byId('photo'), true);
      layer.set('photo', byId('bare'), 'pending', 'Checking this image');
      layer.set('photo', byId('photo'), 'pending', 'Checking this image');
      await sleep(60);
      await frame();
      expect(pendingBadges()).toHaveLength(1);
    });

    it('shows at once the progress of a check the user started', async () => {
      layer.setOptions({ pendingDelayMs: 10_000 });
      report(byId('photo'), true);
      layer.set('photo', byId('photo'), 'pending', 'Downloading', undefined, { progress: 0.25 });
      await frame();
      expect(pendingBadges()).toHaveLength(1);
    });
  });

  it('removes the badge and its anchor with the item', async () => {
    await twoItems();
    report(byId('bare'), true);
    await frame();
    expect(badges()).toHaveLength(2);
    layer.remove('photo');
    await frame();
    expect(badges()).toHaveLength(1);
    expect(byId('link').nextElementSibling?.id).toBe('after');
  });

  it('with badges turned off: no badge shown and no anchor in the tab order; back when turned on', async () => {
    await twoItems();
    layer.setOptions({ showBadges: false });
    await frame();
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(0);
    expect(badges()).toHaveLength(0);
    layer.setOptions({ showBadges: true });
    await frame();
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(2);
    expect(badgeFor('A harbour at dawn').hidden).toBe(false);
  });

  it('hides "no provenance" badges unless asked, and gives them no anchor', async () => {
    pressTab();
    layer.set('photo', byId('photo'), 'no-provenance', 'No Content Credentials.');
    report(byId('photo'), true);
    await frame();
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(0);
    layer.setOptions({ showNoProvenance: true });
    await frame();
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(1);
    expect(badgeFor('A harbour at dawn').hidden).toBe(false);
  });

  it('puts an anchor the page removed back in the next frame; drops it with its image', async () => {
    await twoItems();
    (byId('link').nextElementSibling as HTMLElement).remove();
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(byId('link').nextElementSibling?.tagName.toLowerCase()).toBe(ANCHOR_TAG);
    byId('link').remove();
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(document.querySelectorAll(ANCHOR_TAG)).toHaveLength(1);
  });

  it('puts the overlay host back when the page removes it', async () => {
    await twoItems();
    const host = document.querySelector(OVERLAY_TAG);
    host?.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.documentElement.querySelector(OVERLAY_TAG)).toBe(host);
  });

  it('highlight: no smooth scroll and no pulse when motion is reduced; the ring goes after a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('reduce') }));
      const photo = byId('photo');
      const scroll = vi.fn();
      photo.scrollIntoView = scroll;
      expect(layer.highlight(photo)).toBe(true);
      expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
      expect(overlayRoot().querySelectorAll('.hl')).toHaveLength(1);
      vi.advanceTimersByTime(2500);
      expect(overlayRoot().querySelectorAll('.hl')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
