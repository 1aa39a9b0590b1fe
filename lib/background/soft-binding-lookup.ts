import { sha256Hex } from '../fingerprint/sha256.ts';
import type { BackgroundResponses, ItemDetails } from '../messages/protocol.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import { normalizeEndpoint, resolveByContent, type SoftBindingEnv } from '../recover/soft-binding-client.ts';
import type { Settings } from '../settings/settings.ts';

/**
 * The details page's "ask this service" button: only an endpoint the user added in the options, only for an image,
 * with the image's bytes fetched again from where it was seen (as the check did: cookies per the setting) and
 * checked to be the same bytes before they are uploaded.
 */
export async function softBindingLookup(
  details: ItemDetails | null,
  endpoint: string,
  settings: Pick<Settings, 'softBindingEndpoints' | 'omitCredentials'>,
  env: SoftBindingEnv,
): Promise<BackgroundResponses['soft-binding-lookup']> {
  const base = normalizeEndpoint(endpoint);
  if (!base || !settings.softBindingEndpoints.includes(base))
    return { error: 'This service is not in your options.' };
  if (details?.kind !== 'image') return { error: 'Only images can be looked up.' };
  const url = details.urls.find((u) => /^https?:\/\//i.test(u));
  if (!url)
    return { error: 'Where this image was seen is not known any more: verify it again from its page.' };
  try {
    const fetched = await fetchBytes(url, { fetch: env.fetch, omitCredentials: settings.omitCredentials });
    if ((await sha256Hex(fetched.bytes)) !== details.key)
      return { error: 'The image at its address has changed since it was checked: verify it again.' };
    return await resolveByContent(base, fetched.bytes, fetched.contentType, env);
  } catch (error) {
    return { error: `${new URL(base).host}: ${(error as Error).message}` };
  }
}
