import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { imageSourceOf, isCheckableUrl } from './image-source.ts';

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
