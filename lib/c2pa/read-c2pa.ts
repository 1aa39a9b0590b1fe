import { bytesToBase64 } from '../bytes/base64.ts';
import type { C2paEvidence } from '../evidence/types.ts';
import { sniffMediaType } from '../media-type/sniff-media-type.ts';
import type { C2paEngine, C2paReaderView } from './engine.ts';
import { classifyEngineError } from './engine-error.ts';
import { activeExclusions, manifestMoved } from './manifest-moved.ts';
import { mimeFor } from './mime-for.ts';
import {
  findXmpProvenance,
  isPrivateNetworkUrl,
  looksLikeManifestStore,
  originPattern,
  parseLinkHeader,
  safeRemoteUrl,
  sameHost,
  withServedManifest,
} from './remote-manifest.ts';
import { activeThumbnail, errorEvidence, noneEvidence, toEvidence } from './to-evidence.ts';
import { buildEngineSettings, type TrustLists, trustListForUri, trustTierForList } from './trust-settings.ts';

/** Largest asset we hand the engine (100 MiB): the bytes are copied into WASM memory, which never shrinks. */
export const MAX_ASSET_BYTES = 100 * 1024 * 1024;
/** Largest remote manifest store we accept from the caller's fetch (10 MiB). */
export const MAX_REMOTE_MANIFEST_BYTES = 10 * 1024 * 1024;
/** Largest thumbnail kept as a data: URL in the evidence (cached per image, so kept small). */
export const MAX_THUMBNAIL_BYTES = 64 * 1024;

/** At most this many `Link` header targets are tried (a server could list hundreds). */
const MAX_LINK_URLS = 3;

/** The reason's first words when remote fetching is off, so the UI can offer "fetch it". */
export const REMOTE_NOT_FETCHED = 'Remote manifest not fetched';

export interface RemoteManifestOptions {
  /**
   * Automatic fetching from the image's own host (scheme, host and port of `baseUrl`). Off: never touch the
   * network unless `mayFetchFrom` allows the URL; report `REMOTE_NOT_FETCHED` with the URL instead.
   */
  enabled: boolean;
  /**
   * Any other manifest URL that may be asked: the user's setting for other hosts, a URL the user asked for on
   * the details page. Absent: none. A page names these URLs, so asking them automatically would be a beacon
   * (and would tell the host who runs Origin Lens).
   */
  mayFetchFrom?: (url: string) => boolean;
  /** Does the request (the caller sets credentials: 'omit', a size cap and a timeout). May reject. */
  fetch: (url: string) => Promise<Uint8Array>;
  /** The raw HTTP `Link` header that came with the asset, if any. */
  linkHeader?: string | null;
  /** The asset's URL, to resolve a relative `Link` target. */
  baseUrl?: string;
}

export interface ReadC2paOptions {
  trust: TrustLists;
  remote?: RemoteManifestOptions;
  /** Default MAX_ASSET_BYTES. */
  maxBytes?: number;
  /** Default MAX_REMOTE_MANIFEST_BYTES. */
  maxManifestBytes?: number;
  /** Default MAX_THUMBNAIL_BYTES; 0 leaves thumbnails out. */
  thumbnailMaxBytes?: number;
  /** Awaited just before each engine read (see `C2paEngine.read`). */
  yieldTo?: () => Promise<void>;
}

/** True for the evidence `readC2pa` returns when a remote manifest exists but fetching was off. */
export function isRemoteNotFetched(evidence: C2paEvidence): boolean {
  return (
    evidence.state === 'error' && !!evidence.remoteUrl && !!evidence.error?.startsWith(REMOTE_NOT_FETCHED)
  );
}

const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

/**
 * A data: URL of the active manifest's thumbnail, or undefined when absent, too large, or not a raster
 * image whose bytes match its declared type (never an SVG: it is page-supplied content).
 */
function thumbnailDataUrl(reader: C2paReaderView, json: string, maxBytes: number): string | undefined {
  if (maxBytes <= 0) return undefined;
  try {
    const ref = activeThumbnail(JSON.parse(json));
    if (!ref) return undefined;
    const bytes = reader.resourceToBytes(ref.identifier);
    const type = sniffMediaType(bytes);
    if (bytes.length === 0 || bytes.length > maxBytes || !type || !THUMBNAIL_TYPES.has(type))
      return undefined;
    return `data:${type};base64,${bytesToBase64(bytes)}`;
  } catch {
    return undefined;
  }
}

/**
 * c2pa-rs's words when a data-hash exclusion misses the store and the hash fails as well; only then can the
 * store have moved (lib/c2pa/manifest-moved.ts). Cheap to test on the JSON text, so crJSON is asked for rarely.
 */
