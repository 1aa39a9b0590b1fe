import { sha256Hex } from '../fingerprint/sha256.ts';
import { backgroundError } from '../i18n/background-error.ts';
import type { Translate } from '../i18n/translate.ts';
import type { BackgroundResponses, ItemDetails } from '../messages/protocol.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import { normalizeEndpoint, resolveByContent, type SoftBindingEnv } from '../recover/soft-binding-client.ts';
import type { Settings } from '../settings/settings.ts';

/**
 * The details page's "ask this service" button: only an endpoint the user added in the options, only for an image,
 * with the image's bytes fetched again from where it was seen (as the check did: cookies per the setting) and
 * checked to be the same bytes before they are uploaded. A refusal carries a code beside its English (`english`).
 */
export async function softBindingLookup(
  details: ItemDetails | null,
  endpoint: string,
  settings: Pick<Settings, 'softBindingEndpoints' | 'omitCredentials'>,
  env: SoftBindingEnv,
  english: Translate,
): Promise<BackgroundResponses['soft-binding-lookup']> {
  const base = normalizeEndpoint(endpoint);
  if (!base || !settings.softBindingEndpoints.includes(base))
    return backgroundError(english, 'service-not-in-options');
  if (details?.kind !== 'image') return backgroundError(english, 'not-an-image');
  const url = details.urls.find((u) => /^https?:\/\//i.test(u));
  if (!url) return backgroundError(english, 'address-unknown');
  try {
    const fetched = await fetchBytes(url, { fetch: env.fetch, omitCredentials: settings.omitCredentials });
    if ((await sha256Hex(fetched.bytes)) !== details.key) return backgroundError(english, 'image-changed');
    return await resolveByContent(base, fetched.bytes, fetched.contentType, env);
  } catch (error) {
    return backgroundError(english, 'service-failed', [new URL(base).host, (error as Error).message]);
  }
}
