// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mediaLabel } from './media-label.ts';

const make = (html: string) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box.firstElementChild as Element;
};

describe('mediaLabel', () => {
  it('uses the alt text, trimmed and whitespace collapsed', () => {
    expect(mediaLabel(make('<img alt="  A red\n  barn at dusk " src="/a/b.jpg">'))).toBe(
      'A red barn at dusk',
    );
  });

  it('cuts a long alt text to its first words', () => {
    const alt = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(mediaLabel(make(`<img alt="${alt}" src="/x.jpg">`))).toBe(
      `${Array.from({ length: 12 }, (_, i) => `w${i}`).join(' ')}…`,
    );
  });

  it('falls back to the file name when there is no alt text', () => {
    expect(mediaLabel(make('<img alt="" src="https://cdn.example/photos/harbour%20view.jpg?w=200">'))).toBe(
      'harbour view.jpg',
    );
    expect(mediaLabel(make('<video src="https://cdn.example/clip.mp4"></video>'))).toBe('clip.mp4');
  });

  it('uses the title or aria-label of an element without alt', () => {
    expect(mediaLabel(make('<video title="Launch film" src="/v.mp4"></video>'))).toBe('Launch film');
  });
});
