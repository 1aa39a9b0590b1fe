import { fetchBytes } from '../net/fetch-bytes.ts';
import { BUNDLED_TRUST_FILES } from './bundled-trust.ts';
import { readPemCertificates } from './pem-certificates.ts';
import { TRUST_LIST_SOURCES } from './trust-list-sources.ts';

/** Fetched list files by their bundled path (e.g. `trust/cai-interim-anchors.pem`), plus when. */
export interface TrustListOverrides {
  files: Record<string, string>;
  fetchedAt: number;
}

export const TRUST_OVERRIDES_KEY = 'trustListOverrides';
const MAX_LIST_BYTES = 4 * 1024 * 1024;

function looksValid(name: keyof typeof BUNDLED_TRUST_FILES, text: string): boolean {
  if (name === 'interimStoreCfg') return /^\s*[0-9.]+\s*$/m.test(text);
  return readPemCertificates(text).certificates.some((c) => !c.damaged);
}

/**
 * Fetches every trust list from its official address, without cookies, and checks that each is what it
 * should be (PEM certificates, or the EKU list). All or nothing: one bad list keeps the current ones.
 */
export async function fetchTrustLists(
  fetchFn: typeof fetch,
  sources: Record<keyof typeof BUNDLED_TRUST_FILES, string> = TRUST_LIST_SOURCES,
  now: () => number = Date.now,
): Promise<TrustListOverrides> {
  const names = Object.keys(BUNDLED_TRUST_FILES) as Array<keyof typeof BUNDLED_TRUST_FILES>;
  const texts = await Promise.all(
    names.map(async (name) => {
      const { bytes } = await fetchBytes(sources[name], {
        fetch: fetchFn,
        omitCredentials: true,
        maxBytes: MAX_LIST_BYTES,
      });
      const text = new TextDecoder().decode(bytes);
      if (!looksValid(name, text)) throw new Error(`${sources[name]} did not return a valid list`);
      return [BUNDLED_TRUST_FILES[name], text] as const;
    }),
  );
  return { files: Object.fromEntries(texts), fetchedAt: now() };
}

/** Reads a list file: the user's fetched copy if there is one, else the bundled copy. */
export function withOverrides(
  readBundled: (path: string) => Promise<string>,
  overrides: TrustListOverrides | undefined,
): (path: string) => Promise<string> {
  return async (path) => overrides?.files[path] ?? readBundled(path);
}
