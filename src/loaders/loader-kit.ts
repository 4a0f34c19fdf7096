import DataLoader from "dataloader";
import { UpstreamError, type UpstreamErrorKind } from "../http/upstream-error.js";

/**
 * A loader for an upstream with no batch endpoint: each distinct key is one call, made once
 * per request however many resolvers ask. Keys may be objects (compared by value).
 */
export function perKey<K, V>(load: (key: K) => Promise<V>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    (keys) => Promise.all(keys.map((key) => load(key).catch((error: unknown) => toError(error)))),
    { cacheKeyFn: stableKey },
  );
}

/** One value per request (a whole listing), loaded on first use and shared. */
export function once<V>(load: () => Promise<V>): { load(): Promise<V>; started(): boolean } {
  let value: Promise<V> | undefined;
  return {
    load: () => (value ??= load()),
    started: () => value !== undefined,
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

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function stableKey(key: unknown): string {
  return typeof key === "string" ? key : JSON.stringify(key);
}
