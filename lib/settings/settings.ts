import type { ChainConfig } from '../chain/chains.ts';
import type { TrustedRegistrant } from '../chain/registrants.ts';
import { SETTINGS_VERSION } from '../schemas/settings-migrations.ts';
import { isValidHostname } from './valid-hostname.ts';

/** Everything the user can change. Stored as one object under `settings` in extension storage. */
export interface Settings {
  /** Version of the stored shape (lib/schemas/settings-migrations.ts brings older ones up to it). */
  version: typeof SETTINGS_VERSION;
  /** Draw badges over images. */
  overlay: boolean;
  /** Also draw the grey "no provenance" badge (hidden by default: it is the common case and noise). */
  showNoProvenance: boolean;
  /** Hostnames where the extension does nothing. */
  disabledSites: string[];
  /** Fetch images without cookies (the default); off = let the browser send the site's cookies. */
  omitCredentials: boolean;
  /** Resolve remote C2PA manifests (fetched by us, without cookies) from the image's own host. */
  remoteManifests: boolean;
  /** Also from any other host the image names, automatically (off: only when the user asks, per manifest). */
  remoteManifestsAnyHost: boolean;
  trust: { official: boolean; interim: boolean; userAnchors: string };
  chains: ChainConfig[];
  registrants: TrustedRegistrant[];
  /** Optional second RPC per chain id, used to cross-check records. */
  crossCheckRpc: Record<string, string>;
  /** Video and audio up to this size (MB) are checked on their own; larger ones wait for "Check this video". */
  mediaAutoCheckMb: number;
  /**
   * C2PA Soft Binding Resolution API endpoints the user added (none by default). They are asked only on the
   * details page, on an explicit click, since asking uploads the image to them (lib/recover/soft-binding-client.ts).
   */
  softBindingEndpoints: string[];
}

export const DEFAULT_MEDIA_AUTO_CHECK_MB = 50;

export const SETTINGS_KEY = 'settings';

export function defaultSettings(chains: ChainConfig[], registrants: TrustedRegistrant[]): Settings {
  return {
    version: SETTINGS_VERSION,
    overlay: true,
    showNoProvenance: false,
    disabledSites: [],
    omitCredentials: true,
    remoteManifests: true,
    remoteManifestsAnyHost: false,
    trust: { official: true, interim: true, userAnchors: '' },
    chains,
    registrants,
    crossCheckRpc: {},
    mediaAutoCheckMb: DEFAULT_MEDIA_AUTO_CHECK_MB,
    softBindingEndpoints: [],
  };
}

/** Normalises a hostname typed by the user ("https://www.Example.com/x" → "www.example.com"). */
export function normalizeSite(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
    return isValidHostname(host) ? host : null;
  } catch {
    return null;
  }
}

/** True when the extension should stay off on this page (the site or a parent domain is listed). */
export function isSiteDisabled(pageUrl: string, settings: Pick<Settings, 'disabledSites'>): boolean {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return false;
  }
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