const MISPLACED_EXCLUSION = 'does not match the manifest location';
const HASH_FAILED = 'Hashes do not match';

/** How far the store in `asset` moved since signing, if it did. */
function movedBy(reader: C2paReaderView, json: string, asset: Uint8Array | undefined): number | undefined {
  if (!asset || !json.includes(MISPLACED_EXCLUSION) || !json.includes(HASH_FAILED)) return undefined;
  try {
    const active = (JSON.parse(json) as { active_manifest?: unknown }).active_manifest;
    if (typeof active !== 'string') return undefined;
    return manifestMoved(asset, activeExclusions(reader.crJson(), active));
  } catch {
    return undefined;
  }
}

/**
 * Maps a live reader to evidence (also used for standalone manifest stores, read-manifest-store.ts). `asset`:
 * the file the store was read from, when it was embedded in it.
 */
export function mapper(options: ReadC2paOptions, asset?: Uint8Array) {
  const trust = (uri: string | undefined, engineTrusted: boolean) => {
    const list = trustListForUri(uri, options.trust, engineTrusted);
    return { list, tier: trustTierForList(list, options.trust) };
  };
  const maxThumb = options.thumbnailMaxBytes ?? MAX_THUMBNAIL_BYTES;
  return (reader: C2paReaderView): C2paEvidence => {
    const json = reader.json();
    const thumbnail = thumbnailDataUrl(reader, json, maxThumb);
    const moved = movedBy(reader, json, asset);
    return toEvidence(json, {
      trust,
      ...(thumbnail ? { thumbnail } : {}),
      ...(moved !== undefined ? { movedBy: moved } : {}),
    });
  };
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text || 'unknown error';
}

async function readRemote(
  engine: C2paEngine,
  bytes: Uint8Array,
  format: string,
  options: ReadC2paOptions,
  assetUrl: string | undefined,
  linkUrls: string[],
): Promise<C2paEvidence> {
  const remote = options.remote;
  // The image's own server first (its Link header): the same store, validated the same way against the
  // file, without telling a third party (the XMP URL's host) what the user is looking at.
  const candidates = [...new Set([...linkUrls.slice(0, MAX_LINK_URLS), ...(assetUrl ? [assetUrl] : [])])];
  const first = candidates[0] ?? '';
  if (!assetUrl) {
    // Only a Link header names a manifest, and the file does not reference it. The engine can pair a
    // remote manifest with a file only through the file's own reference (see withServedManifest), so
    // validating would need an API c2pa-wasm 0.15.0 lacks. Do not fetch what we cannot check.
    return errorEvidence(
      `The server announces Content Credentials at ${first}, but this file does not reference them, and this C2PA engine cannot check a detached manifest against it.`,
      { source: 'remote', remoteUrl: first },
    );
  }
  const allowed = candidates.filter(
    (url) => (remote?.enabled && sameHost(url, remote.baseUrl)) || remote?.mayFetchFrom?.(url) === true,
  );
  if (!remote || allowed.length === 0) {
    if (!remote?.enabled) {
      return errorEvidence(`${REMOTE_NOT_FETCHED}: the Content Credentials are stored at ${first}.`, {
        source: 'remote',
        remoteUrl: first,
      });
    }
    return errorEvidence(
      `${REMOTE_NOT_FETCHED}: the Content Credentials are stored on another host, ${new URL(first).host} (${first}), which is asked only when you allow it.`,
      { source: 'remote', remoteUrl: first },
    );
  }
  const maxManifest = options.maxManifestBytes ?? MAX_REMOTE_MANIFEST_BYTES;
  const failures: string[] = [];
  const privateAsset = remote.baseUrl !== undefined && isPrivateNetworkUrl(remote.baseUrl);
  for (const url of allowed) {
    if (isPrivateNetworkUrl(url) && !privateAsset) {
      failures.push(`${url} (refused: a private network address, named by a public file)`);
      continue;
    }
    let manifest: Uint8Array;
    try {
      manifest = await remote.fetch(url);
    } catch (error) {
      failures.push(`${url} (${message(error)})`);
      continue;
    }
    if (!(manifest instanceof Uint8Array) || manifest.length === 0) {
      failures.push(`${url} (empty response)`);
      continue;
    }
    if (manifest.length > maxManifest) {
      failures.push(`${url} (manifest too large: ${manifest.length} bytes)`);
      continue;
    }
    if (!looksLikeManifestStore(manifest)) {
      failures.push(`${url} (not a C2PA manifest store)`);
      continue;
    }
    const settings = buildEngineSettings(options.trust, { remoteManifestOrigin: originPattern(assetUrl) });
    try {
      const evidence = await withServedManifest(assetUrl, manifest, () =>
        engine.read(format, bytes, settings, mapper(options), options.yieldTo),
      );
      return { ...evidence, source: 'remote', remoteUrl: url };
    } catch (error) {
      failures.push(`${url} (${classifyEngineError(error).reason.replace(/\.$/, '')})`);
    }
  }
  return errorEvidence(`Could not check the remote manifest: ${failures.join('; ')}.`, {
    source: 'remote',
    remoteUrl: first,
  });
}

