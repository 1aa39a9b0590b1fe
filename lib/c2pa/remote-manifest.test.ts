import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findXmpProvenance,
  isPrivateNetworkUrl,
  looksLikeManifestStore,
  originPattern,
  parseLinkHeader,
  safeRemoteUrl,
  withServedManifest,
} from './remote-manifest.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/c2pa/${name}`, import.meta.url)));
const xmp = (inner: string) =>
  new TextEncoder().encode(`\xff\xd8\xff\xe1..http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${inner}</x:xmpmeta>`);

describe('safeRemoteUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(safeRemoteUrl('https://a.example/m.c2pa')).toBe('https://a.example/m.c2pa');
    expect(safeRemoteUrl('  http://a.example/x ')).toBe('http://a.example/x');
    expect(safeRemoteUrl('m.c2pa', 'https://a.example/img/p.jpg')).toBe('https://a.example/img/m.c2pa');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:,x',
      'ftp://a/b',
      'self#jumbf=/c2pa',
      'm.c2pa',
      '',
      null,
    ]) {
      expect(safeRemoteUrl(bad), String(bad)).toBeUndefined();
    }
  });

  it('refuses URLs with credentials and absurd lengths', () => {
    expect(safeRemoteUrl('https://user:pw@a.example/m')).toBeUndefined();
    expect(safeRemoteUrl(`https://a.example/${'x'.repeat(3000)}`)).toBeUndefined();
  });
});

describe('isPrivateNetworkUrl', () => {
  it('flags loopback, private, link-local and CGNAT literals and localhost', () => {
    for (const url of [
      'http://localhost/x',
      'http://app.localhost/x',
      'http://127.0.0.1:8080/x',
      'http://10.1.2.3/x',
      'http://172.16.0.1/x',
      'http://172.31.255.255/x',
      'http://192.168.1.1/x',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/x',
      'http://0.0.0.0/x',
      'http://[::1]/x',
      'http://[fd00::1]/x',
      'http://[fe80::1]/x',
      'http://[::ffff:192.168.0.1]/x',
      'http://2130706433/x', // 127.0.0.1 as a decimal integer; URL normalises it
    ]) {
      expect(isPrivateNetworkUrl(url), url).toBe(true);
    }
  });

  it('leaves public addresses alone', () => {
    for (const url of [
      'https://cai-manifests.adobe.com/m',
      'http://172.32.0.1/x',
      'http://8.8.8.8/',
      'http://[2001:db8::1]/',
      'not a url',
    ]) {
      expect(isPrivateNetworkUrl(url), url).toBe(false);
    }
  });
});

describe('parseLinkHeader', () => {
  it('finds rel="c2pa-manifest" among other links (RFC 8288)', () => {
    const header = '</style.css>; rel=preload; as=style, <https://cdn.example/m.c2pa>; rel="c2pa-manifest"';
    expect(parseLinkHeader(header)).toEqual(['https://cdn.example/m.c2pa']);
  });

  it('handles unquoted, multi-valued and case-varied rel, and relative targets', () => {
    expect(parseLinkHeader('<a.c2pa>; REL=C2PA-Manifest', 'https://x.example/dir/img.jpg')).toEqual([
      'https://x.example/dir/a.c2pa',
    ]);
    expect(
      parseLinkHeader('<https://x.example/b.c2pa>; rel="alternate c2pa-manifest"; title="a, b; c"'),
    ).toEqual(['https://x.example/b.c2pa']);
  });

  it('ignores other relations, unsafe targets, relative targets without a base, and junk', () => {
    expect(parseLinkHeader('<https://x.example/a>; rel="next"')).toEqual([]);
    expect(parseLinkHeader('<javascript:alert(1)>; rel="c2pa-manifest"')).toEqual([]);
    expect(parseLinkHeader('<a.c2pa>; rel="c2pa-manifest"')).toEqual([]);
    expect(parseLinkHeader('garbage;;;,,<<>>')).toEqual([]);
    expect(parseLinkHeader(null)).toEqual([]);
  });
});

