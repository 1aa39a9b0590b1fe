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