/** `jumd` then the C2PA manifest store's type UUID (63327061-0011-0010-8000-00AA00389B71). */
const STORE_UUID = [
  0x63, 0x32, 0x70, 0x61, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];

/**
 * Is there a JUMBF description box that names a C2PA manifest store, by its type UUID or by its "c2pa"
 * label? When the engine finds no store but one of these is present, the store is damaged, not absent.
 */
function hasC2paStoreMarker(bytes: Uint8Array): boolean {
  for (let i = 0; i + 26 <= bytes.length; i++) {
    if (bytes[i] !== 0x6a || bytes[i + 1] !== 0x75 || bytes[i + 2] !== 0x6d || bytes[i + 3] !== 0x64)
      continue;
    const uuid = STORE_UUID.every((b, k) => bytes[i + 4 + k] === b);
    const label =
      bytes[i + 21] === 0x63 &&
      bytes[i + 22] === 0x32 &&
      bytes[i + 23] === 0x70 &&
      bytes[i + 24] === 0x61 &&
      bytes[i + 25] === 0;
    if (uuid || label) return true;
  }
  return false;
}

async function readUnsafe(
  engine: C2paEngine,
  bytes: Uint8Array,
  mime: string,
  options: ReadC2paOptions,
): Promise<C2paEvidence> {
  if (!(bytes instanceof Uint8Array)) return errorEvidence('No file bytes to check.');
  if (bytes.length === 0) return errorEvidence('The file is empty.');
  const maxBytes = options.maxBytes ?? MAX_ASSET_BYTES;
  if (bytes.length > maxBytes) {
    return errorEvidence(`The file is too large to check (${bytes.length} bytes; the limit is ${maxBytes}).`);
  }
  const format = mimeFor(bytes, mime);
  if (!format)
    return errorEvidence(
      `This file format is not supported by the C2PA checker (${mime || 'unknown type'}).`,
    );

  let failure: ReturnType<typeof classifyEngineError>;
  try {
    const evidence = await engine.read(
      format,
      bytes,
      buildEngineSettings(options.trust),
      mapper(options, bytes),
      options.yieldTo,
    );
    return { ...evidence, source: 'embedded' };
  } catch (error) {
    failure = classifyEngineError(error);
  }
  if (failure.kind !== 'no-manifest' && failure.kind !== 'remote-url') return errorEvidence(failure.reason);
  if (failure.kind === 'no-manifest' && hasC2paStoreMarker(bytes)) {
    return errorEvidence('Content Credentials are present but damaged: the manifest store cannot be read.');
  }

  // No embedded manifest. Does the file, or the server, point to a remote one?
  let assetUrl = safeRemoteUrl(failure.remoteUrl);
  if (failure.kind === 'remote-url' && !assetUrl) {
    return errorEvidence('The file points to remote Content Credentials at an address that is not http(s).');
  }
  if (!assetUrl) {
    const xmp = findXmpProvenance(bytes);
    if (xmp?.kind === 'remote') assetUrl = xmp.url;
  }
  const linkUrls = parseLinkHeader(options.remote?.linkHeader, options.remote?.baseUrl);
  if (!assetUrl && linkUrls.length === 0) return noneEvidence();
  return readRemote(engine, bytes, format, options, assetUrl, linkUrls);
}

/**
 * Reads and validates the Content Credentials of one asset. Never throws:
 * - no C2PA data → state 'none';
 * - unreadable, unsupported, malformed, too large, or a remote manifest that could not be fetched →
 *   state 'error' with a plain reason (and `remoteUrl` for remote manifests);
 * - validation failures → 'invalid' with the status codes; otherwise 'valid'.
 * `trust` is the signer's tier: `trusted` (official C2PA list), `known` (CAI interim list, or the user's
 * anchors by default), `untrusted` otherwise; null for 'none' and 'error'.
 * `mime` is the server's Content-Type (a hint: the bytes are sniffed first).
 */
export async function readC2pa(
  engine: C2paEngine,
  bytes: Uint8Array,
  mime: string,
  options: ReadC2paOptions,
): Promise<C2paEvidence> {
  try {
    return await readUnsafe(engine, bytes, mime, options);
  } catch (error) {
    return errorEvidence(classifyEngineError(error).reason);
  }
}
