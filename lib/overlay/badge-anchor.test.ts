// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorTarget, createAnchor, isBadgeAnchor } from './badge-anchor.ts';

describe('badge anchors', () => {
  it('go after the link, button or <picture> around an image, else after the element itself', () => {
    document.body.innerHTML = `
      <a id="l" href="#"><span><img id="in-link"></span></a>
      <button id="b"><img id="in-button"></button>
      <picture id="p"><source srcset="x.avif"><img id="in-picture"></picture>
      <a id="no-href"><img id="bare"></a>`;
    const at = (id: string) => anchorTarget(document.getElementById(id) as Element).id;
    expect(at('in-link')).toBe('l');
    expect(at('in-button')).toBe('b');
    expect(at('in-picture')).toBe('p');
    expect(at('bare')).toBe('bare');
  });

  it('are focusable, hidden from assistive technology, styled inline with !important, and known as ours', () => {
    let focused = 0;
    const anchor = createAnchor(document, () => focused++);
    document.body.append(anchor);
    expect(anchor.tabIndex).toBe(0);
    expect(anchor.getAttribute('aria-hidden')).toBe('true');
    expect(anchor.getAttribute('style')).toContain('position: absolute !important');
    expect(anchor.textContent).toBe('');
    anchor.focus();
    expect(focused).toBe(1);
    expect(isBadgeAnchor(anchor)).toBe(true);
    expect(isBadgeAnchor(document.body)).toBe(false);
  });
});
