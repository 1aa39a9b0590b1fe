import { describe, expect, it } from 'vitest';
import type { PageItem } from '../messages/protocol.ts';
import {
  countItems,
  firstWords,
  imageName,
  orderedCounts,
  siteOf,
  sortItems,
  splitNoProvenance,
  thumbnailUrl,
} from './page-items.ts';

const item = (id: string, state: PageItem['state']): PageItem => ({ id, kind: 'image', state });

describe('page items', () => {
  const items = [
    item('a', 'no-provenance'),
    item('b', 'verified'),
    item('c', 'tampered'),
    item('d', 'verified'),
  ];

  it('sorts by importance, keeping page order within a state', () => {
    expect(sortItems(items).map((i) => i.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('hides no-provenance items', () => {
    const { shown, hidden } = splitNoProvenance(items);
    expect(shown.map((i) => i.id)).toEqual(['b', 'c', 'd']);
    expect(hidden.map((i) => i.id)).toEqual(['a']);
  });

  it('orders counts and falls back to counting items', () => {
    expect(orderedCounts({ verified: 2, tampered: 1, pending: 0 })).toEqual([
      { state: 'tampered', count: 1 },
      { state: 'verified', count: 2 },
    ]);
    expect(orderedCounts({}, items)).toEqual([
      { state: 'tampered', count: 1 },
      { state: 'verified', count: 2 },
      { state: 'no-provenance', count: 1 },
    ]);
    expect(countItems(items)).toEqual({ 'no-provenance': 1, verified: 2, tampered: 1 });
  });
});

describe('text helpers', () => {
  it('keeps the first words', () => {
    expect(firstWords('  one   two\nthree ', 5)).toBe('one two three');
    expect(firstWords('a b c d e f', 3)).toBe('a b c…');
  });

  it('finds the site of http(s) pages only', () => {
    expect(siteOf('https://news.example.com/a?b')).toBe('news.example.com');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });

  it('only puts http(s) and data:image URLs in thumbnails', () => {
    expect(thumbnailUrl('https://x.example/a.jpg')).toBe('https://x.example/a.jpg');
    expect(thumbnailUrl('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(thumbnailUrl('javascript:alert(1)')).toBeUndefined();
    expect(thumbnailUrl('data:text/html,<b>')).toBeUndefined();
  });
});

describe('imageName', () => {
  it('uses the file name, decoded', () => {
    expect(imageName('https://x.example/photos/harbour%20dusk.jpg?w=800')).toBe('harbour dusk.jpg');
    expect(imageName('https://x.example/')).toBe('x.example');
    expect(imageName('data:image/png;base64,AAAA')).toBe('Embedded image');
    expect(imageName(undefined)).toBe('Image');
  });
});
