import type { ChainConfig } from '../chain/chains.ts';
import { createChainClient } from '../chain/create-chain-client.ts';
import { PdqIndex } from '../chain/pdq-index.ts';
import type { PdqIndexStore } from '../chain/pdq-index-store.ts';
import { loadPdqIndex, syncPdqIndex } from '../chain/pdq-sync.ts';
import type { TrustedRegistrant } from '../chain/registrants.ts';
import { PDQ_SCREEN_DISTANCE } from '../fingerprint/screen-pdq.ts';
import { waitAtMost } from '../pipeline/wait-at-most.ts';

export interface PdqIndexServiceEnv {
  chains: readonly ChainConfig[];
  registrants: readonly TrustedRegistrant[];
  store: PdqIndexStore;
  fetch: typeof fetch;
  now?: () => number;
}

/** The index is re-synced from the chain's events at most this often (each sync is a few eth_getLogs). */
export const PDQ_RESYNC_MS = 5 * 60_000;
/** The first lookup waits at most this long for the first sync; later ones never wait. */
const FIRST_SYNC_WAIT_MS = 4000;

/**
 * The local perceptual index of the trusted registrants' PDQ records: loaded from IndexedDB when first
 * needed, then kept up to date from the registry's events, incrementally. Matching happens here, so the
 * PDQ hashes of what the user views never leave the browser. A failed sync leaves the index as it was:
 * a perceptual match is only ever a lead.
 */
export function createPdqIndexService(env: PdqIndexServiceEnv) {
  const now = env.now ?? Date.now;
  const index = new PdqIndex();
  // Trusted registrants' ISCC Text-Code records (kind 3), synced in the same scan: text codes stay local too.
  const textIndex = new PdqIndex();
  let loaded: Promise<void> | undefined;
  let syncing: Promise<void> | undefined;
  let lastSync = 0;

  const syncAll = async () => {
    await Promise.all(
      env.chains
        .filter((c) => c.enabled)
        .map(async (chain) => {
          const client = createChainClient(chain, { fetchFn: env.fetch });
          // Bounded per run; resumes from the stored cursor next time.
          for (let run = 0; run < 5; run++) {
            const result = await syncPdqIndex({
              client,
              chain,
              registrants: env.registrants,
              index,
              textIndex,
              store: env.store,
            });
            if (result.done) break;
          }
        }),
    );
  };

  const startSync = () => {
    syncing ??= syncAll()
      .catch(() => {})
      .finally(() => {
        lastSync = now();
        syncing = undefined;
      });
    return syncing;
  };

  const enabled = new Set(env.chains.filter((c) => c.enabled).map((c) => c.id));
  let answered: { size: number; wanted: boolean } | undefined;
  let answeredText: { size: number; wanted: boolean } | undefined;
  const ready = async (): Promise<PdqIndex> => {
    loaded ??= loadPdqIndex(index, env.store, textIndex).catch(() => {});
    await loaded;
    if (lastSync === 0) {
      await waitAtMost(startSync(), FIRST_SYNC_WAIT_MS);
    } else if (now() - lastSync > PDQ_RESYNC_MS) {
      void startSync();
    }
    return index;
  };

  return {
    index: ready,
    /** The local ISCC Text-Code index (lightly edited text). */
    textIndex: async (): Promise<PdqIndex> => {
      await ready();
      return textIndex;
    },
    /**
     * Can a perceptual hash be compared with anything? Only with PDQ records of an enabled chain. With every
     * chain off (the default) this answers at once, without loading the index, and no image is decoded.
     */
    wantsPdq: async (): Promise<boolean> => {
      if (enabled.size === 0) return false;
      const current = await ready();
      // Records are only added or dropped by a sync: recount only when the size moved.
      if (answered?.size !== current.size) {
        answered = { size: current.size, wanted: current.hasChain(enabled) };
      }
      return answered.wanted;
    },
    /**
     * Is a record of an enabled chain within PDQ_SCREEN_DISTANCE of this approximate hash? Only then is the
     * image decoded for its exact hash (lib/fingerprint/screen-pdq.ts).
     */
    screen: async (approx: string): Promise<boolean> => {
      if (enabled.size === 0) return false;
      const current = await ready();
      return current.match(approx, PDQ_SCREEN_DISTANCE).some((m) => enabled.has(m.record.chainId));
    },
    /** The same for a text's ISCC Text-Code: computed in the worker only when a trusted record can compare it. */
    wantsIscc: async (): Promise<boolean> => {
      if (enabled.size === 0) return false;
      await ready();
      if (answeredText?.size !== textIndex.size) {
        answeredText = { size: textIndex.size, wanted: textIndex.hasChain(enabled) };
      }
      return answeredText.wanted;
    },
    sync: startSync,
  };
}
