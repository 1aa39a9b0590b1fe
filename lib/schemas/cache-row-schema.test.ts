import { describe, expect, it } from 'vitest';
import { CACHE_ROW_VERSION, isCurrentCachedItem, isUrlEntry } from './cache-row-schema.ts';

const row = {
  rowVersion: CACHE_ROW_VERSION,
  key: 'ab'.repeat(32),
  kind: 'text',
  urls: [],
  evidence: { fingerprints: { kind: 'text', sha256Collapsed: 'ab'.repeat(32), characters: 90 } },
  parts: { chain: { at: 1, expiresAt: 2, version: 'chains-1' } },
  verdict: 'registered',
  reason: 'Registered by a publisher',
  checkedAt: 1,
  lastAccess: 1,
  text: 'a paragraph',
  size: 300,
};

describe('isCurrentCachedItem', () => {
  it('accepts a row of the current version, and one from before rows carried a version', () => {
    expect(isCurrentCachedItem(row)).toBe(true);
    const { rowVersion: _, ...unversioned } = row;
    expect(isCurrentCachedItem(unversioned)).toBe(CACHE_ROW_VERSION === 1);
  });

  it('rejects another version, a missing part and a stamp of the wrong type', () => {
    expect(isCurrentCachedItem({ ...row, rowVersion: CACHE_ROW_VERSION + 1 })).toBe(false);
    expect(isCurrentCachedItem({ ...row, parts: undefined })).toBe(false);
    expect(isCurrentCachedItem({ ...row, parts: { chain: { at: 1, expiresAt: 'never' } } })).toBe(false);
    expect(isCurrentCachedItem({ ...row, kind: 'video' })).toBe(false);
    expect(isCurrentCachedItem({ ...row, variant: 'maybe' })).toBe(false);
    expect(isCurrentCachedItem(null)).toBe(false);
    expect(isCurrentCachedItem('row')).toBe(false);
  });
});

describe('isUrlEntry', () => {
  it('accepts a whole entry and nothing less', () => {
    const entry = { url: 'https://a.example/x.jpg', key: 'ab'.repeat(32), fetchedAt: 1, expiresAt: 2 };
    expect(isUrlEntry(entry)).toBe(true);
    expect(isUrlEntry({ ...entry, key: undefined })).toBe(false);
    expect(isUrlEntry({ ...entry, expiresAt: 'never' })).toBe(false);
  });
});
