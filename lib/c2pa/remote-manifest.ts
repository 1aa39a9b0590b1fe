/**
 * Remote manifests, resolved by us rather than by the engine (docs/architecture.md "C2PA").
 * A file can keep its Content Credentials elsewhere and point to them (C2PA spec, "External manifests":
 * https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_external_manifests):
 * - its XMP `dcterms:provenance` holds an http(s) URL (`self#jumbf=…` means "embedded" instead);
 * - or the server sends `Link: <url>; rel="c2pa-manifest"` with the file.
 * The engine reports the XMP case as `C2pa(RemoteManifestUrl("<url>"))` when its own fetching is off.
 */

const MAX_URL_LENGTH = 2048;
/** How far into the file to look for XMP (it sits in the first segments of JPEG, PNG, WebP …). */
const XMP_SCAN_BYTES = 4 * 1024 * 1024;

/** An absolute http(s) URL without embedded credentials, or undefined. */
export function safeRemoteUrl(raw: string | undefined | null, base?: string): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}

/**
 * Does the URL name this machine or a private network by an IP literal or `localhost`? A page controls
 * the manifest URLs inside its images, and the background fetches with host permissions, so such a URL
 * is only followed for an asset that itself came from a private address (a local test page, say).
 * Host names that merely resolve to private addresses cannot be seen from here (no DNS API).
 */
export function isPrivateNetworkUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::1' || v6 === '::') return true;
    if (/^f[cd][0-9a-f]{2}:/.test(v6) || /^fe[89ab][0-9a-f]:/.test(v6)) return true;
    // IPv4-mapped (::ffff:a.b.c.d, which URL normalises to ::ffff:xxxx:xxxx).
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
    if (mapped) {
      const hi = Number.parseInt(mapped[1] ?? '0', 16);
      const lo = Number.parseInt(mapped[2] ?? '0', 16);
      return isPrivateNetworkUrl(`http://${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}/`);
    }
  }
  return false;
}

/**
 * URLs announced by an HTTP `Link` header with `rel="c2pa-manifest"` (RFC 8288 syntax), resolved against
 * the asset's URL when relative. Other relations are ignored.
 */
export function parseLinkHeader(value: string | null | undefined, baseUrl?: string): string[] {
  if (!value) return [];
  const out: string[] = [];
  // Each link-value is "<uri>" followed by ;-separated params (quoted strings may hold , and ;).
  const linkValue = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,\s]*))?)*)/g;
  for (const match of value.matchAll(linkValue)) {
    const params = match[2] ?? '';
    for (const param of params.matchAll(/;\s*([^;,=\s]+)\s*(?:=\s*(?:"([^"]*)"|([^;,\s]*)))?/g)) {
      if (param[1]?.toLowerCase() !== 'rel') continue;
      const rels = (param[2] ?? param[3] ?? '').toLowerCase().split(/\s+/);
      if (!rels.includes('c2pa-manifest')) continue;
      const url = safeRemoteUrl(match[1], baseUrl);
      if (url && !out.includes(url)) out.push(url);
    }
  }
  return out;
}

function decodeXmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, entity: string) => {
    const e = entity.toLowerCase();
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16) || 0xfffd);
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10) || 0xfffd);
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

export type XmpProvenance = { kind: 'embedded'; value: string } | { kind: 'remote'; url: string };

/**
 * The XMP `dcterms:provenance` of the file, if any: `embedded` for a `self#jumbf=` reference, `remote`
 * for an http(s) URL. Any other value is ignored.
 */
export function findXmpProvenance(bytes: Uint8Array): XmpProvenance | undefined {
  // latin1 keeps every byte as one character, so offsets and ASCII markup survive binary surroundings.
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, XMP_SCAN_BYTES));
  const at = text.indexOf('dcterms:provenance');
  if (at < 0) return undefined;
  const window = text.slice(at, at + MAX_URL_LENGTH + 200);
  const match =
    /^dcterms:provenance\s*=\s*(["'])([^"']*)\1/.exec(window) ??
    /^dcterms:provenance[^>]*?rdf:resource\s*=\s*(["'])([^"']*)\1/.exec(window) ??
    /^dcterms:provenance\s*>()([^<]*)</.exec(window);
  const value = match?.[2] === undefined ? undefined : decodeXmlEntities(match[2]).trim();
  if (!value) return undefined;
  if (value.startsWith('self#jumbf=')) return { kind: 'embedded', value };
  const url = safeRemoteUrl(value);
  return url ? { kind: 'remote', url } : undefined;
}

/** Does this look like a C2PA manifest store (a JUMBF superbox, `jumb` at offset 4)? */
export function looksLikeManifestStore(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 && bytes[4] === 0x6a && bytes[5] === 0x75 && bytes[6] === 0x6d && bytes[7] === 0x62
  );
}

/**
 * Same scheme, host and port (the URL "host" includes the port): a manifest on the image's own server may be
 * fetched automatically, anything else only with the user's leave.
 */
export function sameHost(url: string, other: string | undefined): boolean {
  if (!other) return false;
  try {
    return new URL(url).origin === new URL(other).origin;
  } catch {
    return false;
  }
}

/** `scheme://host[:port]`: the engine's `core.allowed_network_hosts` pattern for one URL. */
export function originPattern(url: string): string {
  return new URL(url).origin;
}

let queue: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function requestUrl(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (typeof URL !== 'undefined' && input instanceof URL) return input.href;
  if (typeof Request !== 'undefined' && input instanceof Request) return input.url;
  return undefined;
}

function sameUrl(a: string | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/**
 * Runs `read` while the engine's request for `assetUrl` is answered locally with `manifest`, bytes the
 * caller already fetched with its own fetch (credentials omitted, size-capped, timed out).
 *
 * Why a temporary `fetch` shim: c2pa-wasm 0.15.0 (like 0.13.3) has no "asset + separate manifest" reader (c2pa-rs's
 * `from_manifest_data_and_stream` is not exported), and re-embedding the manifest would change the bytes
 * its data hash covers. Its only way to pair a remote manifest with an asset is to fetch the URL named in
 * the asset itself, through the global `fetch`. So, for the duration of one read:
 * - the engine may ask only `assetUrl`'s origin (settings `core.allowed_network_hosts`), with
 *   redirects off;
 * - a request for exactly `assetUrl` gets the bytes we hold (nothing goes out);
 * - any other request shaped like the engine's (a single `Request` argument) is refused;
 * - everything else (other code in this worker calling `fetch(url, init)`) passes through untouched.
 * Reads that need the shim are serialised, and the original `fetch` is restored even on failure.
 */
export function withServedManifest<T>(
  assetUrl: string,
  manifest: Uint8Array,
  read: () => Promise<T>,
): Promise<T> {
  return serialized(async () => {
    const scope = globalThis as { fetch?: typeof fetch };
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    const original = scope.fetch;
    const shim = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = requestUrl(input);
      if (sameUrl(url, assetUrl)) {
        const response = new Response(manifest.slice(), {
          status: 200,
          headers: { 'content-type': 'application/c2pa' },
        });
        // The engine parses response.url; a constructed Response has an empty one.
        Object.defineProperty(response, 'url', { value: url });
        return Promise.resolve(response);
      }
      if (init === undefined && typeof Request !== 'undefined' && input instanceof Request) {
        return Promise.reject(new TypeError('Origin Lens: the C2PA engine may not use the network'));
      }
      if (!original) return Promise.reject(new TypeError('fetch is not available'));
      return original.call(globalThis, input, init);
    };
    scope.fetch = shim as typeof fetch;
    try {
      return await read();
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'fetch', descriptor);
      else delete scope.fetch;
    }
  });
}
