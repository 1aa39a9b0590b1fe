/**
 * Persistence for the PDQ index (pdq-index.ts) and its sync cursors. The background worker keeps the index in
 * memory and a store behind it; the in-memory store here serves tests and the CLI, the extension's one is
 * Dexie-backed.
 *
 * Contract for implementations (small on purpose):
 * - `saveChunk` must store the records AND the cursor together (one IndexedDB transaction): the cursor says
 *   "everything up to this block is stored", so it may never get ahead of the records. pdq-sync calls it once per
 *   synced block range, records first in log order.
 * - Records are keyed by pdqRecordKey (chainId, registrant, pdq): saving one again replaces it.
 * - `clearChain` drops a chain's records and cursor in one go.
 * - Block numbers are decimal strings (bigint does not survive JSON, and IndexedDB keys cannot be bigint).
 */
import { type PdqRecord, pdqRecordKey } from './pdq-index.ts';

export interface PdqSyncCursor {
  /** Last block whose logs are fully stored. */
  lastSyncedBlock: string;
  /** Which trusted registrants the records were synced for (see pdq-sync.ts); a change restarts the chain. */
  registrantsKey: string;
}

export interface PdqIndexStore {
  loadRecords: () => Promise<PdqRecord[]>;
  getCursor: (chainId: number) => Promise<PdqSyncCursor | undefined>;
  saveChunk: (chainId: number, records: PdqRecord[], cursor: PdqSyncCursor) => Promise<void>;
  clearChain: (chainId: number) => Promise<void>;
}

export class MemoryPdqIndexStore implements PdqIndexStore {
  readonly records = new Map<string, PdqRecord>();
  readonly cursors = new Map<number, PdqSyncCursor>();

  async loadRecords(): Promise<PdqRecord[]> {
    return [...this.records.values()];
  }

  async getCursor(chainId: number): Promise<PdqSyncCursor | undefined> {
    return this.cursors.get(chainId);
  }

  async saveChunk(chainId: number, records: PdqRecord[], cursor: PdqSyncCursor): Promise<void> {
    for (const r of records) this.records.set(pdqRecordKey(r), r);
    this.cursors.set(chainId, cursor);
  }

  async clearChain(chainId: number): Promise<void> {
    for (const [key, r] of this.records) if (r.chainId === chainId) this.records.delete(key);
    this.cursors.delete(chainId);
  }
}
