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
    expect(
      parseRequest(
        { type: 'check-text', text: 'x', fingerprints: { kind: 'text', sha256Collapsed: 'zz' } },
        'content',
      ),
    ).toBeNull();
  });

  it('copies only known fields of a text request', () => {
    const fingerprints = {
      kind: 'text',
      sha256Collapsed: hash,
      isccText: 'ISCC:EAA',
      isccTextHex: '00',
      characters: 5,
      extra: 1,
    };
    const parsed = parseRequest({ type: 'check-text', text: 'hello', fingerprints }, 'content');
    expect(parsed).toEqual({
      type: 'check-text',
      text: 'hello',
      fingerprints: {
        kind: 'text',
        sha256Collapsed: hash,
        isccText: 'ISCC:EAA',
        isccTextHex: '00',
        characters: 5,
      },
    });
  });
});
