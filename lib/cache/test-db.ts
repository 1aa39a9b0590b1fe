import Dexie from 'dexie';
import { CacheDb, type CachedItem } from './cache-db.ts';

/**
 * Test support for the cache's tests: databases on the in-process IndexedDB (fake-indexeddb must be loaded
 * first), each with its own name, deleted after every test.
 */
export function testDatabases(prefix: string) {
  let n = 0;
  const dbs: CacheDb[] = [];
  return {
    open(name = `${prefix}-${n++}`): CacheDb {
      const db = new CacheDb({ indexedDB, IDBKeyRange }, name);
      dbs.push(db);
      return db;
    },
    async cleanUp(): Promise<void> {
      for (const db of dbs.splice(0)) {
        db.close();
        await Dexie.delete(db.name);
      }
    },
  };
}

/** A minimal valid cached item, with fields overridden as a test needs. */
export function testItem(
  key: string,
  over: Partial<CachedItem> = {},
): Omit<CachedItem, 'size' | 'lastAccess'> {
  return {
    key,
    kind: 'image',
    urls: [],
    evidence: {},
    parts: {},
    verdict: 'no-provenance',
    reason: 'nothing',
    checkedAt: 1,
    ...over,
  };
}
