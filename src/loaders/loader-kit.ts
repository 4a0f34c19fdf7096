import DataLoader from "dataloader";
import { UpstreamError, type UpstreamErrorKind } from "../http/upstream-error.js";

export interface LoaderKit {
  /** A loader that may batch: `load` gets every key asked for in the same tick. */
  batched<K, V>(load: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V, string>;
  /**
   * A loader for an upstream with no batch endpoint: each distinct key is one call, made once
   * per request however many resolvers ask. Keys may be objects (compared by value).
   */
  perKey<K, V>(load: (key: K) => Promise<V>, identify?: (key: K) => string): DataLoader<K, V, string>;
  /** One value per request (a whole listing), loaded on first use and shared. */
  once<V>(load: () => Promise<V>): { load(): Promise<V>; started(): boolean };
  /** Whether listings a query will need may be started ahead of the resolvers that need them. */
  prefetches: boolean;
}

/** Loaders as the gateway makes them: batched, de-duplicated within the request, fetched ahead. */
export function loaderKit(): LoaderKit {
  return {
    batched: <K, V>(load: (keys: readonly K[]) => Promise<Array<V | Error>>) =>
      new DataLoader<K, V, string>(load, { cacheKeyFn: stableKey }),
    perKey: <K, V>(load: (key: K) => Promise<V>, identify: (key: K) => string = stableKey) =>
      new DataLoader<K, V, string>(
        (keys) => Promise.all(keys.map((key) => load(key).catch((error: unknown) => toError(error)))),
        { cacheKeyFn: identify },
      ),
    once<V>(load: () => Promise<V>) {
      let value: Promise<V> | undefined;
      return { load: () => (value ??= load()), started: () => value !== undefined };
    },
    prefetches: true,
  };
}

/**
 * A missing record is null, not an error: the field is null and the rest of the answer stands.
 * Some calls also answer 400 for what a repository's type cannot do (svn has no branches).
 */
export async function orNull<V>(work: Promise<V>, alsoNull: UpstreamErrorKind[] = []): Promise<V | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UpstreamError && (error.kind === "NOT_FOUND" || alsoNull.includes(error.kind)))
      return null;
    throw error;
  }
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function stableKey(key: unknown): string {
  return typeof key === "string" ? key : JSON.stringify(key);
}
