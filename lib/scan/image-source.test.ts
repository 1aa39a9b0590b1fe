import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { imageSourceOf, isCheckableUrl, isVisibleEnough } from './image-source.ts';

/** linkedom has no layout or cascade: read the inline style, which is all these tests set. */
function domWith(html: string) {
  const { window, document } = parseHTML(`<html><body>${html}</body></html>`);
  const win = window as unknown as Window;
  (win as { getComputedStyle: unknown }).getComputedStyle = (el: HTMLElement) => ({
    backgroundImage: el.style?.backgroundImage || 'none',
  });
  return { win, document };
}

describe('imageSourceOf', () => {
  it('reads img src, video posters and CSS backgrounds', () => {
    const { win, document } = domWith(`
      <img id="i" src="https://cdn.example/a.jpg">
      <video id="v" poster="https://cdn.example/p.jpg"></video>
      <div id="d" style="background-image: url('https://cdn.example/bg.webp')"></div>
      <div id="n"></div>`);
    const $ = (id: string) => document.getElementById(id) as Element;
    expect(imageSourceOf($('i'), win)).toBe('https://cdn.example/a.jpg');
    expect(imageSourceOf($('v'), win)).toBe('https://cdn.example/p.jpg');
    expect(imageSourceOf($('d'), win)).toBe('https://cdn.example/bg.webp');
    expect(imageSourceOf($('n'), win)).toBeNull();
  });

  it('skips what cannot be fetched from the background', () => {
    expect(isCheckableUrl('blob:https://a.example/1')).toBe(false);
    expect(isCheckableUrl('javascript:alert(1)')).toBe(false);
    expect(isCheckableUrl('data:text/html,<b>')).toBe(false);
    expect(isCheckableUrl('data:image/png;base64,AA')).toBe(true);
    expect(isCheckableUrl('HTTPS://a.example/x.png')).toBe(true);
  });
});

describe('isVisibleEnough', () => {
  const win = {
    getComputedStyle: () => ({ display: 'block', visibility: 'visible', opacity: '1' }),
  } as unknown as Window;
  const element = (layout: () => DOMRect) => ({ getBoundingClientRect: layout }) as unknown as Element;

  it('uses the box it is given instead of reading layout (an observer entry already has it)', () => {
    let reads = 0;
    const el = element(() => {
      reads++;
      return { width: 10, height: 10 } as DOMRect;
    });
    expect(isVisibleEnough(el, win, 48, { width: 300, height: 200 })).toBe(true);
    expect(reads).toBe(0);
  });

  it('reads the box itself when none is given, and skips small images', () => {
    const el = element(() => ({ width: 32, height: 32 }) as DOMRect);
    expect(isVisibleEnough(el, win, 48)).toBe(false);
  });
});
