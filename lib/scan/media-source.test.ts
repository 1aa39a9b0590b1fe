import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { mediaKindOfElement, mediaSourceOf } from './media-source.ts';

function el(html: string, props: Record<string, unknown> = {}): Element {
  const { document } = parseHTML(
    `<html><head><base href="https://site.example/page/"></head><body>${html}</body></html>`,
  );
  const found = document.querySelector('video, audio, img') as Element;
  Object.assign(found, props);
  return found;
}

describe('mediaSourceOf', () => {
  it('prefers what the browser picked (currentSrc), then src, then the first <source>', () => {
    expect(
      mediaSourceOf(el('<video src="a.mp4"></video>', { currentSrc: 'https://cdn.example/b.mp4' })),
    ).toEqual({
      url: 'https://cdn.example/b.mp4',
    });
    expect(mediaSourceOf(el('<video src="/v/a.mp4"></video>', { currentSrc: '' }))).toEqual({
      url: 'https://site.example/v/a.mp4',
    });
    expect(
      mediaSourceOf(
        el('<audio><source src="x.m4a" type="audio/mp4"><source src="y.mp3"></audio>', { currentSrc: '' }),
      ),
    ).toEqual({ url: 'https://site.example/page/x.m4a' });
  });

  it('calls blob:, MediaSource and MediaStream playback streamed', () => {
    expect(mediaSourceOf(el('<video></video>', { currentSrc: 'blob:https://site.example/1-2-3' }))).toEqual({
      streamed: true,
    });
    expect(mediaSourceOf(el('<video></video>', { currentSrc: '', srcObject: {} }))).toEqual({
      streamed: true,
    });
  });

  it('returns null when nothing is chosen, for other schemes and for other elements', () => {
    expect(mediaSourceOf(el('<video></video>', { currentSrc: '' }))).toBeNull();
    expect(mediaSourceOf(el('<video></video>', { currentSrc: 'file:///x.mp4' }))).toBeNull();
    expect(mediaSourceOf(el('<img src="a.jpg">'))).toBeNull();
  });

  it('tells video from audio', () => {
    expect(mediaKindOfElement(el('<video></video>'))).toBe('video');
    expect(mediaKindOfElement(el('<audio></audio>'))).toBe('audio');
    expect(mediaKindOfElement(el('<img src="a.jpg">'))).toBeUndefined();
  });
});
