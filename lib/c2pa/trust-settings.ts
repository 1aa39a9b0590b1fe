import type { C2paTrust, C2paTrustList } from '../evidence/types.ts';
import { sha256Hex } from '../fingerprint/sha256.ts';
import { C2PA_WASM_VERSION } from './engine.ts';
import { certificateDigest, formatPemCertificate, readPemCertificates } from './pem-certificates.ts';

/**
 * Engine settings for reading: which trust lists apply, and no network from inside the engine.
 * Settings reference: https://github.com/contentauth/c2pa-rs/blob/main/docs/settings.md (c2pa-rs 0.91).
 *
 * How the trust tier is told apart in ONE read: c2pa-rs 0.91 takes `trust.anchors` as a list of lists,
 * each with its own `trust_uri`, and names the list that matched in the `signingCredential.trusted`
 * explanation ("signing certificate trusted, found in [<trust_uri>] trust anchors"). Each enabled list
 * goes in under its own URI below, so official vs interim vs user costs no second validation.
 */

/**
 * PEM text of the trust lists the user enabled (as shipped in public/trust, or refreshed, or typed in).
 * Treat it as immutable: settings JSON and version are cached per object, so build a new one on change.
 */
export interface TrustLists {
  /** Official C2PA trust list (conformance program): signers chaining here are `trusted`. */
  official?: string;
  /** Official C2PA list of time-stamp authorities. */
  officialTsa?: string;
  /** CAI interim "known certificate" list: signers chaining here are `known`. */
  interim?: { anchors: string; allowed: string; storeCfg: string };
  /** Root certificates the user added. */
  userAnchors?: string;
  /**
   * Tier for a signer that chains only to the user's anchors. Default `known`: the user vouched for it,
   * but it is not on the official list, so it must not look the same as `trusted`.
   */
  userAnchorsTier?: Exclude<C2paTrust, 'untrusted'>;
}

/** The `trust_uri` each list is registered under; the engine echoes it back when a signer matches. */
export const TRUST_URI = {
  official: 'origin-lens:c2pa-official',
  officialTsa: 'origin-lens:c2pa-official-tsa',
  interim: 'origin-lens:cai-interim',
  /** The interim anchors again, as time-stamp authorities only (see anchorsFor). */
  interimTsa: 'origin-lens:cai-interim-tsa',
  user: 'origin-lens:user-anchors',
} as const;

/** Bumped when the settings built here change meaning (part of the cache version). */
export const SETTINGS_SCHEMA = 2;

// An allow list may also carry base64 SHA-256 digests of certificates, one per line (c2pa-rs accepts both).
const DIGEST_LINE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Keeps only certificate blocks (and, when asked, certificate digests), normalised. Comments and
 * "Subject" lines between blocks are dropped, so whitespace or comment edits do not change the version,
 * and text that is not PEM at all (a user's paste) contributes nothing instead of breaking every read.
 */
export function sanitizePemBundle(text: string | undefined, keepDigests = false): string {
  if (!text) return '';
  const { certificates, outside } = readPemCertificates(text);
  const parts = certificates.filter((c) => !c.damaged).map((c) => formatPemCertificate(c.body));
  if (keepDigests) {
    for (const line of outside.split('\n')) if (DIGEST_LINE.test(line.trim())) parts.push(`${line.trim()}\n`);
  }
  return parts.join('');
}

/**
 * An allow list as the engine compares it: one base64 SHA-256 per certificate (see certificateDigest), each
 * once. The CAI list is 181 KB of PEM and its digests 4 KB; the engine parses and hashes the whole list on
 * every read, which cost 2–4 ms of each read's 25–110 ms in Node (issue 14).
 */
export function allowListDigests(text: string | undefined): string {
  if (!text) return '';
  const { certificates, outside } = readPemCertificates(text);
  const digests = new Set(certificates.filter((c) => !c.damaged).map((c) => certificateDigest(c.body)));
  for (const line of outside.split('\n')) if (DIGEST_LINE.test(line.trim())) digests.add(line.trim());
  return [...digests].map((d) => `${d}\n`).join('');
}

/** Keeps the OID lines of a store.cfg (EKU list), dropping `//` comments. */
function sanitizeStoreCfg(text: string | undefined): string {
  if (!text) return '';
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^\d+(\.\d+)+$/.test(l))
    .map((l) => `${l}\n`)
    .join('');
}

interface AnchorSetting {
  trust_anchors: string;
  trust_uri: string;
  trust_kind: 'manifest' | 'tsa';
  allowed_list?: string;
  trust_config?: string;
}

function anchorsFor(lists: TrustLists): AnchorSetting[] {
  const anchors: AnchorSetting[] = [];
  const official = sanitizePemBundle(lists.official);
  if (official)
    anchors.push({ trust_anchors: official, trust_uri: TRUST_URI.official, trust_kind: 'manifest' });
  const tsa = sanitizePemBundle(lists.officialTsa);
  if (tsa) anchors.push({ trust_anchors: tsa, trust_uri: TRUST_URI.officialTsa, trust_kind: 'tsa' });
  if (lists.interim) {
    const interimAnchors = sanitizePemBundle(lists.interim.anchors);
    const allowed = allowListDigests(lists.interim.allowed);
    const cfg = sanitizeStoreCfg(lists.interim.storeCfg);
    if (interimAnchors || allowed) {
      anchors.push({
        trust_anchors: interimAnchors,
        trust_uri: TRUST_URI.interim,
        trust_kind: 'manifest',
        ...(allowed ? { allowed_list: allowed } : {}),
        ...(cfg ? { trust_config: cfg } : {}),
      });
    }
    // c2pa-rs 0.92 validates a timestamp only against TSA lists, and the authorities behind DigiCert's and
    // Adobe's timestamps (Sora, Premiere) are only among the interim anchors. Registered a second time as a
    // TSA list, they prove *when* a file was signed; trust_kind 'tsa' and trustTierForUri keep them from
    // ever raising the signer's tier. https://github.com/contentauth/c2pa-rs/blob/main/docs/settings.md
    if (interimAnchors)
      anchors.push({ trust_anchors: interimAnchors, trust_uri: TRUST_URI.interimTsa, trust_kind: 'tsa' });
  }
  const user = sanitizePemBundle(lists.userAnchors);
  if (user) anchors.push({ trust_anchors: user, trust_uri: TRUST_URI.user, trust_kind: 'manifest' });
  return anchors;
}

