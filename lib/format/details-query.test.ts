import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import { parseDetailsQuery } from './details-query.ts';

const KEY = '49a6b089bf3fe610960ef91b2beb81c86b62e7d531c97f33fc029841d864b2cb';

const en = await localeTranslate('en');

describe('parseDetailsQuery', () => {
  it('reads a key, normalising case and 0x', () => {
    expect(parseDetailsQuery(`?key=${KEY}`)).toEqual({ kind: 'key', key: KEY });
    expect(parseDetailsQuery(`?key=0x${KEY.toUpperCase()}`)).toEqual({ kind: 'key', key: KEY });
  });

  it('reads an encoded URL', () => {
    const url = 'https://example.com/a b.jpg?x=1&y=2';
    expect(parseDetailsQuery(`?url=${encodeURIComponent(url)}`)).toEqual({ kind: 'url', url });
  });

  it('carries the media kind of "Verify origin" on a video or audio element', () => {
    const url = 'https://example.com/clip.mp4';
    expect(parseDetailsQuery(`?url=${encodeURIComponent(url)}&media=video`)).toEqual({
      kind: 'url',
      url,
      media: 'video',
    });
    expect(parseDetailsQuery(`?url=${encodeURIComponent(url)}&media=other`)).toEqual({ kind: 'url', url });
  });

  it('names streamed media as not checkable rather than rejecting it without a word', () => {
    const q = parseDetailsQuery(`?url=${encodeURIComponent('blob:https://example.com/1234')}&media=video`);
    expect(q.kind === 'invalid' && en(q.reason)).toMatch(/^Not checkable \(streamed\)/);
  });

  it('rejects bad keys, other schemes and nothing at all', () => {
    expect(parseDetailsQuery('?key=abc').kind).toBe('invalid');
    expect(parseDetailsQuery(`?url=${encodeURIComponent('javascript:alert(1)')}`).kind).toBe('invalid');
    expect(parseDetailsQuery('').kind).toBe('invalid');
  });
});
