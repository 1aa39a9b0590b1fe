// @vitest-environment happy-dom
/*
 * Which image check the page sends next, with the IntersectionObserver played by hand (happy-dom has no
 * layout): images on screen now go before images that were on screen when found but have scrolled away.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import type { CheckResult } from '../messages/protocol.ts';
import { PageController } from './page-controller.ts';

const translate = await localeTranslate('en');

type Entry = { target: Element; isIntersecting: boolean };

class HandObserver {
  static last: HandObserver | undefined;
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    HandObserver.last = this;
  }
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  report(entries: Entry[]): void {
    const box = { width: 200, height: 200 } as DOMRectReadOnly;
    this.callback(
      entries.map((e) => ({ ...e, boundingClientRect: box }) as unknown as IntersectionObserverEntry),
    );
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

let controller: PageController | undefined;
afterEach(() => controller?.stop());

describe('PageController: image checks in view go first', () => {
  it('sends an image on screen now before one that scrolled away while its check waited', async () => {
    const win = window as unknown as Window & typeof globalThis;
    (win as unknown as { IntersectionObserver: unknown }).IntersectionObserver = HandObserver;
    document.body.innerHTML = Array.from(
      { length: 20 },
      (_, i) => `<img src="http://127.0.0.1/i${i}.jpg">`,
    ).join('');
    const imgs = [...document.querySelectorAll('img')];
    const sent: string[] = [];
    const answers: Array<(r: CheckResult) => void> = [];
    const send = ((request: { type: string; url?: string }) => {
      if (request.type !== 'check-image') return Promise.resolve(null);
      sent.push(request.url ?? '');
      return new Promise<CheckResult>((resolve) => answers.push(resolve));
    }) as unknown as ConstructorParameters<typeof PageController>[0]['send'];
    controller = new PageController({
      win,
      send,
      translate,
      locale: () => 'en',
      overlay: false,
      showNoProvenance: false,
      maxStartDelayMs: 0,
    });
    controller.start();
    const io = HandObserver.last as HandObserver;

    // 18 images in view: 16 checks go out at once (the in-flight limit), 16 and 17 wait.
    io.report(imgs.slice(0, 18).map((target) => ({ target, isIntersecting: true })));
    expect(sent).toHaveLength(16);
    // The page scrolls: 16 and 17 leave the view before their turn, 18 and 19 come in.
    io.report([
      ...imgs.slice(16, 18).map((target) => ({ target, isIntersecting: false })),
      ...imgs.slice(18, 20).map((target) => ({ target, isIntersecting: true })),
    ]);
    answers[0]?.({ kind: 'image', verdict: 'no-provenance', reason: 'none' } as CheckResult);
    answers[1]?.({ kind: 'image', verdict: 'no-provenance', reason: 'none' } as CheckResult);
    await tick();
    expect(sent.slice(16)).toEqual(['http://127.0.0.1/i18.jpg', 'http://127.0.0.1/i19.jpg']);
    // The scrolled-away ones are not dropped: they follow with the refill, once half the checks have answered.
    for (let i = 2; i < 10; i++)
      answers[i]?.({ kind: 'image', verdict: 'no-provenance', reason: 'none' } as CheckResult);
    await tick();
    expect(sent.slice(18)).toEqual(['http://127.0.0.1/i16.jpg', 'http://127.0.0.1/i17.jpg']);
  });
});