describe('findXmpProvenance', () => {
  it('remote_cloud.jpg: an https URL (SOURCES.md)', () => {
    expect(findXmpProvenance(fixture('remote_cloud.jpg'))).toEqual({
      kind: 'remote',
      url: 'https://cai-manifests.adobe.com/manifests/adobe-urn-uuid-5f37e182-3687-462e-a7fb-573462780391',
    });
  });

  it('none_xmp-provenance-but-no-jumbf.jpg: self#jumbf= means embedded, not remote (SOURCES.md)', () => {
    expect(findXmpProvenance(fixture('none_xmp-provenance-but-no-jumbf.jpg'))?.kind).toBe('embedded');
  });

  it('none_A.jpg: no provenance', () => {
    expect(findXmpProvenance(fixture('none_A.jpg'))).toBeUndefined();
  });

  it('reads the attribute, element and rdf:resource forms, decoding XML entities', () => {
    expect(
      findXmpProvenance(xmp('<rdf:Description dcterms:provenance="https://a.example/m?x=1&amp;y=2"/>')),
    ).toEqual({
      kind: 'remote',
      url: 'https://a.example/m?x=1&y=2',
    });
    expect(findXmpProvenance(xmp('<dcterms:provenance>https://b.example/m</dcterms:provenance>'))).toEqual({
      kind: 'remote',
      url: 'https://b.example/m',
    });
    expect(findXmpProvenance(xmp('<dcterms:provenance rdf:resource="https://c.example/m"/>'))).toEqual({
      kind: 'remote',
      url: 'https://c.example/m',
    });
    expect(
      findXmpProvenance(xmp('<rdf:Description dcterms:provenance="javascript:alert(1)"/>')),
    ).toBeUndefined();
  });
});

describe('looksLikeManifestStore / originPattern', () => {
  it('recognises a JUMBF superbox', () => {
    expect(looksLikeManifestStore(fixture('remote_cloud_manifest.c2pa'))).toBe(true);
    expect(looksLikeManifestStore(fixture('none_A.jpg'))).toBe(false);
    expect(looksLikeManifestStore(new Uint8Array(3))).toBe(false);
  });

  it('gives scheme://host[:port]', () => {
    expect(originPattern('https://a.example:8443/x/y?z')).toBe('https://a.example:8443');
  });
});

describe('withServedManifest', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('answers the asset URL locally, refuses other engine-shaped requests, passes others through, restores fetch', async () => {
    const outside = vi.fn(async () => new Response('page code'));
    globalThis.fetch = outside as unknown as typeof fetch;
    const manifest = new Uint8Array([1, 2, 3]);
    const url = 'https://m.example/manifest';
    const seen = await withServedManifest(url, manifest, async () => {
      // What c2pa-wasm does: fetch(new Request(url, init)).
      const served = await fetch(new Request(url, { credentials: 'same-origin' }));
      const refused = await fetch(new Request('https://m.example/.well-known/did.json')).then(
        () => 'answered',
        (e: Error) => e.message,
      );
      // What other worker code does meanwhile: fetch(url, init).
      const other = await fetch('https://elsewhere.example/img.jpg', { credentials: 'omit' });
      return {
        bytes: [...new Uint8Array(await served.arrayBuffer())],
        url: served.url,
        type: served.headers.get('content-type'),
        refused,
        other: await other.text(),
      };
    });
    expect(seen).toEqual({
      bytes: [1, 2, 3],
      url,
      type: 'application/c2pa',
      refused: 'Origin Lens: the C2PA engine may not use the network',
      other: 'page code',
    });
    expect(outside).toHaveBeenCalledTimes(1);
    expect(globalThis.fetch).toBe(outside);
  });

  it('restores fetch when the read fails, and serialises reads', async () => {
    const mine = vi.fn() as unknown as typeof fetch;
    globalThis.fetch = mine;
    const order: string[] = [];
    const slow = withServedManifest('https://a.example/1', new Uint8Array(1), async () => {
      order.push('a start');
      await new Promise((r) => setTimeout(r, 20));
      order.push('a end');
      throw new Error('engine failed');
    });
    const fast = withServedManifest('https://a.example/2', new Uint8Array(1), async () => {
      order.push('b');
      return 'ok';
    });
    await expect(slow).rejects.toThrow('engine failed');
    await expect(fast).resolves.toBe('ok');
    expect(order).toEqual(['a start', 'a end', 'b']);
    expect(globalThis.fetch).toBe(mine);
  });
});
