import { type PdqRecord, pdqRecordKey } from '../chain/pdq-index.ts';
import type { PdqIndexStore, PdqSyncCursor } from '../chain/pdq-index-store.ts';
import type { CacheDb } from './cache-db.ts';

/** The local perceptual index's persistence in IndexedDB: records and cursor are written in one transaction. */
export class DexiePdqStore implements PdqIndexStore {
  constructor(private readonly db: CacheDb) {}

  async loadRecords(): Promise<PdqRecord[]> {
    return (await this.db.pdq.toArray()).map(({ key: _key, ...record }) => record);
  }

  async getCursor(chainId: number): Promise<PdqSyncCursor | undefined> {
    const row = await this.db.sync.get(chainId);
    return row ? { lastSyncedBlock: row.lastSyncedBlock, registrantsKey: row.registrantsKey } : undefined;
  }

  async saveChunk(chainId: number, records: PdqRecord[], cursor: PdqSyncCursor): Promise<void> {
    await this.db.transaction('rw', this.db.pdq, this.db.sync, async () => {
      await this.db.pdq.bulkPut(records.map((r) => ({ ...r, key: pdqRecordKey(r) })));
      await this.db.sync.put({ chainId, ...cursor });
    });
  }

  async clearChain(chainId: number): Promise<void> {
    await this.db.transaction('rw', this.db.pdq, this.db.sync, async () => {
      await this.db.pdq.where('chainId').equals(chainId).delete();
      await this.db.sync.delete(chainId);
    });
  }
}
