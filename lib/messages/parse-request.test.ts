import { describe, expect, it } from 'vitest';
import { parseRequest } from './parse-request.ts';
import { classifySender } from './sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const hash = 'a'.repeat(64);

describe('classifySender', () => {
  it('tells content scripts from extension pages', () => {
    expect(
      classifySender({ id: ID, url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 }, ID, ORIGIN),
    ).toBe('content');
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('page');
    expect(classifySender({ id: ID, url: `${ORIGIN}details.html`, tab: { id: 9 } }, ID, ORIGIN)).toBe('page');
  });

  it('rejects other extensions and senders without a tab or page', () => {
    expect(classifySender({ id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ url: 'https://evil.example/', tab: { id: 1 } }, ID, ORIGIN)).toBeNull();
  });
});

describe('parseRequest', () => {
  it('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'check-image', url: 'https://a.example/x.jpg' }, 'content')).toEqual({
      type: 'check-image',
      url: 'https://a.example/x.jpg',
    });
    expect(parseRequest({ type: 'get-details', key: hash }, 'page')).toEqual({
      type: 'get-details',
      key: hash,
    });
    expect(
      parseRequest({ type: 'page-summary', counts: { verified: 2, pending: 1 } }, 'content'),
    ).not.toBeNull();
  });

  it('accepts video and audio checks from content scripts, copying only known fields', () => {
    expect(
      parseRequest({ type: 'check-media', url: 'https://a.example/v.mp4', confirmed: true, x: 1 }, 'content'),
    ).toEqual({ type: 'check-media', url: 'https://a.example/v.mp4', confirmed: true });
    expect(
      parseRequest({ type: 'check-media', url: 'https://a.example/v.mp4', confirmed: 'yes' }, 'content'),
    ).toEqual({ type: 'check-media', url: 'https://a.example/v.mp4', confirmed: false });
    expect(parseRequest({ type: 'check-media', url: 'blob:https://a.example/1' }, 'content')).toBeNull();
    expect(
      parseRequest({ type: 'verify-url', url: 'https://a.example/a.m4a', media: 'audio' }, 'page'),
    ).toEqual({
      type: 'verify-url',
      url: 'https://a.example/a.m4a',
      media: 'audio',
    });
    expect(
      parseRequest({ type: 'open-details', url: 'https://a.example/v.mp4', media: 'video' }, 'content'),
    ).toEqual({ type: 'open-details', key: undefined, url: 'https://a.example/v.mp4', media: 'video' });
    expect(parseRequest({ type: 'verify-url', url: 'https://a.example/a', media: 'pdf' }, 'page')).toEqual({
      type: 'verify-url',
      url: 'https://a.example/a',
    });
  });

  it('keeps privileged requests away from content scripts', () => {
    expect(parseRequest({ type: 'clear-cache' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'get-details', key: hash }, 'content')).toBeNull();
    expect(parseRequest({ type: 'verify-url', url: 'https://a.example/' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'update-trust-lists' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'get-registrations', key: hash }, 'content')).toBeNull();
    expect(parseRequest({ type: 'get-registrations', key: hash }, 'page')).toEqual({
      type: 'get-registrations',
      key: hash,
    });
    // Only the user, on the details page, may let a remote manifest's host be asked.
    expect(parseRequest({ type: 'fetch-remote-manifest', key: hash }, 'content')).toBeNull();
    expect(parseRequest({ type: 'fetch-remote-manifest', key: 'x' }, 'page')).toBeNull();
    expect(parseRequest({ type: 'fetch-remote-manifest', key: hash, url: 'https://x/' }, 'page')).toEqual({
      type: 'fetch-remote-manifest',
      key: hash,
    });
    // Recovering credentials fetches from hosts a record names: only the user, on the details page, asks.
    expect(parseRequest({ type: 'recover-credentials', key: hash }, 'content')).toBeNull();
    expect(parseRequest({ type: 'recover-credentials', key: 'x' }, 'page')).toBeNull();
    expect(
      parseRequest({ type: 'soft-binding-lookup', key: hash, endpoint: 'https://r.example/v1' }, 'content'),
    ).toBeNull();
    expect(
      parseRequest({ type: 'soft-binding-lookup', key: hash, endpoint: 'file:///x' }, 'page'),
    ).toBeNull();
    expect(
      parseRequest({ type: 'soft-binding-lookup', key: hash, endpoint: 'https://r.example/v1' }, 'page'),
    ).toEqual({
      type: 'soft-binding-lookup',
      key: hash,
      endpoint: 'https://r.example/v1',
    });
    expect(parseRequest({ type: 'recover-credentials', key: hash }, 'page')).toEqual({
      type: 'recover-credentials',
      key: hash,
    });
  });

  it('rejects malformed, unknown and hostile shapes', () => {
    expect(parseRequest(null, 'page')).toBeNull();
    expect(parseRequest('check-image', 'page')).toBeNull();
    expect(parseRequest({ type: 'toString' }, 'page')).toBeNull();
    expect(parseRequest({ type: '__proto__' }, 'page')).toBeNull();
    expect(parseRequest({ type: 'check-image', url: 'javascript:alert(1)' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-image', url: 'file:///etc/passwd' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-image', url: `https://a/${'x'.repeat(9000)}` }, 'content')).toBeNull();
    expect(parseRequest({ type: 'get-details', key: '../../x' }, 'page')).toBeNull();
    expect(parseRequest({ type: 'page-summary', counts: { verified: -1 } }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-text', text: 7 }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-text', text: '' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-text', text: 'x'.repeat(100_001) }, 'content')).toBeNull();
  });

  it('keeps only the text of a text request: a hash sent along is dropped (the worker computes its own)', () => {
    const fingerprints = { kind: 'text', sha256Collapsed: hash, isccText: 'ISCC:EAA', characters: 5 };
    const parsed = parseRequest({ type: 'check-text', text: 'hello', fingerprints, extra: 1 }, 'content');
    expect(parsed).toEqual({ type: 'check-text', text: 'hello' });
  });
});

describe('parseRequest against bad shapes, per message kind', () => {
  const big = 'x'.repeat(50 * 1024 * 1024);
  const url = 'https://a.example/x.jpg';

  it('check-image and check-media: a URL of the wrong type, scheme or size', () => {
    for (const type of ['check-image', 'check-media'] as const) {
      expect(parseRequest({ type }, 'content')).toBeNull();
      expect(parseRequest({ type, url: 42 }, 'content')).toBeNull();
      expect(parseRequest({ type, url: [url] }, 'content')).toBeNull();
      expect(parseRequest({ type, url: { toString: () => url } }, 'content')).toBeNull();
      expect(parseRequest({ type, url: `https://a/${big}` }, 'content')).toBeNull();
      expect(parseRequest({ type, url: `data:image/png;base64,${big}` }, 'content')).toBeNull();
      expect(parseRequest({ type, url: 'data:image/png;base64,AAAA' }, 'content')).not.toBeNull();
    }
  });

  it('check-text: not a string, empty, or over the bound', () => {
    expect(parseRequest({ type: 'check-text' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-text', text: ['hello'] }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-text', text: big }, 'content')).toBeNull();
    expect(parseRequest({ type: 'check-text', text: 'x'.repeat(100_000) }, 'content')).not.toBeNull();
  });

  it('page-summary: counts that are not a map of item states to whole numbers', () => {
    const ok = (counts: unknown) => parseRequest({ type: 'page-summary', counts }, 'content') !== null;
    expect(ok({ verified: 1, pending: 0, 'on-request': 2 })).toBe(true);
    expect(ok(undefined)).toBe(false);
    expect(ok([1, 2])).toBe(false);
    expect(ok({ verified: 1.5 })).toBe(false);
    expect(ok({ verified: '1' })).toBe(false);
    expect(ok({ verified: Number.POSITIVE_INFINITY })).toBe(false);
    expect(ok({ 'made-up': 1 })).toBe(false);
    // Deep nesting is not walked into: the first non-number ends the parse.
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { verified: deep };
    expect(ok(deep)).toBe(false);
    // Prototype keys as JSON or structured clone would deliver them: own keys, never merged into anything.
    const hostile = JSON.parse('{"__proto__": {"verified": 1}, "constructor": 1, "verified": 2}');
    const parsed = parseRequest({ type: 'page-summary', counts: hostile }, 'content');
    expect(
      parsed === null || Object.getPrototypeOf((parsed as { counts: object }).counts) === Object.prototype,
    ).toBe(true);
    expect(({} as Record<string, unknown>).verified).toBeUndefined();
  });

  it('open-details: neither a valid key nor a valid URL', () => {
    expect(parseRequest({ type: 'open-details' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'open-details', key: 'A'.repeat(64) }, 'content')).toBeNull();
    expect(parseRequest({ type: 'open-details', key: big, url: 'file:///x' }, 'content')).toBeNull();
    expect(parseRequest({ type: 'open-details', key: hash, url: 7, media: 'pdf' }, 'content')).toEqual({
      type: 'open-details',
      key: hash,
    });
  });

  it('key-only requests: a key that is not 64 lower-case hex characters', () => {
    const kinds = [
      'get-details',
      'get-registrations',
      'fetch-remote-manifest',
      'recover-credentials',
    ] as const;
    for (const type of kinds) {
      expect(parseRequest({ type }, 'page')).toBeNull();
      expect(parseRequest({ type, key: hash.toUpperCase() }, 'page')).toBeNull();
      expect(parseRequest({ type, key: `${hash}0` }, 'page')).toBeNull();
      expect(parseRequest({ type, key: big }, 'page')).toBeNull();
      expect(parseRequest({ type, key: 123 }, 'page')).toBeNull();
      expect(parseRequest({ type, key: hash }, 'page')).toEqual({ type, key: hash });
    }
  });

  it('verify-url: a bad URL; a bad media kind is dropped', () => {
    expect(parseRequest({ type: 'verify-url', url: 'ftp://a.example/x' }, 'page')).toBeNull();
    expect(parseRequest({ type: 'verify-url', url: big }, 'page')).toBeNull();
    expect(parseRequest({ type: 'verify-url', url, media: { kind: 'video' } }, 'page')).toEqual({
      type: 'verify-url',
      url,
    });
  });

  it('soft-binding-lookup: an endpoint that is not a bounded http(s) URL', () => {
    const ask = (endpoint: unknown) =>
      parseRequest({ type: 'soft-binding-lookup', key: hash, endpoint }, 'page');
    expect(ask(undefined)).toBeNull();
    expect(ask('javascript:alert(1)')).toBeNull();
    expect(ask(`https://r.example/${big}`)).toBeNull();
    expect(ask(['https://r.example/'])).toBeNull();
    expect(parseRequest({ type: 'soft-binding-lookup', endpoint: 'https://r.example/' }, 'page')).toBeNull();
  });

  it('requests without fields keep only their type', () => {
    const withProto = JSON.parse('{"type": "clear-cache", "all": true, "__proto__": {"x": 1}}');
    expect(parseRequest(withProto, 'page')).toEqual({
      type: 'clear-cache',
    });
    expect(parseRequest({ type: 'update-trust-lists', url }, 'page')).toEqual({ type: 'update-trust-lists' });
    // The content script's words: asked by content scripts only, with nothing but the type.
    expect(parseRequest({ type: 'page-words', locale: '../x' }, 'content')).toEqual({ type: 'page-words' });
    expect(parseRequest({ type: 'page-words' }, 'page')).toBeNull();
  });

  it('the type itself: wrong type, inherited names, huge strings', () => {
    expect(parseRequest({ type: ['check-image'], url }, 'content')).toBeNull();
    expect(parseRequest({ type: 'hasOwnProperty' }, 'page')).toBeNull();
    expect(parseRequest({ type: 'constructor' }, 'page')).toBeNull();
    expect(parseRequest({ type: big }, 'page')).toBeNull();
    expect(parseRequest(Object.create({ type: 'clear-cache' }), 'page')).toBeNull();
  });
});
