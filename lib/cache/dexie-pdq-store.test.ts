import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PdqRecord } from '../chain/pdq-index.ts';
import { MemoryPdqIndexStore } from '../chain/pdq-index-store.ts';
import { CacheDb } from './cache-db.ts';
import { DexiePdqStore } from './dexie-pdq-store.ts';

const record = (n: number, chainId = 31337): PdqRecord => ({
  pdq: `0x${n.toString(16).padStart(64, '0')}`,
  chainId,
  registrant: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  time: 1_700_000_000 + n,
  flags: 0,
});

describe('DexiePdqStore', () => {
  it('behaves like the in-memory store the sync is tested with', async () => {
    const dexie = new DexiePdqStore(new CacheDb({ indexedDB, IDBKeyRange }, 'pdq-store'));
    const memory = new MemoryPdqIndexStore();
    for (const store of [dexie, memory]) {
      await store.saveChunk(31337, [record(1), record(2)], { lastSyncedBlock: '10', registrantsKey: 'a' });
      await store.saveChunk(31337, [{ ...record(2), flags: 2 }], {
        lastSyncedBlock: '20',
        registrantsKey: 'a',
      });
      await store.saveChunk(1, [record(3, 1)], { lastSyncedBlock: '5', registrantsKey: 'b' });
      await store.clearChain(1);
    }
    const sort = (rs: PdqRecord[]) => rs.sort((a, b) => a.time - b.time);
    expect(sort(await dexie.loadRecords())).toEqual(sort(await memory.loadRecords()));
    expect(await dexie.loadRecords()).toHaveLength(2);
    expect(await dexie.getCursor(31337)).toEqual({ lastSyncedBlock: '20', registrantsKey: 'a' });
    expect(await dexie.getCursor(1)).toBeUndefined();
  });
});
