import { contentHashOf } from '../chain/content-hash.ts';
import { createChainClient } from '../chain/create-chain-client.ts';
import { registrationsFromLogs } from '../chain/registrations-from-logs.ts';
import type { ChainRecord } from '../evidence/types.ts';
import { backgroundError } from '../i18n/background-error.ts';
import type { Translate } from '../i18n/translate.ts';
import type { BackgroundResponses, ItemDetails } from '../messages/protocol.ts';
import type { Settings } from '../settings/settings.ts';

/**
 * Who registered an item's exact hash (SHA-256 of bytes, or of the collapsed text), on every enabled
 * chain, from the registry's logs. The batched lookup only names trusted registrants; this names everyone.
 * Only the details page asks, one item at a time: log scans are too heavy for every image on a page.
 */
export async function registrationsFor(
  details: ItemDetails | null,
  settings: Settings,
  fetchFn: typeof fetch,
  english: Translate,
): Promise<BackgroundResponses['get-registrations']> {
  const contentHash = contentHashOf(details?.evidence.fingerprints);
  if (!contentHash) {
    const { error, errorCode } = backgroundError(english, 'not-in-cache');
    return { records: [], errors: [error], complete: false, errorCode };
  }
  const records: ChainRecord[] = [];
  const errors: string[] = [];
  let complete = true;
  await Promise.all(
    settings.chains
      .filter((c) => c.enabled)
      .map(async (chain) => {
        try {
          const result = await registrationsFromLogs(createChainClient(chain, { fetchFn }), {
            chain,
            contentHash,
            registrants: settings.registrants,
          });
          records.push(...result.records);
          complete &&= result.complete;
        } catch (error) {
          errors.push(`${chain.name}: ${(error as Error).message.split('\n')[0]}`);
          complete = false;
        }
      }),
  );
  return { records, errors, complete };
}
