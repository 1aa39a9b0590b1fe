import { describe, expect, it } from 'vitest';
import type { ChainConfig } from '../chain/chains.ts';
import { type PdqRecord, pdqRecordKey } from '../chain/pdq-index.ts';
import { MemoryPdqIndexStore, type PdqIndexStore } from '../chain/pdq-index-store.ts';
import { PDQ_SCREEN_DISTANCE } from '../fingerprint/screen-pdq.ts';
import { createPdqIndexService } from './pdq-index-service.ts';

const chain = (id: number, enabled: boolean): ChainConfig => ({
  id,
  name: `chain ${id}`,
  rpcUrl: 'http://127.0.0.1:9/',
  enabled,
});

const record = (chainId: number): PdqRecord => ({
  pdq: `0x${'ab'.repeat(32)}`,
  chainId,
  registrant: `0x${'11'.repeat(20)}`,
  time: 1,
  flags: 0,
});

/** A store holding these records; sync attempts fail at once (nothing listens on port 9). */
function storeWith(records: PdqRecord[]): MemoryPdqIndexStore {
  const store = new MemoryPdqIndexStore();
  for (const r of records) store.records.set(pdqRecordKey(r), r);
  return store;
}

const refusingFetch = (async () => {
  throw new TypeError('offline');
}) as typeof fetch;

describe('wantsPdq: decode images only where a perceptual comparison can happen', () => {
  it('answers no with every chain off, without even loading the index', async () => {
    const untouchable: PdqIndexStore = {
      loadRecords: () => Promise.reject(new Error('the index must not be loaded')),
      getCursor: () => Promise.reject(new Error('no')),
      saveChunk: () => Promise.reject(new Error('no')),
      clearChain: () => Promise.reject(new Error('no')),
    };
    const service = createPdqIndexService({
      chains: [chain(1, false), chain(31337, false)],
      registrants: [],
      store: untouchable,
      fetch: refusingFetch,
    });
    expect(await service.wantsPdq()).toBe(false);
  });

  it('answers no when the index holds records of disabled chains only', async () => {
    const service = createPdqIndexService({
      chains: [chain(1, true), chain(31337, false)],
      registrants: [],
      store: storeWith([record(31337)]),
      fetch: refusingFetch,
    });
    expect(await service.wantsPdq()).toBe(false);
  });

  it('answers yes when the index holds a record of an enabled chain', async () => {
    const service = createPdqIndexService({
      chains: [chain(1, true), chain(31337, true)],
      registrants: [],
      store: storeWith([record(31337)]),
      fetch: refusingFetch,
    });
    expect(await service.wantsPdq()).toBe(true);
  });
});

describe('screen: decode exactly only where a record is within reach of the approximate hash', () => {
  const serviceWith = (chains: ChainConfig[]) =>
    createPdqIndexService({
      chains,
      registrants: [],
      store: storeWith([record(31337)]),
      fetch: refusingFetch,
    });

  // Flips the first `n` bits of the record's hash (64 hex chars, no 0x).
  const flipped = (n: number): string => {
    const bits = BigInt(`0x${'ab'.repeat(32)}`) ^ ((1n << BigInt(n)) - 1n);
    return bits.toString(16).padStart(64, '0');
  };

  it('says yes within PDQ_SCREEN_DISTANCE of a record of an enabled chain, and no beyond it', async () => {
    const service = serviceWith([chain(31337, true)]);
    expect(await service.screen(flipped(0))).toBe(true);
    expect(await service.screen(flipped(PDQ_SCREEN_DISTANCE))).toBe(true);
    expect(await service.screen(flipped(PDQ_SCREEN_DISTANCE + 1))).toBe(false);
  });

  it('ignores records of disabled chains, and answers no with every chain off', async () => {
    expect(await serviceWith([chain(1, true), chain(31337, false)]).screen(flipped(0))).toBe(false);
    expect(await serviceWith([chain(31337, false)]).screen(flipped(0))).toBe(false);
  });
});
