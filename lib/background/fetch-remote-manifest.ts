import { isRemoteNotFetched } from '../c2pa/read-c2pa.ts';
import type { BackgroundResponses } from '../messages/protocol.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';

export interface FetchRemoteManifestEnv {
  pipeline: () => Promise<Pipeline>;
  /** Lets the C2PA provider ask this manifest URL (for this worker's lifetime). */
  allow: (manifestUrl: string) => void;
}

/**
 * "Fetch Content Credentials from <host>" on the details page: the one manifest URL the item names is allowed
 * (nothing else on that host, and no other item's), and the image is checked again with it.
 */
export async function fetchRemoteManifest(
  key: string,
  env: FetchRemoteManifestEnv,
): Promise<BackgroundResponses['fetch-remote-manifest']> {
  const pipeline = await env.pipeline();
  const details = await pipeline.details(key);
  const c2pa = details?.evidence.c2pa;
  const url = details?.urls[0];
  if (!details || !c2pa?.remoteUrl || !isRemoteNotFetched(c2pa)) {
    return { error: 'This item has no remote Content Credentials waiting to be fetched.' };
  }
  if (!url) return { error: 'The image’s address was not kept, so it cannot be checked again.' };
  env.allow(c2pa.remoteUrl);
  const result = await pipeline.recheckImage(url);
  if (!result.key) return { error: result.reason };
  return (await pipeline.details(result.key)) ?? { error: 'The result could not be stored' };
}