export interface EngineSettingsOptions {
  /**
   * Only for reading a remote manifest that we already fetched ourselves: lets the engine ask for it, and
   * only from this origin (`https://host[:port]`); the request is answered locally (remote-manifest.ts).
   */
  remoteManifestOrigin?: string;
}

/** The settings object handed to the engine (see `buildEngineSettings`). */
export function engineSettings(
  lists: TrustLists,
  options: EngineSettingsOptions = {},
): Record<string, unknown> {
  const remote = options.remoteManifestOrigin;
  return {
    version: 1,
    verify: {
      verify_after_reading: true,
      verify_trust: true,
      verify_timestamp_trust: true,
      // Revocation checks would call the CA's OCSP responder: a network request per image.
      ocsp_fetch: false,
      // docs/architecture.md "C2PA": the engine never fetches remote manifests by itself.
      remote_manifest_fetch: remote !== undefined,
    },
    core: {
      // An empty allow-list blocks every engine request (also CAWG did:web lookups, which would
      // otherwise go out to the identity provider while validating).
      allowed_network_hosts: remote !== undefined ? [remote] : [],
      allow_redirects: false,
    },
    trust: { anchors: anchorsFor(lists) },
  };
}

// The cache assumes a TrustLists object is not mutated after first use (build a new one on change).
const settingsCache = new WeakMap<TrustLists, string>();

/**
 * The settings JSON for reading with these trust lists. Cached per `lists` object: with every list on the
 * JSON is ~115 KB, and the background reads many images with the same lists.
 */
export function buildEngineSettings(lists: TrustLists, options: EngineSettingsOptions = {}): string {
  if (options.remoteManifestOrigin !== undefined) return JSON.stringify(engineSettings(lists, options));
  let json = settingsCache.get(lists);
  if (json === undefined) {
    json = JSON.stringify(engineSettings(lists));
    settingsCache.set(lists, json);
  }
  return json;
}

/**
 * The signing list a signer chained to, from the URI the engine names. The TSA lists (and any URI we did
 * not register) give null: a timestamp authority's list says when, never who (issue 12, rule 6).
 * `engineTrusted` covers certificates the engine trusts through an allow list (end-entity certificates on
 * the CAI list come back Trusted with no list named): the only list we register with an allow list is the
 * CAI one, so they belong to it.
 */
export function trustListForUri(
  uri: string | undefined,
  lists: Pick<TrustLists, 'interim'>,
  engineTrusted = false,
): C2paTrustList | null {
  switch (uri) {
    case TRUST_URI.official:
      return 'official';
    case TRUST_URI.interim:
      return 'cai-legacy';
    case TRUST_URI.user:
      return 'user';
    case undefined:
    case '':
      return engineTrusted && lists.interim?.allowed ? 'cai-legacy' : null;
    default:
      return null;
  }
}

/** The tier of a signing list (null: untrusted). */
export function trustTierForList(
  list: C2paTrustList | null,
  lists: Pick<TrustLists, 'userAnchorsTier'>,
): C2paTrust {
  switch (list) {
    case 'official':
      return 'trusted';
    case 'cai-legacy':
      return 'known';
    case 'user':
      return lists.userAnchorsTier ?? 'known';
    default:
      return 'untrusted';
  }
}

/** The tier for the list a signer matched, or `untrusted` for a URI we did not register (never guess upward). */
export function trustTierForUri(
  uri: string | undefined,
  lists: Pick<TrustLists, 'userAnchorsTier' | 'interim'>,
  engineTrusted = false,
): C2paTrust {
  return trustTierForList(trustListForUri(uri, lists, engineTrusted), lists);
}

/**
 * A short digest naming the engine, the settings schema and the enabled lists' certificates, e.g.
 * `c2pa-wasm@0.15.0/s2/4f2a…`. Cached C2PA results computed under another value are stale.
 */
export async function trustListsVersion(lists: TrustLists): Promise<string> {
  const material = JSON.stringify([
    sanitizePemBundle(lists.official),
    sanitizePemBundle(lists.officialTsa),
    lists.interim
      ? [
          sanitizePemBundle(lists.interim.anchors),
          // The PEM, not the digests the engine gets: they answer alike, so cached results stay valid.
          sanitizePemBundle(lists.interim.allowed, true),
          sanitizeStoreCfg(lists.interim.storeCfg),
        ]
      : null,
    sanitizePemBundle(lists.userAnchors),
    lists.userAnchorsTier ?? 'known',
  ]);
  // WebCrypto, not a hash in JavaScript: every worker start computes this before its first check, and the
  // ~270 KB took a fresh worker 10-25 ms in @noble/hashes (its code not yet compiled), against ~1 ms natively.
  const digest = (await sha256Hex(new TextEncoder().encode(material))).slice(0, 16);
  return `c2pa-wasm@${C2PA_WASM_VERSION}/s${SETTINGS_SCHEMA}/${digest}`;
}
