import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { CacheStore } from "../http/cache-store.js";

/**
 * Automatic persisted queries kept in the gateway's shared store: with Redis, a query one replica
 * learned is known to all of them (in memory, to this process alone).
 */
export function persistedQueryCache(store: CacheStore, namespace: string): KeyValueCache<string> {
  const key = (hash: string) => `${namespace}:apq:${hash}`;
  return {
    get: (hash) => store.get<string>(key(hash)),
    async set(hash, query, options) {
      await store.set(key(hash), query, options?.ttl ? options.ttl * 1000 : undefined);
    },
    // Entries expire; nothing in the gateway deletes one.
    delete: () => Promise.resolve(false),
  };
}
