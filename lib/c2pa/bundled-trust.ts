import type { TrustLists } from './trust-settings.ts';

/**
 * The trust lists shipped in public/trust (see public/trust/SOURCES.md), as paths relative to the
 * extension root. The caller reads them: a fetch of the extension's own URL for the path in the extension,
 * `readFile(join(publicDir, path))` in Node.
 */
export const BUNDLED_TRUST_FILES = {
  official: 'trust/c2pa-official-trust-list.pem',
  officialTsa: 'trust/c2pa-official-tsa-trust-list.pem',
  interimAnchors: 'trust/cai-interim-anchors.pem',
  interimAllowed: 'trust/cai-interim-allowed.pem',
  interimStoreCfg: 'trust/cai-interim-store.cfg',
} as const;

/** Which lists the user enabled (the shape of Settings.trust). */
export interface TrustChoice {
  official: boolean;
  interim: boolean;
  /** PEM text the user pasted; empty for none. */
  userAnchors?: string;
  userAnchorsTier?: TrustLists['userAnchorsTier'];
}

/** Builds `TrustLists` from the bundled files the user enabled. Rejects if a file cannot be read. */
export async function loadBundledTrustLists(
  readText: (path: string) => Promise<string>,
  choice: TrustChoice,
): Promise<TrustLists> {
  const lists: TrustLists = {};
  if (choice.official) {
    const [official, officialTsa] = await Promise.all([
      readText(BUNDLED_TRUST_FILES.official),
      readText(BUNDLED_TRUST_FILES.officialTsa),
    ]);
    lists.official = official;
    lists.officialTsa = officialTsa;
  }
  if (choice.interim) {
    const [anchors, allowed, storeCfg] = await Promise.all([
      readText(BUNDLED_TRUST_FILES.interimAnchors),
      readText(BUNDLED_TRUST_FILES.interimAllowed),
      readText(BUNDLED_TRUST_FILES.interimStoreCfg),
    ]);
    lists.interim = { anchors, allowed, storeCfg };
  }
  if (choice.userAnchors?.trim()) lists.userAnchors = choice.userAnchors;
  if (choice.userAnchorsTier) lists.userAnchorsTier = choice.userAnchorsTier;
  return lists;
}
